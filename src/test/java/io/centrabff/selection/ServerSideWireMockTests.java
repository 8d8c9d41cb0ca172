package io.centrabff.selection;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.ShopperClient.Reply;
import io.centrabff.centra.StubbedCentra;
import io.centrabff.centra.StubbedCentraTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.TestPropertySource;

/**
 * What the shared-secret operations send to Centra: {@code PUT /selection} with the shopper's token, the body and
 * {@code Authorization: Bearer <shared secret>}; the store-wide reads with the secret and {@code API-token: none}.
 * Without the server key (or with a wrong one) the BFF answers 403 and Centra hears nothing.
 */
@StubbedCentraTest
@TestPropertySource(properties = "bff.session.mode=HEADER")
class ServerSideWireMockTests extends StubbedCentra {

    static final String SERVER_KEY = "test-server-key";
    static final String BEARER = "Bearer " + SHARED_SECRET;

    @BeforeEach
    void stub() {
        CENTRA.stubFor(any(anyUrl())
                .willReturn(okJson("{\"token\":\"tok-srv-1\",\"selection\":{},"
                        + "\"location\":{\"market\":\"2\",\"pricelist\":\"20\"}}")));
        CENTRA.stubFor(get(urlEqualTo(API + "/markets"))
                .willReturn(okJson("{\"markets\":[{\"market\":\"1\",\"name\":\"Retail\",\"default\":true}]}")));
    }

    @Test
    void selectionSwitchCarriesTheSecretTheSessionAndTheBody() {
        Reply reply = client.put(
                "/api/checkout/selection",
                Map.of("market", 2, "pricelist", "20", "country", "DE", "language", "de"),
                "API-Token",
                "tok-srv-1",
                "X-BFF-Server-Key",
                SERVER_KEY);

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().at("/location/pricelist").asText()).isEqualTo("20");
        assertThat(reply.json().at("/bff/widgets").isObject())
                .as("it changes the cart, so it runs in the cart's lane")
                .isTrue();
        CENTRA.verify(
                exactly(1),
                putRequestedFor(urlEqualTo(API + "/selection"))
                        .withHeader("API-token", equalTo("tok-srv-1"))
                        .withHeader("Authorization", equalTo(BEARER))
                        .withRequestBody(equalToJson(
                                "{\"market\":2,\"pricelist\":\"20\",\"country\":\"DE\",\"language\":\"de\"}")));
        assertThat(upstreamCalls()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "wrong-key", "Bearer test-server-key"})
    void withoutTheServerKeyEveryServerSideOperationIs403AndCentraIsNotCalled(String key) {
        String[] headers = key.isEmpty()
                ? new String[] {"API-Token", "tok-srv-1"}
                : new String[] {"API-Token", "tok-srv-1", "X-BFF-Server-Key", key};
        List<Reply> replies = List.of(
                client.put("/api/checkout/selection", Map.of("pricelist", "20"), headers),
                client.get("/api/checkout/countries/all", headers),
                client.get("/api/checkout/markets", headers),
                client.get("/api/checkout/pricelists", headers));

        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
            assertThat(reply.json().path("type").asText()).endsWith(":server-key-required");
            assertThat(reply.json().path("errors").has("serverKey")).isTrue();
        });
        assertThat(upstreamCalls()).isZero();
    }

    @Test
    void storeWideReadsCarryTheSecretAndNoSession() {
        Reply markets = client.get("/api/checkout/markets", "X-BFF-Server-Key", SERVER_KEY);
        Reply pricelists = client.get("/api/checkout/pricelists", "X-BFF-Server-Key", SERVER_KEY, "API-Token", "tok-x");
        Reply countries = client.get("/api/checkout/countries/all", "X-BFF-Server-Key", SERVER_KEY);

        assertThat(markets.status()).isEqualTo(200);
        assertThat(markets.json().at("/markets/0/market").asText()).isEqualTo("1");
        assertThat(pricelists.status()).isEqualTo(200);
        assertThat(countries.status()).isEqualTo(200);
        for (String path : List.of("/markets", "/pricelists", "/countries/all")) {
            CENTRA.verify(
                    exactly(1),
                    getRequestedFor(urlEqualTo(API + path))
                            .withHeader("Authorization", equalTo(BEARER))
                            .withHeader("API-token", equalTo("none")));
        }
        assertThat(upstreamCalls()).isEqualTo(3);
    }

    @Test
    void aSelectionSwitchWithoutAnyContextFieldIsRefusedWithoutCallingCentra() {
        Reply empty = client.put("/api/checkout/selection", Map.of(), "X-BFF-Server-Key", SERVER_KEY);
        Reply wrongType =
                client.put("/api/checkout/selection", Map.of("pricelist", List.of(1)), "X-BFF-Server-Key", SERVER_KEY);
        Reply notJson = client.put("/api/checkout/selection", "{", "X-BFF-Server-Key", SERVER_KEY);

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("errors").has("body")).isTrue();
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().path("errors").has("pricelist")).isTrue();
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.header("Content-Type")).startsWith("application/problem+json");
        assertThat(upstreamCalls()).isZero();
    }
}
