package io.centrabff.centra;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.ShopperClient.Reply;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Centra's answers classified once in the gateway, seen from a storefront: a 4xx (any body) is the shopper's, a 5xx
 * (any body) or an unusable answer is Centra's failure, answered 503 with Retry-After, never cached, and neither opens
 * the door to extra upstream calls.
 */
class CentraClassificationTests extends StubbedCentra {

    private static final String CENTRA_ERROR = "{\"token\":\"t-1\",\"errors\":{\"internal\":\"database unavailable\"}}";
    private static final String SELECTION = "{\"token\":\"tok-a\",\"selection\":{\"items\":[]},"
            + "\"location\":{\"country\":\"SE\",\"language\":\"sv\"}}";

    @Test
    void serverErrorWithAnErrorsObjectIsNeverCachedAndIsA503() {
        countries();
        CENTRA.stubFor(post(urlEqualTo(API + "/products"))
                .willReturn(aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody(CENTRA_ERROR)));
        Map<String, Object> query = Map.of("search", "classified-5xx");

        Reply failed = client.post("/api/checkout/products", query);
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(failed.header("Retry-After")).isNotBlank();
        assertThat(failed.text()).doesNotContain("database unavailable");

        CENTRA.stubFor(post(urlEqualTo(API + "/products"))
                .willReturn(okJson("{\"products\":[{\"product\":\"1\",\"name\":\"Tee\"}],\"productCount\":1}")));
        Reply recovered = client.post("/api/checkout/products", query);
        assertThat(recovered.status()).isEqualTo(200);
        assertThat(recovered.json().at("/products/0/product").asText()).isEqualTo("1");
    }

    @Test
    void serverErrorWithAnErrorsObjectOnACartRouteIsA503ProblemAndCountsForTheBreaker() {
        CENTRA.stubFor(post(urlPathMatching(API + "/items/.*"))
                .willReturn(aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody(CENTRA_ERROR)));
        for (int i = 0; i < 12; i++) {
            Reply reply = client.post("/api/checkout/items/1001-" + i, null);
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
            assertThat(reply.header("Retry-After")).isNotBlank();
        }
        assertThat(breakers.circuitBreaker("cart").getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void aShoppersNotFoundWithAnHtmlBodyNeverOpensTheBreakerNorTouchesReadiness() {
        CENTRA.stubFor(post(urlPathMatching(API + "/items/.*"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body><h1>Not Found</h1></body></html>")));
        for (int i = 0; i < 15; i++) {
            Reply reply = client.post("/api/checkout/items/x%2Fy" + i, null);
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.json().path("errors").isObject()).isTrue();
        }

        CircuitBreaker cart = breakers.circuitBreaker("cart");
        assertThat(cart.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(cart.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void readinessStaysUpWhileEveryBreakerIsOpen() {
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::transitionToOpenState);

        Reply readiness = management.get("/actuator/health/readiness");

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void centrasRetryAfterIsPassedOnAndNotRetriedSooner() {
        CENTRA.stubFor(get(urlEqualTo(API + "/countries"))
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "7")));

        Reply reply = client.get("/api/checkout/countries");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.header("Retry-After")).isEqualTo("7");
        assertThat(upstreamCalls("GET", "/countries")).isEqualTo(1);
    }

    @Test
    void circuitOpenSaysTheTimeLeft() throws InterruptedException {
        breakers.circuitBreaker("cart").transitionToOpenState();
        Thread.sleep(2_100);

        Reply reply = client.post("/api/checkout/items/1001-1", null);

        assertThat(reply.json().path("type").asText()).isEqualTo("urn:centra-bff:problem:circuit-open");
        assertThat(Integer.parseInt(reply.header("Retry-After"))).isBetween(1, 8);
    }

    @Test
    void aFailedChangeIsFollowedByAtMostOneSelectionRead() {
        CENTRA.stubFor(
                get(urlEqualTo(API + "/selection")).willReturn(aResponse().withStatus(500)));
        CENTRA.stubFor(
                post(urlPathMatching(API + "/items/.*")).willReturn(aResponse().withStatus(500)));

        Reply reply = client.post("/api/checkout/items/1001-1", null, "Cookie", "centra-session=tok-a");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(upstreamCalls("POST", "/items/1001-1")).isEqualTo(1);
        assertThat(upstreamCalls("GET", "/selection")).isLessThanOrEqualTo(1);
    }

    @Test
    void aChangeThatSpentItsBudgetIsNotFollowedByARead() {
        CENTRA.stubFor(get(urlEqualTo(API + "/selection")).willReturn(okJson(SELECTION)));
        CENTRA.stubFor(post(urlPathMatching(API + "/items/.*"))
                .willReturn(okJson(SELECTION).withFixedDelay(2_000)));

        long started = System.nanoTime();
        Reply reply = client.post("/api/checkout/items/1001-1", null, "Cookie", "centra-session=tok-a");
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(reply.status()).isEqualTo(503);
        assertThat(upstreamCalls("GET", "/selection")).isZero();
        assertThat(millis).as("within the 500 ms cart budget, plus slack").isLessThan(1_500);
    }

    @Test
    void aRefusedPaymentWhileItsBreakerIsOpenCallsNothingUpstream() {
        CENTRA.stubFor(any(anyUrl()).willReturn(okJson(SELECTION)));
        breakers.circuitBreaker("payment").transitionToOpenState();

        Reply reply = client.post(
                "/api/checkout/payment", Map.of("termsAndConditions", true), "Cookie", "centra-session=tok-a");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().path("type").asText()).isEqualTo("urn:centra-bff:problem:circuit-open");
        assertThat(upstreamCalls()).isZero();
    }

    @Test
    void junkNeverReachesCentraFromTheCatalog() {
        countries();
        CENTRA.stubFor(post(urlEqualTo(API + "/products")).willReturn(okJson("{\"products\":[],\"productCount\":0}")));

        Reply reply = client.post("/api/checkout/products", Map.of("evil", "x", "search", "junk-check"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("detail").asText()).contains("evil");
        CENTRA.verify(
                0,
                com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo(API + "/products"))
                        .withRequestBody(matchingJsonPath("$.evil")));
    }

    private static void countries() {
        CENTRA.stubFor(get(urlEqualTo(API + "/countries/all"))
                .willReturn(okJson("{\"countries\":[{\"country\":\"SE\",\"name\":\"Sweden\",\"market\":\"1\","
                        + "\"pricelist\":\"19\",\"language\":\"sv\"}]}")));
    }
}
