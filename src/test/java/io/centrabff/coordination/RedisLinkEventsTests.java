package io.centrabff.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Loss and recovery of the Redis link reach the application's listeners as events, loss first. */
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
}
