package io.centrabff.centra;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.centrabff.ShopperClient.Reply;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One operation of each class (catalog: GET /countries, a read relayed to Centra; cart: POST /items/{item}; payment:
 * POST /payment)
 * against each fault Centra can show. Every fault answers with a defined status and problem type, never a hang or a
 * 500; Retry-After is set where the client should come back; only the read is retried (3 attempts), writes are sent
 * exactly once, and nothing is retried that cannot get better by retrying.
 */
class FaultMatrixTests extends StubbedCentra {

    enum Endpoint {
        // Product reads come from the catalog cache (CatalogCacheTests covers Centra failing under it); the country
        // list is the catalog-class read that still goes to Centra on every call.
        CATALOG("GET", "/countries", null, true),
        CART("POST", "/items/1001-1", null, false),
        PAYMENT(
                "POST",
                "/payment",
                Map.of("termsAndConditions", true, "paymentReturnPage", "https://shop.example/r"),
                false);

        final String method;
        final String path;
        final Object body;
        final boolean read;

        Endpoint(String method, String path, Object body, boolean read) {
            this.method = method;
            this.path = path;
            this.body = body;
            this.read = read;
        }
    }

    enum CentraFault {
        SERVER_ERROR(() -> aResponse().withStatus(500).withBody("<html>oops</html>"), 503, "centra-unavailable", "5"),
        DELAY_PAST_TIMEOUT(
                () -> aResponse().withStatus(200).withBody("{}").withFixedDelay(1_500), 503, "centra-unavailable", "5"),
        CONNECTION_RESET(() -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), 503, "centra-unavailable", "5"),
        MALFORMED_JSON(
                () -> aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"token\":"),
                503,
                "centra-bad-response",
                "5"),
        EMPTY_BODY(() -> aResponse().withStatus(200), 503, "centra-bad-response", "5"),
        RATE_LIMITED(
                () -> aResponse().withStatus(429).withHeader("Retry-After", "17"), 503, "centra-unavailable", "17");

        final Supplier<ResponseDefinitionBuilder> response;
        final int status;
        final String type;
        final String retryAfter;

        CentraFault(Supplier<ResponseDefinitionBuilder> response, int status, String type, String retryAfter) {
            this.response = response;
            this.status = status;
            this.type = type;
            this.retryAfter = retryAfter;
        }

        /** Transport failures, timeouts and 5xx may heal on a second try; garbage and 429 may not. */
        boolean retryable() {
            return this == SERVER_ERROR || this == DELAY_PAST_TIMEOUT || this == CONNECTION_RESET;
        }
    }

    static Stream<Arguments> matrix() {
        return Stream.of(Endpoint.values())
                .flatMap(endpoint -> Stream.of(CentraFault.values()).map(fault -> Arguments.of(endpoint, fault)));
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("matrix")
    void everyFaultGetsItsDefinedAnswerAndOnlyReadsAreRetried(Endpoint endpoint, CentraFault fault) {
        CENTRA.stubFor(any(anyUrl()).willReturn(fault.response.get()));

        Reply reply = client.send(endpoint.method, "/api/checkout" + endpoint.path, endpoint.body);

        assertThat(reply.status()).as(reply.text()).isEqualTo(fault.status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asText()).isEqualTo("urn:centra-bff:problem:" + fault.type);
        assertThat(reply.json().path("detail").asText()).isNotBlank().doesNotContain("Exception");
        assertThat(reply.header("Retry-After")).isEqualTo(fault.retryAfter);
        int expectedCalls = endpoint.read && fault.retryable() ? 3 : 1;
        assertThat(upstreamCalls(endpoint.method, endpoint.path))
                .as("upstream calls for %s × %s", endpoint, fault)
                .isEqualTo(expectedCalls);
        assertThat(upstreamCalls()).isEqualTo(expectedCalls);
    }
}
