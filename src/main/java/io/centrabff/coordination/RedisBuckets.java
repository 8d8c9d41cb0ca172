package io.centrabff.coordination;

import io.centrabff.web.BucketStore;
import io.centrabff.web.RateLimitProperties;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;

/**
 * Token buckets in Redis (Bucket4j's compare-and-swap buckets over Lettuce), so a client spreading requests over the
 * instances behind a load balancer draws on one budget. A bucket's key expires once it would have refilled, so idle
 * clients leave nothing behind. While the Redis link is down, and for any request whose Redis call fails or times out,
 * this instance's own buckets ({@link BucketStore#local}) decide instead: never an error, never an unlimited pass. Once the link is back,
 * Redis decides again.
 */
final class RedisBuckets implements BucketStore, DisposableBean {

    static final String COMPONENT = "rate-limits";

    /** Kept a little past a full refill: a full bucket is what a missing key means anyway. */
    private static final Duration KEEP_AFTER_REFILL = Duration.ofSeconds(1);

    private final AbstractRedisClient client;
    private final RedisLink link;
    private final BucketStore local;
    private StatefulConnection<String, byte[]> connection;
    private volatile ProxyManager<String> buckets;

    /** {@code client} is Spring's Lettuce client, so the command timeout and fail-fast options apply here too. */
    RedisBuckets(AbstractRedisClient client, RedisLink link, BucketStore local) {
        this.client = client;
        this.link = link;
        this.local = local;
    }

    /**
     * The buckets' connection reconnects on its own schedule: before the link counts as back, wait (briefly) for it too,
     * so the first requests after an outage do not fail over again.
     */
    private void awaitReconnected() {
        StatefulConnection<String, byte[]> current;
        synchronized (this) {
            current = connection;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (current != null && !current.isOpen() && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(
                    Duration.ofMillis(10).toNanos());
        }
    }

    @Override
    public ConsumptionProbe tryConsume(String rule, RateLimitProperties.Rule config, String key) {
        if (!link.up()) {
            link.fellBack(COMPONENT);
            return local.tryConsume(rule, config, key);
        }
        try {
            return buckets()
                    .builder()
                    .build(redisKey(rule, config, key), () -> BucketConfiguration.builder()
                            .addLimit(BucketStore.bandwidth(config))
                            .build())
                    .tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            // RedisLink logs the transition once; every request meanwhile is counted as a fallback.
            link.failed(COMPONENT, e);
            return local.tryConsume(rule, config, key);
        }
    }

    @Override
    public long nanosUntilAvailable(String rule, RateLimitProperties.Rule config, String key) {
        if (!link.up()) {
            link.fellBack(COMPONENT);
            return local.nanosUntilAvailable(rule, config, key);
        }
        try {
            var estimate = buckets()
                    .builder()
                    .build(redisKey(rule, config, key), () -> BucketConfiguration.builder()
                            .addLimit(BucketStore.bandwidth(config))
                            .build())
                    .estimateAbilityToConsume(1);
            return estimate.canBeConsumed() ? 0 : estimate.getNanosToWaitForRefill();
        } catch (RuntimeException e) {
            link.failed(COMPONENT, e);
            return local.nanosUntilAvailable(rule, config, key);
        }
    }

    /**
     * {@code <prefix>:rate:<rule>:<capacity>-<period ms>:<sha-256 of the key>}. The limit is part of the name, so a
     * changed limit starts new buckets instead of inheriting the old limit stored in Redis; the client's key is hashed,
     * so Redis holds neither IP nor e-mail addresses and a key's length does not depend on what a client sends.
     */
    String redisKey(String rule, RateLimitProperties.Rule config, String key) {
        return link.key("rate", rule, config.capacity() + "-" + config.period().toMillis(), sha256(key));
    }

    private static String sha256(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Connects on first use (Redis may be down at start-up); Lettuce then reconnects the connection by itself. */
    private ProxyManager<String> buckets() {
        ProxyManager<String> current = buckets;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (buckets == null) {
                RedisCodec<String, byte[]> codec = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
                ExpirationAfterWriteStrategy expiry =
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL);
                if (client instanceof RedisClusterClient cluster) {
                    StatefulRedisClusterConnection<String, byte[]> opened = cluster.connect(codec);
                    connection = opened;
                    buckets = Bucket4jLettuce.casBasedBuilder(opened)
                            .expirationAfterWrite(expiry)
                            .build();
                } else {
                    StatefulRedisConnection<String, byte[]> opened = ((RedisClient) client).connect(codec);
                    connection = opened;
                    buckets = Bucket4jLettuce.casBasedBuilder(opened)
                            .expirationAfterWrite(expiry)
                            .build();
                }
            }
            return buckets;
        }
    }

    /** Closes the connection, unless stopping Spring's connection factory already shut its client down. */
    @Override
    public synchronized void destroy() {
        if (connection != null && connection.isOpen()) {
            connection.close();
        }
    }

    /** Before coordination through Redis resumes. */
    @EventListener
    void recovered(RedisLinkRecovered event) {
        link.recovering("rate-limits", this::awaitReconnected);
    }
}
