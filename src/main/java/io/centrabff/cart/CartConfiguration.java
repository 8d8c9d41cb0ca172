package io.centrabff.cart;

import io.centrabff.centra.CentraProperties;
import io.centrabff.centra.OperationClass;
import io.centrabff.coordination.RedisConfigured;
import io.centrabff.coordination.RedisLink;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import tools.jackson.databind.ObjectMapper;

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
    CartKeys cartKeys(CartProperties properties, ObjectProvider<RedisCartAliases> redis) {
        return new CartKeys(properties.cartIdleTtl(), properties.maxCarts(), redis.getIfAvailable());
    }

    @Bean
    CartLanes cartLanes(CartProperties properties, MeterRegistry meters) {
        return new CartLanes(properties.laneWait(), meters);
    }

    @Bean
    CartStates cartStates(
            CartProperties properties, ObjectProvider<RedisCarts> redis, ObjectProvider<CartState.Parts> parts) {
        return new CartStates(
                properties.cartIdleTtl(),
                properties.maxCarts(),
                redis.getIfAvailable(),
                parts.getIfAvailable(() -> () -> CartState.NO_PART));
    }

    @Bean
    CartReplies cartReplies(CartProperties properties, ObjectProvider<RedisReplies> redis) {
        return new CartReplies(
                properties.idempotencyTtl(),
                properties.eventDedupeWindow(),
                properties.repliesMaxMemory().toBytes(),
                redis.getIfAvailable());
    }

    @Bean
    CartEvents cartEvents(CartProperties properties, ObjectProvider<RedisCartEvents> redis) {
        return new CartEvents(
                new CartEvents.Limits(
                        properties.maxStreamsPerCart(), properties.maxStreamsPerClient(), properties.maxStreams()),
                properties.cartIdleTtl(),
                redis.getIfAvailable());
    }

    /** With Redis: one lane per cart across instances, and cart state, answers and events shared through Redis. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(RedisConfigured.class)
    static class WithRedis {

        @Bean
        RedisCartLock redisCartLock(
                CartLanes lanes,
                RedisLink link,
                CentraProperties centra,
                CartProperties properties,
                MeterRegistry meters) {
            Duration lease = link.properties().cartLease();
            Duration longest = Stream.of(OperationClass.values())
                    .map(centra.timeouts()::of)
                    .max(Duration::compareTo)
                    .orElseThrow();
            if (lease.compareTo(longest.multipliedBy(2)) < 0) {
                throw new IllegalStateException("bff.redis.cart-lease (" + lease + ") must be at least twice the"
                        + " longest centra.timeouts.* (" + longest + ") so a lease outlives the operation it covers");
            }
            return new RedisCartLock(lanes, link, properties.cartIdleTtl(), meters);
        }

        @Bean
        RedisCarts redisCarts(
                RedisLink link,
                RedisCartLock lock,
                ObjectMapper mapper,
                MeterRegistry meters,
                CartProperties properties) {
            return new RedisCarts(link, lock, mapper, meters, properties.cartIdleTtl());
        }

        @Bean
        RedisCartAliases redisCartAliases(RedisLink link, CartProperties properties) {
            return new RedisCartAliases(link, properties.cartIdleTtl());
        }

        @Bean(destroyMethod = "shutdown")
        RedisCartEvents redisCartEvents(RedisLink link, RedisCartLock lock, ObjectMapper mapper, MeterRegistry meters) {
            return new RedisCartEvents(link, lock, mapper, meters);
        }

        @Bean
        RedisReplies redisReplies(RedisLink link, ObjectMapper mapper) {
            return new RedisReplies(link, mapper);
        }
    }

    @Bean
    CartRelay cartRelay(
            CartKeys keys,
            CartLanes lanes,
            ObjectProvider<RedisCartLock> redisLock,
            CartStates states,
            CartReplies replies,
            CartEvents events,
            CartAnswers answers,
            Clock clock,
            CartProperties properties) {
        CartLock lock = redisLock.getIfAvailable();
        return new CartRelay(keys, lock != null ? lock : lanes, states, replies, events, answers, clock, properties);
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
