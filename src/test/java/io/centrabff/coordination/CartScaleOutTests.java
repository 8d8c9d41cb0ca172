package io.centrabff.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.centrabff.ShopperClient;
import io.centrabff.ShopperClient.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One cart changed through two instances: its mutations are serialized across both, every open tab sees every
 * change whichever instance made it, retries and payment locks hold across instances, and a Redis outage neither
 * stops the shop nor loses the cart.
 */
class CartScaleOutTests {

    private static Cluster cluster;

    @BeforeAll
    static void start() {
        cluster = Cluster.shared();
    }

    @Test
    void fiftyConcurrentMutationsThroughBothInstancesAddUpAndTabsSeeStrictlyAlternatingSuspendResume() {
        ShopperClient shopper = new ShopperClient(cluster.port(0));
        String line = newCart(shopper);
        try (EventStream tabOnB =
                new EventStream(cluster.url(1, "/api/checkout/selection/events"), shopper.cookie("centra-session"))) {
            assertThat(tabOnB.awaitNames(1)).containsExactly("snapshot");

            long started = System.nanoTime();
            List<Integer> statuses = storm(shopper, line, 50);
            System.out.printf(
                    "50 concurrent increments of one cart through A and B: %.0f ms in all, %.1f ms per mutation%n",
                    (System.nanoTime() - started) / 1e6, (System.nanoTime() - started) / 1e6 / 50);

            assertThat(statuses).containsOnly(200);
            assertThat(quantity(shopper, 1)).isEqualTo(51);
            List<String> names = tabOnB.awaitNames(101);
            assertThat(names).hasSize(101);
            for (int i = 1; i < names.size(); i++) {
                assertThat(names.get(i)).as("event " + i).isEqualTo(i % 2 == 1 ? "suspend" : "resume");
            }
        }
    }

    @Test
    void aTabConnectedToOneInstanceSeesAChangeMadeThroughTheOther() {
        ShopperClient shopper = new ShopperClient(cluster.port(0));
        String line = newCart(shopper);
        try (EventStream tabOnB =
                new EventStream(cluster.url(1, "/api/checkout/selection/events"), shopper.cookie("centra-session"))) {
            assertThat(tabOnB.awaitNames(1)).containsExactly("snapshot");

            Reply changed = shopper.put(cluster.url(0, "/api/checkout/lines/" + line + "/quantity/3"), null);

            assertThat(changed.status()).isEqualTo(200);
            assertThat(tabOnB.awaitNames(3)).containsExactly("snapshot", "suspend", "resume");
            long before = version(tabOnB.events().get(0));
            assertThat(version(tabOnB.events().get(2))).isGreaterThan(before);
        }
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyOnTheOtherInstanceGetsTheFirstAnswer() {
        ShopperClient shopper = new ShopperClient(cluster.port(0));
        String line = newCart(shopper);

        Reply first =
                shopper.send("POST", cluster.url(0, "/api/checkout/lines/" + line), null, "Idempotency-Key", "k1");
        Reply retry =
                shopper.send("POST", cluster.url(1, "/api/checkout/lines/" + line), null, "Idempotency-Key", "k1");

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().at("/selection/items/0/quantity"))
                .isEqualTo(first.json().at("/selection/items/0/quantity"));
        assertThat(quantity(shopper, 1)).isEqualTo(2);
    }

    @Test
    void aPaymentStartedInAWidgetOnOneInstanceLocksTheCartOnTheOther() {
        ShopperClient shopper = new ShopperClient(cluster.port(0));
        String line = newCart(shopper);

        Reply started = shopper.post(
                cluster.url(1, "/api/checkout/widgets/signal"), Map.of("kind", "QLIRO", "signal", "payment-started"));
        assertThat(started.status()).isEqualTo(200);
        Reply refused = shopper.post(cluster.url(0, "/api/checkout/lines/" + line), null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("type").asText()).endsWith(":payment-in-progress");

        Reply ended = shopper.post(
                cluster.url(1, "/api/checkout/widgets/signal"), Map.of("kind", "QLIRO", "signal", "payment-ended"));
        assertThat(ended.status()).isEqualTo(200);
        assertThat(shopper.post(cluster.url(0, "/api/checkout/lines/" + line), null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void redisStoppedMidRunKeepsCartsWorkingAndCoordinationRecoversAfterRestart() {
        ShopperClient shopper = new ShopperClient(cluster.port(0));
        String line = newCart(shopper);

        cluster.redis.stop();
        for (int instance = 0; instance < 2; instance++) {
            RedisLink link = cluster.bean(instance, RedisLink.class);
            await().until(link::up, up -> !up);
        }
        for (int i = 0; i < 10; i++) {
            Reply reply = shopper.post(cluster.url(i % 2, "/api/checkout/lines/" + line), null);
            assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        }
        assertThat(quantity(shopper, 0)).isEqualTo(11);

        long restarted = System.nanoTime();
        cluster.redis.startProcess();
        for (int instance = 0; instance < 2; instance++) {
            RedisLink link = cluster.bean(instance, RedisLink.class);
            await().until(link::up, up -> up);
        }
        System.out.printf(
                "coordination resumed on both instances %.0f ms after redis-server was started again%n",
                (System.nanoTime() - restarted) / 1e6);
        try (EventStream tabOnB =
                new EventStream(cluster.url(1, "/api/checkout/selection/events"), shopper.cookie("centra-session"))) {
            assertThat(tabOnB.awaitNames(1)).containsExactly("snapshot");
            List<Integer> statuses = storm(shopper, line, 20);
            assertThat(statuses).containsOnly(200);
            assertThat(quantity(shopper, 1)).isEqualTo(31);
            List<String> names = tabOnB.awaitNames(41);
            assertThat(names).hasSize(41);
            for (int i = 1; i < names.size(); i++) {
                assertThat(names.get(i)).as("event " + i).isEqualTo(i % 2 == 1 ? "suspend" : "resume");
            }
        }
    }

    /** {@code count} concurrent increments of {@code line}, alternating between the two instances. */
    private static List<Integer> storm(ShopperClient shopper, String line, int count) {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String url = cluster.url(i % 2, "/api/checkout/lines/" + line);
                calls.add(CompletableFuture.supplyAsync(
                        () -> shopper.post(url, null).status(), pool));
            }
            return calls.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    private static String newCart(ShopperClient shopper) {
        Reply added = shopper.post(cluster.url(0, "/api/checkout/items/1001-1"), null);
        assertThat(added.status()).isEqualTo(200);
        return added.json().at("/selection/items/0/line").asText();
    }

    private static long version(EventStream.Event event) {
        return Long.parseLong(event.data().replaceAll(".*\"cartVersion\":(\\d+).*", "$1"));
    }

    private static int quantity(ShopperClient shopper, int instance) {
        return shopper.get(cluster.url(instance, "/api/checkout/selection"))
                .json()
                .at("/selection/items/0/quantity")
                .asInt();
    }
}
