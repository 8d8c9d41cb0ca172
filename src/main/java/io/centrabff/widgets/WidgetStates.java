package io.centrabff.widgets;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/** Widget state per cart, kept while the cart is in use (Klarna orders live 48 h, so the idle TTL is longer). */
final class WidgetStates {

    private final Cache<String, CartWidgetState> states;

    WidgetStates(Duration idleTtl) {
        this.states = Caffeine.newBuilder().expireAfterAccess(idleTtl).build();
    }

    CartWidgetState of(String cart) {
        return states.get(cart, key -> new CartWidgetState());
    }
}
