package io.centrabff.session;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.centrabff.centra.BffHttp;
import io.centrabff.centra.BffHttp.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Without trusted proxies the TCP peer is the shopper: a caller cannot choose the ipAddress Centra sees. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "bff.sandbox.enabled=false")
class PaymentClientAddressTests {

    static final String PAYMENT = "/api/checkout/52/payment";
    static final String BODY = "{\"paymentReturnPage\":\"https://shop.example/r\",\"ipAddress\":\"6.6.6.6\"}";

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

    BffHttp bff;

    @BeforeEach
    void stubCentra() {
        bff = new BffHttp(port);
        centra.stubFor(post(urlEqualTo(PAYMENT))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"token\":\"tok-1\",\"action\":\"redirect\",\"url\":\"https://psp.example\"}")));
    }

    void assertIpAddressSent(String ipAddress) {
        centra.verify(
                exactly(1),
                postRequestedFor(urlEqualTo(PAYMENT))
                        .withRequestBody(matchingJsonPath("$.ipAddress", equalTo(ipAddress)))
                        .withRequestBody(matchingJsonPath("$.paymentReturnPage", equalTo("https://shop.example/r"))));
    }

    @Test
    void forwardedForFromAnUntrustedCallerIsIgnored() {
        Reply reply =
                bff.post("/api/checkout/payment", BODY, "Cookie", "centra-session=tok-1", "X-Forwarded-For", "1.2.3.4");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("action").asText()).isEqualTo("redirect");
        assertIpAddressSent("127.0.0.1");
    }

    @Test
    void bodySuppliedIpAddressIsOverwritten() {
        Reply reply = bff.post("/api/checkout/payment", BODY, "Cookie", "centra-session=tok-1");

        assertThat(reply.status()).isEqualTo(200);
        assertIpAddressSent("127.0.0.1");
    }
}
