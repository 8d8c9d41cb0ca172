package io.centrabff.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets in this instance's memory. Buckets of idle keys are evicted, and at most {@code maxTrackedKeys} are
 * kept per rule, so memory stays bounded under address-spraying attacks.
 */
final class LocalBuckets implements BucketStore {

    private final long maxTrackedKeys;
    private final Map<String, Cache<String, Bucket>> buckets = new ConcurrentHashMap<>();

    LocalBuckets(long maxTrackedKeys) {
        this.maxTrackedKeys = maxTrackedKeys;
    }

    @Override
    public ConsumptionProbe tryConsume(String rule, RateLimitProperties.Rule config, String key) {
        return bucket(rule, config, key).tryConsumeAndReturnRemaining(1);
    }

    @Override
    public long nanosUntilAvailable(String rule, RateLimitProperties.Rule config, String key) {
        var estimate = bucket(rule, config, key).estimateAbilityToConsume(1);
        return estimate.canBeConsumed() ? 0 : estimate.getNanosToWaitForRefill();
    }

    private Bucket bucket(String rule, RateLimitProperties.Rule config, String key) {
        return buckets.computeIfAbsent(rule, name -> Caffeine.newBuilder()
                        .maximumSize(maxTrackedKeys)
                        .expireAfterAccess(config.period().multipliedBy(2))
                        .build())
                .get(key, ignored -> Bucket.builder()
                        .addLimit(BucketStore.bandwidth(config))
                        .build());
    }
}
