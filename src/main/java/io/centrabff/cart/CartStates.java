package io.centrabff.cart;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * The cart's state store: state per cart, kept while the cart is in use (Klarna orders live 48 h, so the idle TTL is longer). With
 * several instances the state is also shared: {@link #pull} takes over the other instances' changes, {@link #push}
 * hands this instance's on.
 */
public final class CartStates {

    /** Where the state is shared with other instances. */
    public interface Shared {

        /** This instance alone: its own copies are the truth. */
        Shared LOCAL = new Shared() {
            @Override
            public void pull(String cart, CartState state) {}

            @Override
            public void push(String cart, CartState state) {}

            @Override
            public void pushLock(String cart, CartState state) {}
        };

        /** Updates {@code state} with the shared copy, if that is as new or newer. */
        void pull(String cart, CartState state);

        /** Shares everything but the payment lock; inside a lease, only while the lease is the newest. */
        void push(String cart, CartState state);

        /** Shares the payment lock. */
        void pushLock(String cart, CartState state);
    }

    private final Cache<String, CartState> states;
    private final Shared shared;
    private final CartState.Parts parts;

    CartStates(Duration idleTtl, long maxCarts, Shared shared, CartState.Parts parts) {
        this.parts = parts;
        this.states = Caffeine.newBuilder()
                .expireAfterAccess(idleTtl)
                .maximumSize(maxCarts)
                .build();
        this.shared = shared == null ? Shared.LOCAL : shared;
    }

    /** This instance's copy of the cart's state. */
    public CartState of(String cart) {
        return states.get(cart, key -> new CartState(parts.create()));
    }

    /**
     * The state of a cart Centra has answered for (on this instance or, shared, on another), or null: a token the BFF
     * never saw Centra accept creates no state.
     */
    public CartState answered(String cart) {
        CartState state = states.getIfPresent(cart);
        if (state == null) {
            CartState candidate = new CartState(parts.create());
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
    public CartState pull(String cart) {
        CartState state = of(cart);
        shared.pull(cart, state);
        return state;
    }

    public void push(String cart) {
        shared.push(cart, of(cart));
    }

    public void pushLock(String cart) {
        shared.pushLock(cart, of(cart));
    }
}
