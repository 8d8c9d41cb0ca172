package io.centrabff.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.centrabff.ShopperClient;
import io.centrabff.ShopperClient.Reply;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Loss and recovery of the Redis link reach the application's listeners as events, loss first; an instance started
 * while Redis is down starts all the same and joins once Redis answers.
 */
class RedisLinkEventsTests {

    @Test
    void aLostLinkIsPublishedAndSoIsItsRecoveryOnceTheProbeAnswersAgain() {
        Cluster cluster = Cluster.shared();
        List<Object> events = new CopyOnWriteArrayList<>();
        cluster.listen(0, event -> {
            if (event instanceof RedisLinkLost || event instanceof RedisLinkRecovered) {
                events.add(event);
            }
        });
        RedisLink link = cluster.bean(0, RedisLink.class);
        await().until(link::up);

        // Redis itself stays up: the next probe that gets through brings the link back.
        link.down("simulated loss");

        await().until(link::up);
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOfSatisfying(RedisLinkLost.class, lost -> assertThat(lost.reason())
                .isEqualTo("simulated loss"));
        assertThat(events.get(1))
                .isInstanceOfSatisfying(RedisLinkRecovered.class, recovered -> assertThat(recovered.first())
                        .isFalse());
    }

    /**
     * A Redis outage must not stop instances from starting (a restart or a scale-up during the outage would otherwise
     * take the shop down with it): the new instance serves carts from its local state, reports DEGRADED, and
     * coordinates once Redis is back.
     */
    @Test
    void anInstanceStartedWhileRedisIsDownServesCartsAndCoordinatesOnceRedisAnswers() {
        Cluster cluster = Cluster.shared();
        cluster.redis.stop();
        boolean restarted = false;
        try (ConfigurableApplicationContext late = cluster.another()) {
            RedisLink link = late.getBean(RedisLink.class);
            assertThat(link.up()).isFalse();
            ShopperClient shopper = new ShopperClient(
                    ((WebServerApplicationContext) late).getWebServer().getPort());
            Reply added = shopper.post("/api/checkout/items/1001-1", null);
            assertThat(added.status()).as(added.text()).isEqualTo(200);
            Reply readiness = shopper.get("http://127.0.0.1:"
                    + late.getEnvironment().getProperty("local.management.port") + "/actuator/health/readiness");
            assertThat(readiness.status()).isEqualTo(200);
            assertThat(readiness.json().path("status").asText()).isEqualTo("DEGRADED");

            cluster.redis.startProcess();
            restarted = true;
            await().until(link::up);
            Reply changed = shopper.post("/api/checkout/items/1001-1", null);
            assertThat(changed.status()).as(changed.text()).isEqualTo(200);
            assertThat(changed.json().at("/selection/items/0/quantity").asInt()).isEqualTo(2);
        } finally {
            if (!restarted) {
                cluster.redis.startProcess();
            }
        }
    }
}
