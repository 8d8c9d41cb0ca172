package io.centrabff.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-key token buckets (Bucket4j) for each configured rule. Keys are client IPs or account identifiers; buckets of
 * idle keys are evicted so memory stays bounded under address-spraying attacks.
 */
public class RateLimiter {

    private final RateLimitProperties properties;
    private final Map<String, Cache<String, Bucket>> buckets = new ConcurrentHashMap<>();
    private final Rejections rejections;

    RateLimiter(RateLimitProperties properties, Rejections rejections) {
        this.properties = properties;
        this.rejections = rejections;
    }

    /**
     * Takes one token for {@code key} under rule {@code rule}. Empty when allowed; otherwise how long to wait. Unknown
     * rules and disabled limits always allow.
     */
    public Optional<Duration> tryConsume(String rule, String key) {
        RateLimitProperties.Rule config = properties.rules().get(rule);
        if (!properties.enabled() || config == null || key == null) {
            return Optional.empty();
        }
        Bucket bucket = buckets.computeIfAbsent(rule, name -> Caffeine.newBuilder()
                        .maximumSize(properties.maxTrackedKeys())
                        .expireAfterAccess(config.period().multipliedBy(2))
                        .build())
                .get(key, ignored -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(config.capacity())
                                .refillGreedy(config.capacity(), config.period())
                                .build())
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        rejections.count(Rejections.RATE_LIMITED, rule);
        Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
        return Optional.of(wait.isZero() ? Duration.ofSeconds(1) : wait);
    }

    /** The 429 answer for a rejected request. */
    public static BffException tooManyRequests(String rule, Duration retryAfter) {
        return new BffException(
                org.springframework.http.HttpStatus.TOO_MANY_REQUESTS,
                Rejections.RATE_LIMITED,
                "Too many requests",
                "Too many requests to this endpoint (" + rule + "); retry after "
                        + Math.max(1, (retryAfter.toMillis() + 999) / 1000) + " s",
                "rateLimit",
                Duration.ofSeconds(Math.max(1, (retryAfter.toMillis() + 999) / 1000)),
                null);
    }
}
