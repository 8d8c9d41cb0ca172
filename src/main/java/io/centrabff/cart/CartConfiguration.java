package io.centrabff.cart;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CartProperties.class)
class CartConfiguration {

    /** Widget session expiry is judged by this clock; tests replace it to move time. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CartKeys cartKeys(CartProperties properties, CartKeys.Aliases aliases) {
        return new CartKeys(properties.cartIdleTtl(), properties.maxCarts(), aliases);
    }

    @Bean
    CartStates cartStates(CartProperties properties, CartStates.Shared store, ObjectProvider<CartState.Parts> parts) {
        return new CartStates(
                properties.cartIdleTtl(),
                properties.maxCarts(),
                store,
                parts.getIfAvailable(() -> () -> CartState.NO_PART));
    }

    @Bean
    CartReplies cartReplies(CartProperties properties, CartReplies.Shared shared) {
        return new CartReplies(
                properties.idempotencyTtl(),
                properties.eventDedupeWindow(),
                properties.repliesMaxMemory().toBytes(),
                shared);
    }

    @Bean
    CartEvents cartEvents(CartProperties properties, CartEvents.Transport transport) {
        return new CartEvents(
                new CartEvents.Limits(
                        properties.maxStreamsPerCart(), properties.maxStreamsPerClient(), properties.maxStreams()),
                properties.cartIdleTtl(),
                transport);
    }

    @Bean
    CartRelay cartRelay(
            CartKeys keys,
            CartLock lock,
            CartStates states,
            CartReplies replies,
            CartEvents events,
            CartAnswers answers,
            Clock clock,
            CartProperties properties) {
        return new CartRelay(keys, lock, states, replies, events, answers, clock, properties);
    }

    /** Heartbeats on a daemon thread; they only write comment lines to open streams. */
    @Bean(destroyMethod = "close")
    StreamHeartbeat streamHeartbeat(CartEvents events, CartProperties properties) {
        return new StreamHeartbeat(events, properties.streamHeartbeat());
    }

    /** Not a bare executor bean, so no other component mistakes it for the application's scheduler. */
    static final class StreamHeartbeat implements AutoCloseable, ApplicationListener<ContextClosedEvent> {

        private final CartEvents events;

        private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cart-stream-heartbeat");
            thread.setDaemon(true);
            return thread;
        });

        StreamHeartbeat(CartEvents events, java.time.Duration period) {
            this.events = events;
            long millis = Math.max(100, period.toMillis());
            executor.scheduleAtFixedRate(events::heartbeat, millis, millis, TimeUnit.MILLISECONDS);
        }

        /** Runs before the web server's graceful shutdown, which would otherwise wait for every open stream. */
        @Override
        public void onApplicationEvent(ContextClosedEvent event) {
            events.completeAll();
        }

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }
}
