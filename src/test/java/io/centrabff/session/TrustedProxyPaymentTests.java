package io.centrabff.session;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.centra.BffHttp;
import io.centrabff.centra.BffHttp.Reply;
import io.centrabff.centra.StubbedCentra;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code ipAddress} the BFF sends with {@code POST /payment}: behind a trusted proxy (127.0.0.1 in
 * {@link io.centrabff.centra.StubbedCentraTest}) the shopper is the last untrusted X-Forwarded-For hop, and whatever
 * the body says is overwritten. That an untrusted peer's X-Forwarded-For is ignored is {@link ClientAddressTests}.
 */
class TrustedProxyPaymentTests extends StubbedCentra {

    static final String PAYMENT = API + "/payment";
    static final String BODY = "{\"paymentReturnPage\":\"https://shop.example/r\",\"ipAddress\":\"6.6.6.6\"}";

    BffHttp bff;

    @BeforeEach
    void stubCentra() {
        bff = new BffHttp(port);
        CENTRA.stubFor(post(urlEqualTo(PAYMENT))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"token\":\"tok-1\",\"action\":\"redirect\",\"url\":\"https://psp.example\"}")));
    }

    @Test
    void forwardedForFromATrustedProxyNamesTheShopper() {
        Reply reply =
                bff.post("/api/checkout/payment", BODY, "Cookie", "centra-session=tok-1", "X-Forwarded-For", "1.2.3.4");

        assertThat(reply.status()).isEqualTo(200);
        assertIpAddressSent("1.2.3.4");
    }

    @Test
    void spoofedHopsLeftOfTheShopperAreIgnored() {
        Reply reply = bff.post(
                "/api/checkout/payment", BODY, "Cookie", "centra-session=tok-1", "X-Forwarded-For", "9.9.9.9, 1.2.3.4");

        assertThat(reply.status()).isEqualTo(200);
        assertIpAddressSent("1.2.3.4");
    }

    @Test
    void withoutForwardedForTheProxyItselfIsTheClientAndTheBodysAddressIsOverwritten() {
        Reply reply = bff.post("/api/checkout/payment", BODY, "Cookie", "centra-session=tok-1");

        assertThat(reply.status()).isEqualTo(200);
        assertIpAddressSent("127.0.0.1");
    }

    void assertIpAddressSent(String ipAddress) {
        CENTRA.verify(
                exactly(1),
                postRequestedFor(urlEqualTo(PAYMENT))
                        .withRequestBody(matchingJsonPath("$.ipAddress", equalTo(ipAddress)))
                        .withRequestBody(matchingJsonPath("$.paymentReturnPage", equalTo("https://shop.example/r"))));
    }
}
