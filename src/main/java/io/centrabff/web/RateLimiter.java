package io.centrabff.web;

import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Optional;

/**
 * Per-key token buckets (Bucket4j) for each configured rule. Keys are client IPs or account identifiers; the buckets
 * live in this instance ({@link LocalBuckets}) or, with Redis configured, in Redis (implemented in {@code coordination}) so a limit
 * holds across instances.
 */
public class RateLimiter {

    private final RateLimitProperties properties;
    private final Rejections rejections;
    private final BucketStore buckets;

    RateLimiter(RateLimitProperties properties, Rejections rejections, BucketStore buckets) {
        this.properties = properties;
        this.rejections = rejections;
        this.buckets = buckets;
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
        ConsumptionProbe probe = buckets.tryConsume(rule, config, key);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        rejections.count(Rejections.RATE_LIMITED, rule);
        Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
        return Optional.of(wait.isZero() ? Duration.ofSeconds(1) : wait);
    }

    /**
     * Whether {@code key} still has budget under {@code rule}, without spending any: empty when it has, otherwise how
     * long to wait. For limits that count only failures: check first, {@link #spend} once the attempt has failed.
     */
    public Optional<Duration> check(String rule, String key) {
        RateLimitProperties.Rule config = properties.rules().get(rule);
        if (!properties.enabled() || config == null || key == null) {
            return Optional.empty();
        }
        long nanos = buckets.nanosUntilAvailable(rule, config, key);
        if (nanos == 0) {
            return Optional.empty();
        }
        rejections.count(Rejections.RATE_LIMITED, rule);
        return Optional.of(Duration.ofNanos(Math.max(nanos, 1_000_000_000L)));
    }

    /** Spends one token of {@code key} under {@code rule} (a failure counted after the fact); never refuses. */
    public void spend(String rule, String key) {
        RateLimitProperties.Rule config = properties.rules().get(rule);
        if (properties.enabled() && config != null && key != null) {
            buckets.tryConsume(rule, config, key);
        }
    }

    /**
     * The key a client's budgets are kept under: its IPv4 address, or the /64 network of an IPv6 address (one
     * subscriber usually gets a whole /64, so per-address budgets there would be unlimited).
     */
    public static String clientKey(String ip) {
        if (ip == null || ip.indexOf(':') < 0) {
            return ip;
        }
        try {
            byte[] address = java.net.InetAddress.getByName(ip).getAddress();
            if (address.length != 16) {
                return ip;
            }
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                key.append(Integer.toHexString(((address[i] & 0xff) << 8) | (address[i + 1] & 0xff)))
                        .append(':');
            }
            return key.append(":/64").toString();
        } catch (java.net.UnknownHostException notAnAddress) {
            return ip;
        }
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
