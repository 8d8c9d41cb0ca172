package io.centrabff.centra;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code /actuator/prometheus} shows upstream calls by operation, class and outcome as a histogram, token rotations,
 * breaker states and refused requests by reason; tag values stay bounded whatever callers send.
 */
class MetricsTests extends StubbedCentra {

    @Test
    void upstreamCallsAreTimedByOperationAndOutcomeWithAHistogram() {
        CENTRA.stubFor(get(urlEqualTo(API + "/countries")).willReturn(okJson("{\"countries\":[]}")));
        CENTRA.stubFor(
                post(urlEqualTo(API + "/items/1001-1")).willReturn(aResponse().withStatus(500)));
        double before =
                value(scrape(), "centra_requests_seconds_count", "operation=\"countries\"", "outcome=\"success\"");

        client.get("/api/checkout/countries");
        client.post("/api/checkout/items/1001-1", null);

        String metrics = scrape();
        assertThat(value(metrics, "centra_requests_seconds_count", "operation=\"countries\"", "outcome=\"success\""))
                .isEqualTo(before + 1);
        assertThat(value(
                        metrics,
                        "centra_requests_seconds_count",
                        "operation=\"add_item\"",
                        "class=\"cart\"",
                        "outcome=\"server_error\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(metrics).contains("centra_requests_seconds_bucket{");
        assertThat(metrics).contains("centra_token_rotations_total");
    }

    @Test
    void tokenRotationsAreCounted() {
        CENTRA.stubFor(post(urlEqualTo(API + "/items/1001-1")).willReturn(okJson("{\"token\":\"first-token\"}")));
        CENTRA.stubFor(get(urlEqualTo(API + "/selection")).willReturn(okJson("{\"token\":\"second-token\"}")));
        double before = value(scrape(), "centra_token_rotations_total");

        client.post("/api/checkout/items/1001-1", null);
        client.get("/api/checkout/selection");

        assertThat(value(scrape(), "centra_token_rotations_total")).isEqualTo(before + 1);
    }

    @Test
    void breakerStatesAreExported() {
        breakers.circuitBreaker("payment").transitionToOpenState();

        String metrics = scrape();
        assertThat(value(metrics, "resilience4j_circuitbreaker_state", "name=\"payment\"", "state=\"open\""))
                .isEqualTo(1);
        assertThat(value(metrics, "resilience4j_circuitbreaker_state", "name=\"catalog\"", "state=\"closed\""))
                .isEqualTo(1);
    }

    @Test
    void refusedRequestsAreCountedByReason() {
        String before = scrape();

        client.post("/api/checkout/payment-fields", "{\"a\":\"" + "x".repeat(70_000) + "\"}");
        client.post("/api/checkout/vouchers", "{\"voucher\":");
        client.post("/api/checkout/items/1001-1/quantity/0", null);
        client.get("/api/checkout/selection", "Origin", "https://evil.example");
        breakers.circuitBreaker("cart").transitionToOpenState();
        client.get("/api/checkout/selection");

        String after = scrape();
        for (String reason : new String[] {"body_too_large", "malformed_body", "invalid_path_value", "cors_origin"}) {
            assertThat(rejected(after, reason)).as(reason).isEqualTo(rejected(before, reason) + 1);
        }
        assertThat(rejected(after, "circuit_open")).isEqualTo(rejected(before, "circuit_open") + 1);
        assertThat(upstreamCalls()).isZero();
    }

    @Test
    void tagValuesStayBoundedWhateverCallersSend() {
        CENTRA.stubFor(any(anyUrl()).willReturn(okJson("{}")));
        String marker = UUID.randomUUID().toString();

        client.get("/api/checkout/products/" + marker);
        client.get("/api/checkout/" + marker);
        client.put("/api/checkout/countries/" + marker.substring(0, 8), null, "X-Correlation-ID", marker);

        assertThat(scrape()).doesNotContain(marker).doesNotContain(marker.substring(0, 8));
    }

    private String scrape() {
        return management.get("/actuator/prometheus").text();
    }

    private static double rejected(String metrics, String reason) {
        return value(metrics, "bff_requests_rejected_total", "reason=\"" + reason + "\"");
    }

    /** Sum of the samples of {@code name} whose labels contain all of {@code labels}; 0 when there is none. */
    static double value(String metrics, String name, String... labels) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
