package io.centrabff.centra;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.centrabff.centra.BffHttp.Reply;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** How Centra's answers become the storefront's: Centra's own errors pass through, everything else is a problem. */
class CentraErrorDecodingTests extends StubbedCentra {

    static final String BASE = "/api/checkout/52";
    static final String SECRET = SHARED_SECRET;
    static final String SELECTION = BASE + "/selection";
    static final String COOKIE = "centra-session=tok-1";

    BffHttp bff;

    ObjectMapper mapper = new ObjectMapper();

    @BeforeEach
    void client() {
        bff = new BffHttp(port);
        // Each test starts with closed breakers: earlier faults in this context must not answer for Centra.
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    @Test
    void centraVoucherErrorPassesThroughWithItsStatusAndBody() throws Exception {
        String body = "{\"token\":\"tok-1\",\"errors\":{\"voucher\":\"not valid\"},"
                + "\"selection\":{\"items\":[],\"discounts\":{\"vouchers\":[]}},\"futureField\":[1,2]}";
        CENTRA.stubFor(post(urlEqualTo(BASE + "/vouchers")).willReturn(json(406, body)));

        Reply reply = bff.post("/api/checkout/vouchers", "{\"voucher\":\"NOPE\"}", "Cookie", COOKIE);

        assertThat(reply.status()).isEqualTo(406);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        JsonNode expected = mapper.readTree(body);
        ((tools.jackson.databind.node.ObjectNode) expected).remove("token");
        assertThat(withoutAddedFields(reply.json())).isEqualTo(expected);
    }

    @Test
    void unknownItemPassesThroughAs404() throws Exception {
        String body = "{\"errors\":{\"item\":\"product item not found\"}}";
        CENTRA.stubFor(post(urlEqualTo(BASE + "/items/9999-1")).willReturn(json(404, body)));

        Reply reply = bff.post("/api/checkout/items/9999-1", null, "Cookie", COOKIE);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(withoutAddedFields(reply.json())).isEqualTo(mapper.readTree(body));
        CENTRA.verify(exactly(1), postRequestedFor(urlEqualTo(BASE + "/items/9999-1")));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void centraServerErrorWithoutErrorsBecomes503WithRetryAfter(int status) {
        CENTRA.stubFor(get(urlEqualTo(SELECTION))
                .willReturn(aResponse().withStatus(status).withBody("<html>Fatal error in /var/www/centra</html>")));

        Reply reply = bff.get("/api/checkout/selection", "Cookie", COOKIE);

        assertProblem(reply, 503, "urn:centra-bff:problem:centra-unavailable");
        assertThat(reply.header("Retry-After")).isEqualTo("5");
        assertThat(reply.body()).doesNotContain("/var/www");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"token\":\"tok-1\",", "<html>maintenance</html>", "[1,2,3]", "\"text\"", "null"})
    void unusableBodyOn200Becomes503(String body) {
        CENTRA.stubFor(get(urlEqualTo(SELECTION)).willReturn(json(200, body)));

        Reply reply = bff.get("/api/checkout/selection", "Cookie", COOKIE);

        assertProblem(reply, 503, "urn:centra-bff:problem:centra-bad-response");
        assertThat(reply.header("Retry-After")).isEqualTo("5");
        assertThat(reply.body()).doesNotContain("maintenance");
    }

    @Test
    void emptyBodyOn200Becomes503() {
        CENTRA.stubFor(get(urlEqualTo(SELECTION)).willReturn(aResponse().withStatus(200)));

        Reply reply = bff.get("/api/checkout/selection", "Cookie", COOKIE);

        assertProblem(reply, 503, "urn:centra-bff:problem:centra-bad-response");
        assertThat(reply.header("Retry-After")).isEqualTo("5");
        assertThat(reply.json().path("detail").asText()).contains("empty body");
    }

    @Test
    void slowCentraBecomes503WithinTheTimeout() {
        CENTRA.stubFor(get(urlEqualTo(SELECTION))
                .willReturn(json(200, "{\"token\":\"tok-1\"}").withFixedDelay(5_000)));

        long start = System.nanoTime();
        Reply reply = bff.get("/api/checkout/selection", "Cookie", COOKIE);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertProblem(reply, 503, "urn:centra-bff:problem:centra-unavailable");
        assertThat(reply.header("Retry-After")).isNotBlank();
        // Reads are retried (3 attempts, each bounded by the time limit): bounded, never a hang.
        assertThat(elapsed).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void slowCatalogReadUsesTheCatalogTimeout() {
        // Catalog reads fill the cache through server-side calls (country table, then categories): delay them all.
        CENTRA.stubFor(any(urlPathMatching(BASE + "/(countries/all|categories)"))
                .willReturn(json(200, "{\"countries\":[],\"categories\":[]}").withFixedDelay(5_000)));

        long start = System.nanoTime();
        Reply reply = bff.get("/api/checkout/categories", "Cookie", COOKIE);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertProblem(reply, 503, "urn:centra-bff:problem:centra-unavailable");
        // Reads are retried (3 attempts, each bounded by the time limit): bounded, never a hang.
        assertThat(elapsed).isLessThan(Duration.ofSeconds(6));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE"})
    void brokenConnectionBecomes503(String fault) {
        CENTRA.stubFor(get(urlEqualTo(SELECTION)).willReturn(aResponse().withFault(Fault.valueOf(fault))));

        Reply reply = bff.get("/api/checkout/selection", "Cookie", COOKIE);

        assertProblem(reply, 503, "urn:centra-bff:problem:centra-unavailable");
        assertThat(reply.header("Retry-After")).isNotBlank();
    }

    @Test
    void rateLimitBecomes503WithCentrasRetryAfter() {
        CENTRA.stubFor(get(urlEqualTo(SELECTION))
                .willReturn(json(429, "{\"errors\":{\"rate\":\"limited\"}}").withHeader("Retry-After", "7")));

        Reply reply = bff.get("/api/checkout/selection", "Cookie", COOKIE);

        assertProblem(reply, 503, "urn:centra-bff:problem:centra-unavailable");
        assertThat(reply.header("Retry-After")).isEqualTo("7");
    }

    @Test
    void problemCarriesTheCallersCorrelationId() {
        CENTRA.stubFor(get(urlEqualTo(SELECTION)).willReturn(aResponse().withStatus(500)));

        Reply reply = bff.get("/api/checkout/selection", "Cookie", COOKIE, "X-Correlation-ID", "trace-503");

        assertProblem(reply, 503, "urn:centra-bff:problem:centra-unavailable");
        assertThat(reply.json().path("correlationId").asText()).isEqualTo("trace-503");
        assertThat(reply.header("X-Correlation-ID")).isEqualTo("trace-503");
    }

    private void assertProblem(Reply reply, int status, String type) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.path("type").asText()).isEqualTo(type);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(problem.path("errors").isObject()).isTrue();
        assertThat(problem.path("errors").size()).isPositive();
        assertThat(problem.path("correlationId").asText()).isEqualTo(reply.header("X-Correlation-ID"));
        assertThat(reply.everything()).doesNotContain(SECRET).doesNotContain("tok-1");
    }

    /** The BFF adds fields (the widgets block) but never changes Centra's: compare without them. */
    private static JsonNode withoutAddedFields(JsonNode body) {
        JsonNode copy = body.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) copy).remove("bff");
        return copy;
    }
}
