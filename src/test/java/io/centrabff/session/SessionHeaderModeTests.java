package io.centrabff.session;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.centra.BffHttp;
import io.centrabff.centra.BffHttp.Reply;
import io.centrabff.centra.StubbedCentra;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Header mode: the storefront sends {@code API-Token} and reads {@code token} from bodies, exactly as with Centra. */
@TestPropertySource(properties = "bff.session.mode=HEADER")
class SessionHeaderModeTests extends StubbedCentra {

    static final String BASE = "/api/checkout/52";
    static final String SELECTION = BASE + "/selection";

    BffHttp bff;

    @BeforeEach
    void stubCentra() {
        bff = new BffHttp(port);
        CENTRA.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"token\":\"tok-rotated\",\"selection\":{}}")));
    }

    @Test
    void apiTokenHeaderTravelsUpstreamAndTheTokenStaysInTheBody() {
        Reply reply = bff.get("/api/checkout/selection", "API-Token", "tok-header");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("token").asText()).isEqualTo("tok-rotated");
        assertThat(reply.headers("Set-Cookie")).isEmpty();
        CENTRA.verify(
                exactly(1), getRequestedFor(urlEqualTo(SELECTION)).withHeader("API-token", equalTo("tok-header")));
    }

    @Test
    void acceptParameterCarriesTheTokenForGet() {
        Reply reply = bff.get("/api/checkout/selection", "Accept", "*/*; api-token=abc");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("token").asText()).isEqualTo("tok-rotated");
        CENTRA.verify(exactly(1), getRequestedFor(urlEqualTo(SELECTION)).withHeader("API-token", equalTo("abc")));
    }

    @Test
    void sessionCookieIsIgnoredInHeaderMode() {
        Reply reply = bff.get("/api/checkout/selection", "Cookie", "centra-session=tok-cookie");

        assertThat(reply.status()).isEqualTo(200);
        CENTRA.verify(exactly(1), getRequestedFor(urlEqualTo(SELECTION)).withoutHeader("API-token"));
    }

    @Test
    void theBffsOwnProblemAnswersCarryTheCallersToken() {
        // Centra failing: the BFF answers 503 problem+json itself (through ProblemAdvice for a read).
        CENTRA.stubFor(any(urlEqualTo(SELECTION)).willReturn(aResponse().withStatus(502)));
        Reply failed = bff.get("/api/checkout/selection", "API-Token", "tok-header");
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(failed.json().path("token").asText()).isEqualTo("tok-header");

        // A problem raised before anything is relayed (a path value the BFF refuses).
        Reply invalid = bff.put("/api/checkout/countries/not-a-country", null, "API-Token", "tok-header");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("token").asText()).isEqualTo("tok-header");

        // Without a token there is none to repeat.
        Reply anonymous = bff.put("/api/checkout/countries/not-a-country", null);
        assertThat(anonymous.status()).isEqualTo(400);
        assertThat(anonymous.json().has("token")).isFalse();
    }

    @Test
    void aRefusalOnACartRouteCarriesTheCallersToken() {
        Reply first = bff.post("/api/checkout/items/1001-1", null, "API-Token", "tok-cart", "Idempotency-Key", "k-1");
        assertThat(first.status()).isEqualTo(200);

        // The same key for another change: 422 from the BFF, never reaching Centra.
        Reply reused = bff.post("/api/checkout/items/1002-1", null, "API-Token", "tok-cart", "Idempotency-Key", "k-1");

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reused.json().path("token").asText()).isEqualTo("tok-cart");
        assertThat(reused.json().at("/bff/widgets").isObject())
                .as("widget instructions as on every cart answer")
                .isTrue();
        CENTRA.verify(exactly(0), anyRequestedFor(urlEqualTo(BASE + "/items/1002-1")));
    }

    @Test
    void apiTokenNoneIsCentrasTokenLessModeNotAMalformedToken() {
        Reply read = bff.get("/api/checkout/selection", "API-Token", "none");
        Reply viaAccept = bff.get("/api/checkout/languages", "Accept", "*/*; api-token=none");
        CENTRA.stubFor(any(urlEqualTo(BASE + "/items/1001-1"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"selection\":{\"items\":[{\"item\":\"1001-1\"}]}}")));
        Reply change = bff.post("/api/checkout/items/1001-1", null, "API-Token", "NONE");

        assertThat(read.status()).isEqualTo(200);
        assertThat(viaAccept.status()).isEqualTo(200);
        assertThat(change.status()).as(change.body()).isEqualTo(200);
        assertThat(change.json().has("token"))
                .as("Centra returns no token, so neither does the BFF")
                .isFalse();
        assertThat(change.json().at("/selection/items/0/item").asText()).isEqualTo("1001-1");
        CENTRA.verify(exactly(1), getRequestedFor(urlEqualTo(SELECTION)).withHeader("API-token", equalTo("none")));
        CENTRA.verify(
                exactly(1), getRequestedFor(urlEqualTo(BASE + "/languages")).withHeader("API-token", equalTo("none")));
        CENTRA.verify(
                exactly(1),
                postRequestedFor(urlEqualTo(BASE + "/items/1001-1")).withHeader("API-token", equalTo("none")));
        CENTRA.verify(exactly(3), anyRequestedFor(anyUrl()));
    }

    @Test
    void apiTokenNoneNeverStartsASessionEvenWithAnEdgeCountry() {
        Reply reply = bff.post("/api/checkout/items/1001-1", null, "API-Token", "none", "CF-IPCountry", "DE");

        assertThat(reply.status()).isEqualTo(200);
        CENTRA.verify(exactly(0), putRequestedFor(urlEqualTo(BASE + "/countries/DE")));
        CENTRA.verify(
                exactly(1),
                postRequestedFor(urlEqualTo(BASE + "/items/1001-1")).withHeader("API-token", equalTo("none")));
    }

    @Test
    void malformedApiTokenIsRejectedWithoutCallingCentra() {
        Reply reply = bff.get("/api/checkout/selection", "API-Token", "tok,with\"quotes");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("errors").has("token")).isTrue();
        CENTRA.verify(exactly(0), anyRequestedFor(anyUrl()));
    }
}
