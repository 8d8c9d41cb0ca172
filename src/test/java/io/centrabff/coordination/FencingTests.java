package io.centrabff.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.centrabff.cart.CartEvents;
import io.centrabff.cart.CartLock;
import io.centrabff.cart.CartState;
import io.centrabff.cart.CartStates;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/** A holder whose lease on a cart ran out cannot write the cart's shared state or events any more. */
class FencingTests {

    private static Cluster cluster;

    @BeforeAll
    static void start() {
        cluster = Cluster.shared();
    }

    @Test
    void aLateWriteUnderAnExpiredLeaseIsRefusedAndTheNewHolderKeepsTheCart() {
        String cart = "fenced-cart";
        CartStates statesB = cluster.bean(1, CartStates.class);
        MeterRegistry metersA = cluster.bean(0, MeterRegistry.class);
        // The cluster is shared with other test classes that may have counted refusals already.
        double refusedBefore =
                metersA.counter("bff.cart.fenced.writes", "outcome", "refused").count();
        double lostBefore =
                metersA.counter("bff.cart.lock", "outcome", "lease-lost").count();

        // B has a tab of the cart open: it receives the cart's events (a tab's stream subscribes the same way).
        CartEvents.Transport transportB = cluster.bean(1, CartEvents.Transport.class);
        transportB.listen(cart);

        // The lease runs out while instance A is stalled (its Redis key expires): instance B takes the cart.
        StaleHolder.Takeover takeover = StaleHolder.takeOver(cluster, cart);
        CartLock.Lease late = takeover.late();
        CartLock.Lease current = takeover.current();
        assertThat(current.fence()).isGreaterThan(late.fence());
        statesB.pull(cart).totals(new java.math.BigDecimal("10.00"), "SEK");
        statesB.of(cart).mutated();
        statesB.push(cart);

        // A wakes up and writes what it computed under its old lease.
        StaleHolder.writesAndReleases(cluster, 0, cart, 2, late);
        current.close();

        // A lease's state and events go to Redis with its release, which runs off the calling thread.
        await().until(
                        () -> metersA.counter("bff.cart.fenced.writes", "outcome", "refused")
                                .count(),
                        refused -> refused >= refusedBefore + 2);
        assertThat(metersA.counter("bff.cart.fenced.writes", "outcome", "refused")
                        .count())
                .isEqualTo(refusedBefore + 2);
        await().until(
                        () -> metersA.counter("bff.cart.lock", "outcome", "lease-lost")
                                .count(),
                        lost -> lost >= lostBefore + 1);
        assertThat(metersA.counter("bff.cart.lock", "outcome", "lease-lost").count())
                .isEqualTo(lostBefore + 1);
        await().untilAsserted(() -> {
            CartState shared = new CartState();
            cluster.bean(0, RedisCarts.class).pull(cart, shared);
            assertThat(shared.total()).isEqualByComparingTo("10.00");
        });
        // Events of one cart arrive in order: once a later event is in, the late one would have been too.
        CartEvents tabsOnB = cluster.bean(1, CartEvents.class);
        tabsOnB.publish(cart, "marker", JsonNodeFactory.instance.objectNode());
        await().until(() -> tabsOnB.log(cart), log -> !log.isEmpty());
        assertThat(tabsOnB.log(cart)).extracting(CartEvents.Event::name).containsExactly("marker");
        transportB.ignore(cart);
    }

    @Test
    void aStaleHolderCanNeitherClearNorSetThePaymentLock() {
        String cart = "fenced-lock-cart";
        RedisLink link = cluster.bean(0, RedisLink.class);
        CartStates statesA = cluster.bean(0, CartStates.class);
        CartStates statesB = cluster.bean(1, CartStates.class);
        MeterRegistry metersA = cluster.bean(0, MeterRegistry.class);
        double refusedBefore =
                metersA.counter("bff.cart.fenced.writes", "outcome", "refused").count();
        String hash = RedisCarts.key(link, cart);

        StaleHolder.Takeover takeover = StaleHolder.takeOver(cluster, cart);
        CartLock.Lease late = takeover.late();
        CartLock.Lease current = takeover.current();
        // B's payment locks the cart (sent on B's lease connection without waiting).
        statesB.pull(cart).lock("payment-result", Instant.now().plus(Duration.ofMinutes(1)));
        statesB.pushLock(cart);
        await().until(() -> link.redis().opsForHash().get(hash, "lock"), lock -> lock != null);
        String locked = (String) link.redis().opsForHash().get(hash, "lock");
        assertThat(locked).endsWith(" payment-result");

        // A, stalled under its old lease, ends the payment it started and clears the lock: refused.
        statesA.of(cart).unlock();
        statesA.pushLock(cart);
        await().until(
                        () -> metersA.counter("bff.cart.fenced.writes", "outcome", "refused")
                                .count(),
                        refused -> refused >= refusedBefore + 1);
        assertThat(link.redis().opsForHash().get(hash, "lock")).isEqualTo(locked);
        // Nor can it set one of its own.
        statesA.of(cart).lock("payment-result", Instant.now().plus(Duration.ofMinutes(5)));
        statesA.pushLock(cart);
        await().until(
                        () -> metersA.counter("bff.cart.fenced.writes", "outcome", "refused")
                                .count(),
                        refused -> refused >= refusedBefore + 2);
        assertThat(link.redis().opsForHash().get(hash, "lock")).isEqualTo(locked);

        // The newest holder still can: B's payment ends.
        statesB.of(cart).unlock();
        statesB.pushLock(cart);
        await().untilAsserted(() ->
                assertThat(link.redis().opsForHash().get(hash, "lock")).isNull());
        late.close();
        current.close();
    }
}
