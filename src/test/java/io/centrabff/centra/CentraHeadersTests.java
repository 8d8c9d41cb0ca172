package io.centrabff.centra;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.centrabff.centra.BffHttp.Reply;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.ObjectMapper;

/** What the gateway puts on the wire to Centra: session token, correlation id and (only server-side) the secret. */
class CentraHeadersTests extends StubbedCentra {

    static final String BASE = "/api/checkout/52";
    static final String SECRET = SHARED_SECRET;
    static final String WELL_FORMED_ID = "[A-Za-z0-9._-]{1,128}";

    @Autowired
    CentraGateway gateway;

    @Autowired
    ObjectMapper mapper;

    BffHttp bff;

    @BeforeEach
    void stubCentra() {
        bff = new BffHttp(port);
        CENTRA.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"token\":\"tok-shopper\",\"selection\":{},\"markets\":[]}")));
    }

    @Test
    void shopperTokenTravelsAsApiTokenHeader() {
        Reply reply = bff.get("/api/checkout/selection", "Cookie", "centra-session=tok-shopper");

        assertThat(reply.status()).isEqualTo(200);
        CENTRA.verify(
                exactly(1),
                getRequestedFor(urlEqualTo(BASE + "/selection")).withHeader("API-token", equalTo("tok-shopper")));
    }

    @Test
    void newShopperSendsNoApiTokenSoCentraCreatesASession() {
        Reply reply = bff.get("/api/checkout/selection");

        assertThat(reply.status()).isEqualTo(200);
        CENTRA.verify(
                exactly(1), getRequestedFor(urlEqualTo(BASE + "/selection")).withoutHeader("API-token"));
    }

    @Test
    void sessionlessCallSendsApiTokenNone() {
        CentraResponse response = gateway.exchange(CentraRequest.sessionless(
                        CentraOperation.PRODUCTS, mapper.createObjectNode().put("limit", 1), "corr-sessionless"))
                .block();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.sentToken()).isNull();
        CENTRA.verify(
                exactly(1),
                postRequestedFor(urlEqualTo(BASE + "/products"))
                        .withHeader("API-token", equalTo("none"))
                        .withHeader("X-Correlation-ID", equalTo("corr-sessionless"))
                        .withoutHeader("Authorization"));
    }

    @Test
    void wellFormedCorrelationIdReachesCentraAndIsEchoed() {
        String id = "storefront-1234.abc_DEF-" + "x".repeat(104);

        Reply reply = bff.get("/api/checkout/selection", "X-Correlation-ID", id);

        assertThat(id).hasSize(128);
        assertThat(reply.header("X-Correlation-ID")).isEqualTo(id);
        CENTRA.verify(
                exactly(1),
                getRequestedFor(urlEqualTo(BASE + "/selection")).withHeader("X-Correlation-ID", equalTo(id)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"quoted\"", "has space", "semi;colon", "<script>", "ümlaut"})
    void malformedCorrelationIdIsReplacedByAGeneratedOne(String id) {
        Reply reply = bff.get("/api/checkout/selection", "X-Correlation-ID", id);

        assertReplaced(reply, id);
    }

    @Test
    void overlongCorrelationIdIsReplacedByAGeneratedOne() {
        String id = "x".repeat(129);

        Reply reply = bff.get("/api/checkout/selection", "X-Correlation-ID", id);

        assertReplaced(reply, id);
    }

    @Test
    void correlationIdWithFoldedLineIsReplacedByAGeneratedOne() {
        Reply reply = bff.raw(
                "GET /api/checkout/selection HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Correlation-ID: abc\r\n Injected: x");

        assertReplaced(reply, "abc");
        assertThat(reply.headers("Injected")).isEmpty();
    }

    @Test
    void correlationIdWithBareCarriageReturnNeverReachesCentra() {
        Reply reply = bff.raw(
                "GET /api/checkout/selection HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Correlation-ID: abc\rInjected: x");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.headers("Injected")).isEmpty();
        CENTRA.verify(exactly(0), anyRequestedFor(anyUrl()));
    }

    private void assertReplaced(Reply reply, String sent) {
        assertThat(reply.status()).isEqualTo(200);
        String echoed = reply.header("X-Correlation-ID");
        assertThat(echoed).matches(WELL_FORMED_ID).isNotEqualTo(sent);
        List<LoggedRequest> upstream = CENTRA.findAll(anyRequestedFor(anyUrl()));
        assertThat(upstream).hasSize(1);
        assertThat(upstream.get(0).getHeader("X-Correlation-ID")).isEqualTo(echoed);
    }

    @Test
    void serverSideOperationsCarryTheSharedSecret() {
        gateway.exchange(CentraRequest.sessionless(CentraOperation.MARKETS, null, "corr-markets"))
                .block();
        gateway.exchange(CentraRequest.sessionless(
                        CentraOperation.SERVER_PRODUCTS,
                        mapper.createObjectNode().put("pricelist", "all"),
                        "corr-products"))
                .block();

        CENTRA.verify(
                exactly(1),
                getRequestedFor(urlEqualTo(BASE + "/markets"))
                        .withHeader("Authorization", equalTo("Bearer " + SECRET))
                        .withHeader("API-token", equalTo("none")));
        CENTRA.verify(
                exactly(1),
                postRequestedFor(urlEqualTo(BASE + "/products"))
                        .withHeader("Authorization", equalTo("Bearer " + SECRET)));
    }

    @Test
    void shopperOperationsNeverCarryAnAuthorizationHeader() {
        bff.get("/api/checkout/selection", "Authorization", "Bearer from-the-browser", "Cookie", "centra-session=t1");
        bff.post("/api/checkout/products", "{\"limit\":1}", "Authorization", "Bearer from-the-browser");
        bff.post("/api/checkout/vouchers", "{\"voucher\":\"SUMMER\"}", "Authorization", "Basic dXNlcjpwYXNz");
        gateway.exchange(CentraRequest.forSession(CentraOperation.SELECTION, "t1", null, "corr-1"))
                .block();

        // The catalog read is served from the cache, filled by the BFF's own server-side calls with the secret;
        // nothing the browser sent as Authorization is ever forwarded, and shopper calls carry none at all.
        CENTRA.verify(
                exactly(0), anyRequestedFor(anyUrl()).withHeader("Authorization", containing("from-the-browser")));
        CENTRA.verify(exactly(0), anyRequestedFor(anyUrl()).withHeader("Authorization", containing("Basic")));
        CENTRA.verify(exactly(2), getRequestedFor(urlEqualTo(BASE + "/selection")));
        CENTRA.verify(
                exactly(0),
                getRequestedFor(urlEqualTo(BASE + "/selection")).withHeader("Authorization", matching(".*")));
        CENTRA.verify(exactly(1), postRequestedFor(urlEqualTo(BASE + "/vouchers")));
        CENTRA.verify(
                exactly(0),
                postRequestedFor(urlEqualTo(BASE + "/vouchers")).withHeader("Authorization", matching(".*")));
    }
}
