package io.centrabff.coordination;

import io.centrabff.cart.CartEvents;
import io.centrabff.cart.CartKeys;
import io.centrabff.cart.CartLock;
import io.centrabff.cart.CartProperties;
import io.centrabff.cart.CartReplies;
import io.centrabff.cart.CartStates;
import io.centrabff.centra.CentraProperties;
import io.centrabff.centra.OperationClass;
import io.centrabff.session.SessionBindings;
import io.centrabff.web.BucketStore;
import io.centrabff.web.RateLimitProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * The one place that decides, for every port other capabilities declare for shared state, whether this instance
 * works alone (the port's local implementation) or with the others through Redis (the implementations in this
 * package). Redis is in use exactly when {@link RedisLink} exists, i.e. when {@code spring.data.redis.*} names one.
 */
@Configuration(proxyBeanMethods = false)
class ScaleOutConfiguration {

    /** Per-cart order: this instance's lane, and with Redis a lease with a fencing token on top of it. */
    @Bean
    CartLock cartLock(
            ObjectProvider<RedisLink> links,
            ObjectProvider<LettuceConnectionFactory> connections,
            CentraProperties centra,
            CartProperties cart,
            MeterRegistry meters) {
        CartLock lanes = CartLock.local(cart.laneWait(), meters);
        RedisLink link = links.getIfAvailable();
        if (link == null) {
            return lanes;
        }
        Duration lease = link.properties().cartLease();
        Duration longest = Stream.of(OperationClass.values())
                .map(centra.timeouts()::of)
                .max(Duration::compareTo)
                .orElseThrow();
        if (lease.compareTo(longest.multipliedBy(2)) < 0) {
            throw new IllegalStateException("bff.redis.cart-lease (" + lease + ") must be at least twice the"
                    + " longest centra.timeouts.* (" + longest + ") so a lease outlives the operation it covers");
        }
        return new RedisCartLock(
                lanes,
                cart.laneWait(),
                link,
                connections.getObject().getRequiredNativeClient(),
                cart.cartIdleTtl(),
                meters);
    }

    /** The cart's state and version. */
    @Bean
    CartStates.Shared sharedCarts(
            ObjectProvider<RedisLink> links,
            CartLock lock,
            ObjectMapper mapper,
            MeterRegistry meters,
            CartProperties cart) {
        RedisLink link = links.getIfAvailable();
        return link == null
                ? CartStates.Shared.LOCAL
                : new RedisCarts(
                        link,
                        fenced(lock),
                        new RedisTokenReads(link, fenced(lock)),
                        mapper,
                        meters,
                        cart.cartIdleTtl());
    }

    /** Tokens Centra rotated, so every instance follows the same cart. */
    @Bean
    CartKeys.Aliases sharedAliases(ObjectProvider<RedisLink> links, CartLock lock, CartProperties cart) {
        RedisLink link = links.getIfAvailable();
        return link == null
                ? CartKeys.Aliases.LOCAL
                : new RedisCartAliases(link, new RedisTokenReads(link, fenced(lock)), cart.cartIdleTtl());
    }

    /** Kept answers for Idempotency-Key retries and widget events. */
    @Bean
    CartReplies.Shared sharedReplies(ObjectProvider<RedisLink> links, CartLock lock, ObjectMapper mapper) {
        RedisLink link = links.getIfAvailable();
        return link == null ? CartReplies.Shared.LOCAL : new RedisReplies(link, fenced(lock), mapper);
    }

    /** A cart's events to every instance's tabs of it (only to the instances that have one). */
    @Bean
    CartEvents.Transport sharedEvents(
            ObjectProvider<RedisLink> links,
            ObjectProvider<LettuceConnectionFactory> connections,
            CartLock lock,
            ObjectMapper mapper,
            MeterRegistry meters) {
        RedisLink link = links.getIfAvailable();
        return link == null
                ? CartEvents.Transport.LOCAL
                : new RedisCartEvents(
                        link, fenced(lock), connections.getObject().getRequiredNativeClient(), mapper, meters);
    }

    /** Sign-in bindings of session cookies. */
    @Bean
    SessionBindings.Shared sharedBindings(ObjectProvider<RedisLink> links, CartLock lock) {
        RedisLink link = links.getIfAvailable();
        return link == null
                ? SessionBindings.Shared.LOCAL
                : new RedisSessionBindings(link, new RedisTokenReads(link, fenced(lock)));
    }

    /** Rate-limit buckets; with Redis, this instance's own buckets decide only while Redis is unreachable. */
    @Bean
    BucketStore bucketStore(
            ObjectProvider<RedisLink> links,
            ObjectProvider<LettuceConnectionFactory> connections,
            RateLimitProperties limits) {
        BucketStore local = BucketStore.local(limits.maxTrackedKeys());
        RedisLink link = links.getIfAvailable();
        return link == null ? local : new RedisBuckets(connections.getObject().getRequiredNativeClient(), link, local);
    }

    /** With Redis the lock is always the leased one: shared writes carry its fencing tokens. */
    private static RedisCartLock fenced(CartLock lock) {
        return (RedisCartLock) lock;
    }
}
