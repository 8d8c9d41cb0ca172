package io.centrabff.coordination;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * How this instance coordinates with the others. Without Redis it is a single instance (UP). With Redis it is UP
 * while the link works and DEGRADED while it runs on local fallbacks: still ready (every instance shares the one
 * Redis, so taking them out of rotation would turn a Redis outage into a shop outage), but visible to operators.
 */
class CoordinationHealthIndicator implements HealthIndicator {

    /** Serving, but on local state only: HTTP 200, ranked between OUT_OF_SERVICE and UP. */
    static final Status DEGRADED = new Status("DEGRADED", "Redis unreachable: instances do not coordinate");

    private final RedisLink link;

    CoordinationHealthIndicator(RedisLink link) {
        this.link = link;
    }

    @Override
    public Health health() {
        if (link == null) {
            return Health.up().withDetail("mode", "single-instance").build();
        }
        if (link.up()) {
            return Health.up()
                    .withDetail("mode", "redis")
                    .withDetail("instance", link.instance())
                    .build();
        }
        return Health.status(DEGRADED)
                .withDetail("mode", "local-fallback")
                .withDetail("instance", link.instance())
                .withDetail("since", String.valueOf(link.downSince()))
                .withDetail("reason", String.valueOf(link.downReason()))
                .build();
    }
}
