package io.centrabff.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Counts requests the BFF refuses, as {@code bff.requests.rejected{reason, rule}}. Reasons are problem type slugs or
 * HTTP reason phrases, both fixed sets, so a flood of odd requests cannot multiply the series; {@code rule} names
 * the rate-limit rule and is {@code none} for every other reason.
 */
public class Rejections {

    static final String METER = "bff.requests.rejected";
    static final String RATE_LIMITED = "rate-limited";
    private static final String NO_RULE = "none";

    private final MeterRegistry meters;

    /**
     * Refusals present on every scrape from start-up (at 0), so an alert's rate() sees the first one; other reasons
     * appear when they first happen.
     */
    private static final java.util.List<String> USUAL = java.util.List.of(
            "rate-limited",
            "body-too-large",
            "malformed-body",
            "circuit-open",
            "cart-busy",
            "payment-in-progress",
            "not-found",
            "bad-request");

    Rejections(MeterRegistry meters) {
        this.meters = meters;
        USUAL.forEach(reason -> counter(reason, NO_RULE));
    }

    /** One refused request; {@code reason} must come from a fixed set (a problem type slug, say). */
    public void count(String reason) {
        count(reason, NO_RULE);
    }

    /** One request refused by rate-limit rule {@code rule}. */
    public void count(String reason, String rule) {
        counter(reason, rule).increment();
    }

    private Counter counter(String reason, String rule) {
        return Counter.builder(METER)
                .description("Requests the BFF refused, by reason and rate-limit rule")
                .tag("reason", reason)
                .tag("rule", rule)
                .register(meters);
    }

    /**
     * Counts a problem response if it is a refusal: any 4xx, or a 503 the BFF decided without calling Centra. Rate
     * limits are counted where they are decided ({@link RateLimiter}), with their rule.
     */
    void count(ProblemDetail problem, HttpStatusCode status) {
        String reason = reason(problem, status);
        if (RATE_LIMITED.equals(reason)) {
            return;
        }
        if (status.is4xxClientError() || "circuit-open".equals(reason) || "payment-busy".equals(reason)) {
            count(reason);
        }
    }

    private static String reason(ProblemDetail problem, HttpStatusCode status) {
        String type = problem.getType() == null ? "" : problem.getType().toString();
        if (type.startsWith(BffException.TYPE_BASE)) {
            return type.substring(BffException.TYPE_BASE.length());
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        String phrase = known != null ? known.getReasonPhrase() : "status " + status.value();
        return phrase.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
