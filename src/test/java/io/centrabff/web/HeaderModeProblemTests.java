package io.centrabff.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.ShopperClient.Reply;
import io.centrabff.centra.StubbedCentra;
import io.centrabff.web.RawHttp.Answer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Header mode: the problem answers written outside Spring MVC (the CORS refusal, Tomcat's own refusals) repeat the
 * caller's token like every other answer, so Centra's client code does not drop the session over an error.
 */
@TestPropertySource(properties = "bff.session.mode=HEADER")
class HeaderModeProblemTests extends StubbedCentra {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCorsRefusalCarriesTheCallersToken() {
        Reply reply = client.post(
                "/api/checkout/items/1001-1", null, "Origin", "https://evil.example", "API-Token", "tok-header");

        ProblemTests.assertProblem(reply, 403);
        assertThat(reply.json().path("type").asText()).isEqualTo("urn:centra-bff:problem:cors-origin");
        assertThat(reply.json().path("token").asText()).isEqualTo("tok-header");
        assertThat(reply.json().path("correlationId").asText()).isEqualTo(reply.header("X-Correlation-ID"));
        assertThat(upstreamCalls()).isZero();
    }

    @Test
    void aCorsRefusalRepeatsNoMalformedOrMissingToken() {
        Reply malformed = client.post(
                "/api/checkout/items/1001-1", null, "Origin", "https://evil.example", "API-Token", "bad token");
        Reply anonymous = client.post("/api/checkout/items/1001-1", null, "Origin", "https://evil.example");

        for (Reply reply : List.of(malformed, anonymous)) {
            ProblemTests.assertProblem(reply, 403);
            assertThat(reply.json().path("type").asText()).isEqualTo("urn:centra-bff:problem:cors-origin");
            assertThat(reply.json().has("token")).isFalse();
        }
        assertThat(upstreamCalls()).isZero();
    }

    @Test
    void aTomcatRefusalCarriesTheCallersToken() throws Exception {
        // A backslash is allowed in a token and must be escaped in the JSON body.
        Answer answer =
                RawHttp.send(port, "GET", "/api/checkout/products/%ZZ", List.of("API-Token: tok\\tomcat"), null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:centra-bff:problem:rejected");
        assertThat(problem.path("token").asText()).isEqualTo("tok\\tomcat");
        assertThat(upstreamCalls()).isZero();
    }

    @Test
    void aTomcatRefusalRepeatsNoMalformedOrMissingToken() throws Exception {
        Answer malformed =
                RawHttp.send(port, "GET", "/api/checkout/products/%ZZ", List.of("API-Token: " + "x".repeat(300)), null);
        Answer anonymous = RawHttp.send(port, "GET", "/api/checkout/products/%ZZ", List.of(), null);

        for (Answer answer : List.of(malformed, anonymous)) {
            assertThat(answer.status()).isEqualTo(400);
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.path("type").asText()).isEqualTo("urn:centra-bff:problem:rejected");
            assertThat(problem.has("token")).isFalse();
        }
    }
}
