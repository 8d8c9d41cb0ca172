package io.centrabff.cart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/** The bookkeeping of a cart's open tabs on one instance. */
class CartEventsTests {

    /**
     * With Redis, opening a tab waits for the cart's channel to be subscribed; a heartbeat in that time used to drop
     * the cart's still empty list of streams, and the new tab then went into a list nothing delivered to: it got its
     * snapshot and never another event. Here the heartbeat runs exactly then.
     */
    @Test
    void aTabOpenedWhileAHeartbeatRunsStaysAmongTheStreamsEventsAreDeliveredTo() {
        AtomicReference<CartEvents> events = new AtomicReference<>();
        CartEvents.Transport heartbeatWhileSubscribing = new CartEvents.Transport() {
            @Override
            public void listen(String cart) {
                events.get().heartbeat();
            }

            @Override
            public boolean send(String cart, CartEvents.Event event) {
                return false;
            }

            @Override
            public void subscribe(BiConsumer<String, CartEvents.Event> deliver) {}
        };
        events.set(new CartEvents(new CartEvents.Limits(5, 5, 100), Duration.ofMinutes(1), heartbeatWhileSubscribing));

        events.get().open("cart-1", "203.0.113.7", JsonNodeFactory.instance::objectNode);

        assertThat(events.get().streams("cart-1")).isEqualTo(1);
    }
}
