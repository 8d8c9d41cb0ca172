package io.centrabff.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.ConsumptionProbe;

/** Where the token buckets of the rate-limit rules live: in this instance, or in Redis shared by all instances. */
public interface BucketStore {

    /** This instance's own buckets, at most {@code maxTrackedKeys} per rule. */
    static BucketStore local(long maxTrackedKeys) {
        return new LocalBuckets(maxTrackedKeys);
    }

    /** Takes one token from the bucket of {@code key} under rule {@code rule} (limit {@code config}). */
    ConsumptionProbe tryConsume(String rule, RateLimitProperties.Rule config, String key);

    /** How long until {@code key} has a token under rule {@code rule}, without taking one (zero: it has one now). */
    long nanosUntilAvailable(String rule, RateLimitProperties.Rule config, String key);

    /** {@code capacity} requests per {@code period}, refilled greedily (one token as soon as it is earned). */
    static Bandwidth bandwidth(RateLimitProperties.Rule config) {
        return Bandwidth.builder()
                .capacity(config.capacity())
                .refillGreedy(config.capacity(), config.period())
                .build();
    }
}
