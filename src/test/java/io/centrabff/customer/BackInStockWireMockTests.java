package io.centrabff.customer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.centrabff.ShopperClient;
import io.centrabff.ShopperClient.Reply;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What {@code POST /back-in-stock-subscription} sends to Centra: the body as given, the session token, no secret. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // Plain http on localhost: the test client must see the session cookie to send it back.
        properties = "bff.session.cookie-secure=false")
class BackInStockWireMockTests {

    static final String UPSTREAM = "/api/checkout/52/back-in-stock-subscription";

    @RegisterExtension
    static WireMockExtension centra = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @DynamicPropertySource
    static void centra(DynamicPropertyRegistry registry) {
        registry.add("centra.base-url", () -> "http://127.0.0.1:" + centra.getPort() + "/api/checkout/52");
        registry.add("centra.shared-secret", () -> "test-shared-secret");
    }

    @LocalServerPort
    int port;

    @BeforeEach
    void stub() {
        centra.stubFor(post(urlEqualTo(UPSTREAM))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"token\":\"tok-bis-1\",\"subscribed\":true}")));
    }

    @Test
    void bodyAndSessionTokenReachCentraUnchangedWithoutTheSecret() {
        ShopperClient shopper = new ShopperClient(port);
        String body = "{\"item\":\"12366-23400\",\"shipTo\":{\"country\":\"SE\"},\"email\":\"test@email.com\","
                + "\"language\":\"sv\"}";

        Reply first = shopper.post(
                "/api/checkout/back-in-stock-subscription",
                Map.of(
                        "item",
                        "12366-23400",
                        "shipTo",
                        Map.of("country", "SE"),
                        "email",
                        "test@email.com",
                        "language",
                        "sv"));
        Reply second = shopper.post(
                "/api/checkout/back-in-stock-subscription",
                Map.of("item", "12366-23400", "shipTo", Map.of("country", "SE")));

        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        centra.verify(
                exactly(1),
                postRequestedFor(urlEqualTo(UPSTREAM))
                        .withRequestBody(equalToJson(body))
                        .withHeader("Authorization", absent()));
        centra.verify(
                exactly(1),
                postRequestedFor(urlEqualTo(UPSTREAM))
                        .withHeader("API-token", equalTo("tok-bis-1"))
                        .withRequestBody(equalToJson("{\"item\":\"12366-23400\",\"shipTo\":{\"country\":\"SE\"}}")));
    }

    @Test
    void aBodyWithoutItemIsRefusedWithoutCallingCentra() {
        ShopperClient shopper = new ShopperClient(port);

        Reply refused = shopper.post("/api/checkout/back-in-stock-subscription", Map.of("item", 42));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").has("item")).isTrue();
        centra.verify(exactly(0), anyRequestedFor(anyUrl()));
    }
}
