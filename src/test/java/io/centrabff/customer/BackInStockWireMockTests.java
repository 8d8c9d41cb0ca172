package io.centrabff.customer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.ShopperClient.Reply;
import io.centrabff.centra.StubbedCentra;
import io.centrabff.centra.StubbedCentraTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * What {@code POST /back-in-stock-subscription} sends to Centra: the body as given, the session token, no secret. In
 * header mode, so the token the storefront holds is the one Centra must see.
 */
@StubbedCentraTest
@TestPropertySource(properties = "bff.session.mode=HEADER")
class BackInStockWireMockTests extends StubbedCentra {

    static final String UPSTREAM = API + "/back-in-stock-subscription";

    @BeforeEach
    void stub() {
        CENTRA.stubFor(post(urlEqualTo(UPSTREAM))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"token\":\"tok-bis-1\",\"subscribed\":true}")));
    }

    @Test
    void bodyAndSessionTokenReachCentraUnchangedWithoutTheSecret() {
        String body = "{\"item\":\"12366-23400\",\"shipTo\":{\"country\":\"SE\"},\"email\":\"test@email.com\","
                + "\"language\":\"sv\"}";

        Reply reply = client.post(
                "/api/checkout/back-in-stock-subscription",
                Map.of(
                        "item",
                        "12366-23400",
                        "shipTo",
                        Map.of("country", "SE"),
                        "email",
                        "test@email.com",
                        "language",
                        "sv"),
                "API-Token",
                "tok-bis-1");

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().path("token").asText()).isEqualTo("tok-bis-1");
        CENTRA.verify(
                exactly(1),
                postRequestedFor(urlEqualTo(UPSTREAM))
                        .withRequestBody(equalToJson(body))
                        .withHeader("API-token", equalTo("tok-bis-1"))
                        .withHeader("Authorization", absent()));
    }

    @Test
    void aBodyWithoutItemIsRefusedWithoutCallingCentra() {
        Reply refused = client.post("/api/checkout/back-in-stock-subscription", Map.of("item", 42));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").has("item")).isTrue();
        assertThat(upstreamCalls()).isZero();
    }
}
