package io.centrabff.widgets;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * Widget state per cart, kept while the cart is in use (Klarna orders live 48 h, so the idle TTL is longer). With
 * several instances the state is also shared: {@link #pull} takes over the other instances' changes, {@link #push}
 * hands this instance's on.
 */
final class WidgetStates {

    /** Where the state is shared with other instances. */
    interface Shared {

        /** Updates {@code state} with the shared copy, if that is as new or newer. */
        void pull(String cart, CartWidgetState state);

        /** Shares everything but the payment lock; inside a lease, only while the lease is the newest. */
        void push(String cart, CartWidgetState state);

        /** Shares the payment lock. */
        void pushLock(String cart, CartWidgetState state);
    }

    private static final Shared UNSHARED = new Shared() {
        @Override
        public void pull(String cart, CartWidgetState state) {}

        @Override
        public void push(String cart, CartWidgetState state) {}

        @Override
        public void pushLock(String cart, CartWidgetState state) {}
    };

    private final Cache<String, CartWidgetState> states;
    private final Shared shared;

    WidgetStates(Duration idleTtl) {
        this(idleTtl, 100_000, null);
    }

    WidgetStates(Duration idleTtl, long maxCarts, Shared shared) {
        this.states = Caffeine.newBuilder()
                .expireAfterAccess(idleTtl)
                .maximumSize(maxCarts)
                .build();
        this.shared = shared == null ? UNSHARED : shared;
    }

    /** This instance's copy of the cart's state. */
    CartWidgetState of(String cart) {
        return states.get(cart, key -> new CartWidgetState());
    }

    /**
     * The state of a cart Centra has answered for (on this instance or, shared, on another), or null: a token the BFF
     * never saw Centra accept creates no state.
     */
    CartWidgetState answered(String cart) {
        CartWidgetState state = states.getIfPresent(cart);
        if (state == null) {
            CartWidgetState candidate = new CartWidgetState();
            shared.pull(cart, candidate);
            if (!candidate.answered()) {
                return null;
            }
            state = states.get(cart, key -> candidate);
        } else {
            shared.pull(cart, state);
        }
        return state.answered() ? state : null;
    }

    /** This instance's copy, updated with the other instances' changes. */
    CartWidgetState pull(String cart) {
        CartWidgetState state = of(cart);
        shared.pull(cart, state);
        return state;
    }

    void push(String cart) {
        shared.push(cart, of(cart));
    }

    void pushLock(String cart) {
        shared.pushLock(cart, of(cart));
    }
}
