package io.centrabff.session;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.centrabff.centra.BffHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The BFF in front of a WireMock Centra answering {@code POST /payment}, for tests of the {@code ipAddress} the BFF
 * sends. Subclasses choose the trusted proxies; every subclass gets its own application context.
 */
abstract class PaymentIpAddressTestBase {

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
}
