package io.centrabff.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.cart.CartLock;
import io.centrabff.cart.CartState;
import io.centrabff.cart.CartStates;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Inside a lease, the state the lease found reaches every copy of the cart this instance makes, not only the first:
 * a widget's signal for a cart this instance has no copy of yet pulls into a candidate copy, which is dropped when the
 * lease holder made its own copy in the same instant; the holder must not then work from an empty cart.
 */
class LeaseSnapshotTests {

    private static Cluster cluster;

    @BeforeAll
    static void start() {
        cluster = Cluster.shared();
    }

    @Test
    void aCandidateCopyPulledFirstDoesNotLeaveTheHoldersCopyEmpty() {
        String cart = "snapshot-race-cart";
        // Instance B answered for the cart and shared its state: 10.00 SEK after one change.
        CartStates statesB = cluster.bean(1, CartStates.class);
        CartState onB = statesB.pull(cart);
        onB.answeredByCentra();
        onB.totals(new BigDecimal("10.00"), "SEK");
        onB.mutated();
        statesB.push(cart);

        // Instance A, which has no copy of the cart, takes its lease.
        RedisCarts sharedA = cluster.bean(0, RedisCarts.class);
        CartLock.Lease lease = cluster.bean(0, RedisCartLock.class).enter(cart).block();
        try {
            // A widget's signal pulls into a candidate copy first; then the holder pulls into the copy it keeps.
            CartState candidate = new CartState();
            sharedA.pull(cart, candidate);
            CartState holders = new CartState();
            sharedA.pull(cart, holders);

            assertThat(candidate.total()).isEqualByComparingTo("10.00");
            assertThat(holders.answered()).isTrue();
            assertThat(holders.cartVersion()).isEqualTo(1);
            assertThat(holders.total()).isEqualByComparingTo("10.00");

            // A second pull into the same copy inside the lease keeps the holder's own change.
            holders.totals(new BigDecimal("25.00"), "SEK");
            sharedA.pull(cart, holders);
            assertThat(holders.total()).isEqualByComparingTo("25.00");
        } finally {
            lease.close();
        }
    }
}
