package io.centrabff.session;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.centrabff.centra.BffHttp;
import io.centrabff.centra.BffHttp.Reply;
import io.centrabff.centra.StubbedCentra;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cookie mode (the default): the Centra token lives in an HttpOnly cookie and follows every rotation at once. */
class SessionCookieModeTests extends StubbedCentra {

    static final String BASE = "/api/checkout/52";

    BffHttp bff;

    @BeforeEach
    void client() {
        bff = new BffHttp(port);
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    static void selectionAnswers(String sentToken, String answeredToken) {
        CENTRA.stubFor(get(urlEqualTo(BASE + "/selection"))
                .withHeader("API-token", equalTo(sentToken))
                .willReturn(json(200, "{\"token\":\"" + answeredToken + "\",\"selection\":{\"items\":[]}}")));
    }

    @Test
    void rotatedTokenReplacesCookieInSameResponse() {
        selectionAnswers("tok-expired", "tok-rotated");

        Reply reply = bff.get("/api/checkout/selection", "Cookie", "centra-session=tok-expired");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().has("token")).isFalse();
        assertThat(reply.json().path("selection").isObject()).isTrue();
        assertThat(reply.headers("Set-Cookie")).hasSize(1);
        assertThat(reply.cookieValue("centra-session")).isEqualTo("tok-rotated");
        assertThat(reply.setCookie("centra-session"))
                .contains("HttpOnly")
                .contains("SameSite=Lax")
                .contains("Max-Age=2592000")
                .contains("Path=/")
                .contains("Secure");
        assertThat(reply.header("Cache-Control")).contains("no-store");
    }

    @Test
    void nextRequestCarriesTheRotatedToken() {
        selectionAnswers("tok-expired", "tok-rotated");
        selectionAnswers("tok-rotated", "tok-rotated");

        Reply first = bff.get("/api/checkout/selection", "Cookie", "centra-session=tok-expired");
        Reply second =
                bff.get("/api/checkout/selection", "Cookie", "centra-session=" + first.cookieValue("centra-session"));

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.headers("Set-Cookie"))
                .as("unchanged token, no new cookie")
                .isEmpty();
        CENTRA.verify(
                exactly(1),
                getRequestedFor(urlEqualTo(BASE + "/selection")).withHeader("API-token", equalTo("tok-expired")));
        CENTRA.verify(
                exactly(1),
                getRequestedFor(urlEqualTo(BASE + "/selection")).withHeader("API-token", equalTo("tok-rotated")));
    }

    @Test
    void firstCallStartsASessionCookie() {
        CENTRA.stubFor(post(urlEqualTo(BASE + "/items/1313-19728"))
                .willReturn(json(200, "{\"token\":\"tok-new\",\"selection\":{\"items\":[{}]}}")));

        Reply reply = bff.post("/api/checkout/items/1313-19728", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.cookieValue("centra-session")).isEqualTo("tok-new");
        assertThat(reply.body()).doesNotContain("tok-new");
    }

    @Test
    void tokenChangedOnACentraErrorStillReplacesTheCookie() {
        CENTRA.stubFor(post(urlEqualTo(BASE + "/vouchers"))
                .willReturn(json(406, "{\"token\":\"tok-rotated\",\"errors\":{\"voucher\":\"not valid\"}}")));

        Reply reply = bff.post("/api/checkout/vouchers", "{\"voucher\":\"X\"}", "Cookie", "centra-session=tok-old");

        assertThat(reply.status()).isEqualTo(406);
        assertThat(reply.cookieValue("centra-session")).isEqualTo("tok-rotated");
        assertThat(reply.json().path("errors").path("voucher").asText()).isEqualTo("not valid");
        assertThat(reply.json().has("token")).isFalse();
    }

    @Test
    void cookieThatSaysNoneIsNotForwarded() {
        CENTRA.stubFor(get(urlEqualTo(BASE + "/selection")).willReturn(json(200, "{\"token\":\"tok-new\"}")));

        bff.get("/api/checkout/selection", "Cookie", "centra-session=none");

        CENTRA.verify(
                exactly(1), getRequestedFor(urlEqualTo(BASE + "/selection")).withoutHeader("API-token"));
    }

    @Test
    void completedOrderClearsTheSessionAndKeepsTheReceiptToken() {
        CENTRA.stubFor(post(urlEqualTo(BASE + "/payment-result"))
                .willReturn(
                        json(200, "{\"token\":\"tok-cart\",\"order\":{\"order\":\"1234\",\"status\":\"confirmed\"}}")));
        CENTRA.stubFor(get(urlEqualTo(BASE + "/receipt"))
                .willReturn(json(200, "{\"token\":\"tok-cart\",\"order\":{\"order\":\"1234\"}}")));

        Reply result = bff.post(
                "/api/checkout/payment-result",
                "{\"paymentMethodFields\":{\"orderId\":\"psp-1\"}}",
                "Cookie",
                "centra-session=tok-cart");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json().path("order").path("order").asText()).isEqualTo("1234");
        assertThat(result.json().has("token")).isFalse();
        assertThat(result.cookieValue("centra-session")).isEmpty();
        assertThat(result.setCookie("centra-session")).contains("Max-Age=0");
        assertThat(result.cookieValue("centra-receipt")).isEqualTo("tok-cart");
        assertThat(result.setCookie("centra-receipt")).contains("HttpOnly").contains("Max-Age=3600");

        Reply receipt = bff.get("/api/checkout/receipt", "Cookie", "centra-receipt=tok-cart");

        assertThat(receipt.status()).isEqualTo(200);
        assertThat(receipt.json().path("order").path("order").asText()).isEqualTo("1234");
        assertThat(receipt.headers("Set-Cookie")).isEmpty();
        CENTRA.verify(
                exactly(1),
                getRequestedFor(urlEqualTo(BASE + "/receipt")).withHeader("API-token", equalTo("tok-cart")));
    }

    @Test
    void failedPaymentResultKeepsTheSession() {
        CENTRA.stubFor(post(urlEqualTo(BASE + "/payment-result"))
                .willReturn(json(200, "{\"token\":\"tok-cart\",\"errors\":{\"paymentMethod\":\"failed\"}}")));

        Reply result = bff.post(
                "/api/checkout/payment-result",
                "{\"paymentMethodFields\":{\"orderId\":\"psp-1\"}}",
                "Cookie",
                "centra-session=tok-cart");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.headers("Set-Cookie")).isEmpty();
        CENTRA.verify(exactly(1), anyRequestedFor(anyUrl()));
    }
}
