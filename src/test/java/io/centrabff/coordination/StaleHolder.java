package io.centrabff.coordination;

import io.centrabff.cart.CartEvents;
import io.centrabff.cart.CartLock;
import io.centrabff.cart.CartState;
import io.centrabff.cart.CartStates;
import java.math.BigDecimal;
import tools.jackson.databind.node.JsonNodeFactory;

/** An instance that held a cart's lease, stalled past its end, wakes up and writes under the old lease. */
final class StaleHolder {

    private StaleHolder() {}

    /** The lease instance 0 took and lost, and the lease instance 1 took after it. */
    record Takeover(CartLock.Lease late, CartLock.Lease current) {}

    /**
     * Instance 0 takes the cart's lease and reads its state; the lease runs out while it is stalled (its Redis key
     * expires) and instance 1 takes the cart.
     */
    static Takeover takeOver(Cluster cluster, String cart) {
        RedisLink link = cluster.bean(0, RedisLink.class);
        CartLock.Lease late = cluster.bean(0, RedisCartLock.class).enter(cart).block();
        cluster.bean(0, CartStates.class).pull(cart);
        link.redis().delete(link.key("cart-lock") + ":" + cart);
        CartLock.Lease current =
                cluster.bean(1, RedisCartLock.class).enter(cart).block();
        return new Takeover(late, current);
    }

    /**
     * On {@code instance}: {@code mutations} changes and a 999.00 SEK total to the cart's state, a {@code resume}
     * event marked {@code late}, then the old {@code lease} released, as a stalled holder would.
     */
    static void writesAndReleases(Cluster cluster, int instance, String cart, int mutations, CartLock.Lease lease) {
        CartStates states = cluster.bean(instance, CartStates.class);
        CartState stale = states.of(cart);
        for (int i = 0; i < mutations; i++) {
            stale.mutated();
        }
        stale.totals(new BigDecimal("999.00"), "SEK");
        states.push(cart);
        cluster.bean(instance, CartEvents.class)
                .publish(cart, "resume", JsonNodeFactory.instance.objectNode().put("late", true));
        lease.close();
    }
}
