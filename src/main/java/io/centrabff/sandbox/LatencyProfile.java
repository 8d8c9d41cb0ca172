package io.centrabff.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long the sandbox takes per Checkout API call, on top of the fixed {@code latency}. {@code REALISTIC} follows
 * Centra's guidance (catalog reads about 100 ms, payment calls about 250 ms, which wait for the payment provider);
 * cart calls sit between at about 150 ms. Each delay varies by ±20 % so timing-sensitive code does not see a
 * metronome.
 */
public enum LatencyProfile {
    NONE,
    REALISTIC;

    private static final Set<String> CATALOG =
            Set.of("products", "categories", "uri", "countries", "languages", "markets", "pricelists");
    private static final Set<String> PAYMENT = Set.of("payment", "payment-result", "receipt", "address-search");

    /** The delay for a call whose path below the API base is {@code segments}. */
    Duration delay(List<String> segments) {
        if (this == NONE) {
            return Duration.ZERO;
        }
        String first = segments.isEmpty() ? "" : segments.get(0);
        long base = CATALOG.contains(first) ? 100 : PAYMENT.contains(first) ? 250 : 150;
        long jitter = ThreadLocalRandom.current().nextLong(-base / 5, base / 5 + 1);
        return Duration.ofMillis(base + jitter);
    }

    /** Parses {@code none} / {@code realistic}, case-insensitively. */
    static LatencyProfile parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        try {
            return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("latency profile must be none or realistic, not " + value);
        }
    }
}
