package io.centrabff.web;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One place for what every meter of this service looks like on a scrape: a description on each of the service's own
 * meters (the HELP line operators read), bounded latency buckets instead of 69-bucket percentile histograms, and
 * label values of the service's own meters in one casing (lower case, words joined by {@code _}, as Prometheus'
 * own labels are).
 */
final class MeterConventions implements MeterFilter {

    /**
     * Latency buckets for every timer with a histogram: enough to read p50/p99 against the service's budgets (1 ms
     * added latency, Centra's ~100 ms catalog and ~250 ms payment calls, the 6 s cart and 20 s payment limits).
     */
    static final Duration[] SLO = {
        Duration.ofMillis(1),
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(6),
        Duration.ofSeconds(20)
    };

    /** Timers whose latency is read as a distribution; others report count, sum and max only. */
    private static final Set<String> HISTOGRAMS =
            Set.of("http.server.requests", "http.client.requests", "centra.requests", "bff.widgets.lane.wait");

    /** The description of each of the service's own meters, by name. */
    static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("centra.requests", "Calls to Centra's Checkout API, by operation, operation class and outcome"),
            Map.entry("centra.token.rotations", "Centra answers that replaced the token the call carried"),
            Map.entry("bff.requests.rejected", "Requests the BFF refused, by reason and rate-limit rule"),
            Map.entry("bff.catalog.stale.serves", "Catalog answers served from an entry past its refresh time"),
            Map.entry("bff.catalog.rebuild.runs", "Catalog rebuilds started"),
            Map.entry("bff.catalog.rebuild.entries", "Catalog entries reloaded by rebuilds, by result"),
            Map.entry("bff.catalog.rebuild.pending", "Catalog entries waiting to be reloaded by the running rebuild"),
            Map.entry("bff.catalog.redis.resets", "Catalog caches cleared because invalidations were missed"),
            Map.entry("bff.webhook.events", "Centra webhook events, by object type and what was done with them"),
            Map.entry("bff.webhook.queue.size", "Webhook events waiting to be applied to the catalog cache"),
            Map.entry(
                    "bff.redis.up", "1 while this instance coordinates through Redis, 0 while it runs on local state"),
            Map.entry("bff.redis.transitions", "Changes of the Redis link, by the state entered"),
            Map.entry("bff.redis.fallbacks", "Redis operations answered from local state instead, by component"),
            Map.entry("bff.cart.lock", "Cross-instance cart locks, by outcome"),
            Map.entry("bff.cart.fenced.writes", "Cart state writes refused because a newer lease holder wrote first"),
            Map.entry("bff.widgets.lane.wait", "Time a cart change waited for the earlier ones on the same cart"));

    private static final List<String> OWN = List.of("bff.", "centra.");

    @Override
    public Meter.Id map(Meter.Id id) {
        if (OWN.stream().noneMatch(id.getName()::startsWith)) {
            return id;
        }
        List<Tag> tags = id.getTags().stream()
                .map(tag -> Tag.of(tag.getKey(), label(tag.getValue())))
                .toList();
        String description = id.getDescription() != null ? id.getDescription() : DESCRIPTIONS.get(id.getName());
        return new Meter.Id(id.getName(), Tags.of(tags), id.getBaseUnit(), description, id.getType());
    }

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (id.getType() != Meter.Type.TIMER) {
            return config;
        }
        // One type per metric name: all of a timer's series have buckets, or none has (Prometheus cannot mix them).
        boolean histogram = HISTOGRAMS.contains(id.getName());
        return DistributionStatisticConfig.builder()
                .percentilesHistogram(false)
                .serviceLevelObjectives(histogram ? nanos(SLO) : null)
                .build()
                .merge(config);
    }

    /** Lower case, words joined by {@code _}: {@code lease-lost} and {@code LEASE_LOST} both read {@code lease_lost}. */
    static String label(String value) {
        return value.toLowerCase(Locale.ROOT).replace('-', '_');
    }

    private static double[] nanos(Duration[] durations) {
        double[] out = new double[durations.length];
        for (int i = 0; i < durations.length; i++) {
            out[i] = durations[i].toNanos();
        }
        return out;
    }
}
