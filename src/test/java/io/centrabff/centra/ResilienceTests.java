package io.centrabff.centra;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.ShopperClient.Reply;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Circuit breakers per operation class, read-only retries and the payment bulkhead, seen from a storefront. */
class ResilienceTests extends StubbedCentra {

    private static final Map<String, Object> PAYMENT = Map.of("termsAndConditions", true);

    @Autowired
    BulkheadRegistry bulkheads;

    @Autowired
    MeterRegistry meters;

    @Test
    void failingPaymentProviderOpensOnlyThePaymentBreaker() {
        CENTRA.stubFor(post(urlEqualTo(API + "/payment"))
                .willReturn(aResponse().withStatus(502).withBody("bad gateway")));
        CENTRA.stubFor(get(urlEqualTo(API + "/countries")).willReturn(okJson("{\"countries\":[]}")));
        for (int i = 0; i < 10; i++) {
            assertThat(client.post("/api/checkout/payment", PAYMENT).status()).isEqualTo(503);
        }

        assertThat(breaker("payment").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker("catalog").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker("cart").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(client.get("/api/checkout/countries").status()).isEqualTo(200);
        Reply paused = client.post("/api/checkout/payment", PAYMENT);
        assertThat(paused.status()).isEqualTo(503);
        assertThat(paused.json().path("type").asText()).isEqualTo("urn:centra-bff:problem:circuit-open");
        assertThat(paused.header("Retry-After")).isEqualTo("30");
        assertThat(upstreamCalls("POST", "/payment")).isEqualTo(10);
    }

    @Test
    void openBreakerAnswers503WithRetryAfterWithoutCallingCentra() {
        // Were the call made, it would wait for the time limit; it must not be made at all.
        CENTRA.stubFor(any(anyUrl()).willReturn(okJson("{}").withFixedDelay(5_000)));
        breaker("cart").transitionToOpenState();
        double rejectedBefore = count("bff.requests.rejected", "reason", "circuit_open");

        long started = System.nanoTime();
        Reply reply = client.post("/api/checkout/items/1001-1", null);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asText()).isEqualTo("urn:centra-bff:problem:circuit-open");
        assertThat(reply.header("Retry-After")).isEqualTo("10");
        assertThat(upstreamCalls()).isZero();
        assertThat(millis).as("answered without waiting for Centra").isLessThan(5_000);
        assertThat(count("bff.requests.rejected", "reason", "circuit_open")).isEqualTo(rejectedBefore + 1);
        assertThat(count("centra.requests", "operation", "add_item", "outcome", "rejected"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void centraBusinessErrorsNeverCountAsBreakerFailures() {
        CENTRA.stubFor(post(urlEqualTo(API + "/vouchers"))
                .willReturn(aResponse()
                        .withStatus(406)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"token\":\"t-1\",\"errors\":{\"voucher\":\"invalid\"}}")));
        for (int i = 0; i < 15; i++) {
            Reply reply = client.post("/api/checkout/vouchers", Map.of("voucher", "NOPE" + i));
            assertThat(reply.status()).isEqualTo(406);
            assertThat(reply.json().at("/errors/voucher").asText()).isEqualTo("invalid");
        }

        CircuitBreaker cart = breaker("cart");
        assertThat(cart.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(cart.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(cart.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(15);
        assertThat(upstreamCalls("POST", "/vouchers")).isEqualTo(15);
    }

    @Test
    void centraRateLimitingNeverOpensTheBreakerNorIsRetried() {
        CENTRA.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")));
        for (int i = 0; i < 12; i++) {
            Reply reply = client.get("/api/checkout/countries");
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.header("Retry-After")).isEqualTo("3");
        }

        assertThat(breaker("catalog").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(upstreamCalls("GET", "/countries")).isEqualTo(12);
        assertThat(count("centra.requests", "operation", "countries", "outcome", "rate_limited"))
                .isGreaterThanOrEqualTo(12);
    }

    @Test
    void readIsRetriedUntilCentraAnswers() {
        CENTRA.stubFor(get(urlEqualTo(API + "/countries"))
                .inScenario("flaky")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("recovered"));
        CENTRA.stubFor(get(urlEqualTo(API + "/countries"))
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(okJson("{\"countries\":[{\"country\":\"SE\"}]}")));

        Reply reply = client.get("/api/checkout/countries");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().at("/countries/0/country").asText()).isEqualTo("SE");
        assertThat(upstreamCalls("GET", "/countries")).isEqualTo(2);
    }

    @Test
    void paymentResultIsNeverRetried() {
        CENTRA.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));

        Reply reply = client.post("/api/checkout/payment-result", Map.of("paymentMethodFields", Map.of("a", "b")));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(upstreamCalls("POST", "/payment-result")).isEqualTo(1);
    }

    @Test
    void fullPaymentBulkheadAnswers503AtOnceWithoutCallingCentra() {
        CENTRA.stubFor(any(anyUrl()).willReturn(okJson("{\"action\":\"success\"}")));
        Bulkhead payment = bulkheads.bulkhead("payment");
        assertThat(payment.tryAcquirePermission()).isTrue();
        assertThat(payment.tryAcquirePermission()).isTrue();
        try {
            Reply reply = client.post("/api/checkout/payment", PAYMENT);
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.json().path("type").asText()).isEqualTo("urn:centra-bff:problem:payment-busy");
            assertThat(reply.header("Retry-After")).isEqualTo("1");
            assertThat(upstreamCalls()).isZero();
            assertThat(client.get("/api/checkout/countries").status())
                    .as("other classes are not limited by the payment bulkhead")
                    .isEqualTo(200);
        } finally {
            payment.onComplete();
            payment.onComplete();
        }
        assertThat(client.post("/api/checkout/payment", PAYMENT).status()).isEqualTo(200);
    }

    private CircuitBreaker breaker(String name) {
        return breakers.circuitBreaker(name);
    }

    private double count(String meter, String... tags) {
        var search = meters.find(meter).tags(tags);
        if (search.counter() != null) {
            return search.counters().stream().mapToDouble(c -> c.count()).sum();
        }
        return search.timers().stream().mapToDouble(t -> t.count()).sum();
    }
}
