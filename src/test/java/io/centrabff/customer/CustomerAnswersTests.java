package io.centrabff.customer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.ShopperClient;
import io.centrabff.ShopperClient.Reply;
import io.centrabff.centra.StubbedCentra;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the customer capability adds to relayed answers, over HTTP against a stubbed Centra: a reset request never
 * tells whether the address is registered, and signing in or out drops the receipt cookie.
 */
class CustomerAnswersTests extends StubbedCentra {

    static final Map<String, String> LINK = Map.of("linkUri", "account/reset");

    /** The address as a URL pattern: the gateway may send {@code @} percent-encoded. */
    static String atSign(String email) {
        return Pattern.quote(email).replace("@", "\\E(@|%40)\\Q");
    }

    static void stubResetEmail(String email, int status, String body) {
        CENTRA.stubFor(post(urlMatching(API + "/password-reset-email/" + atSign(email)))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    @Test
    void anUnknownAddressAnswersLikeARegisteredOne() {
        stubResetEmail("ada@example.com", 200, "{\"token\":\"tok-1\",\"selection\":{}}");
        stubResetEmail(
                "nobody@example.com",
                404,
                "{\"token\":\"tok-1\",\"errors\":{\"email\":\"not found\"},\"selection\":{}}");
        stubResetEmail(
                "gone@example.com",
                406,
                "{\"token\":\"tok-1\",\"errors\":{\"customer\":\"unknown\"},\"selection\":{}}");

        Reply registered = client.post(
                "/api/checkout/password-reset-email/ada@example.com", LINK, "Cookie", "centra-session=tok-1");
        assertThat(registered.status()).as(registered.text()).isEqualTo(200);
        for (String unknown : List.of("nobody@example.com", "gone@example.com")) {
            Reply reply = client.post(
                    "/api/checkout/password-reset-email/" + unknown, LINK, "Cookie", "centra-session=tok-1");

            assertThat(reply.status()).as(unknown).isEqualTo(200);
            assertThat(reply.json()).as(unknown).isEqualTo(registered.json());
            assertThat(reply.json().has("errors")).isFalse();
            assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
            assertThat(reply.allHeaders("Set-Cookie")).isEqualTo(registered.allHeaders("Set-Cookie"));
        }
    }

    @Test
    void errorsAboutOtherFieldsPassThrough() {
        stubResetEmail("ada@example.com", 406, "{\"token\":\"tok-1\",\"errors\":{\"linkUri\":\"not valid\"}}");

        Reply reply = client.post(
                "/api/checkout/password-reset-email/ada@example.com", LINK, "Cookie", "centra-session=tok-1");

        assertThat(reply.status()).isEqualTo(406);
        assertThat(reply.json().at("/errors/linkUri").asText()).isEqualTo("not valid");
    }

    @Test
    void signingOutDropsTheReceiptCookieTheBffWrote() {
        ShopperClient browser = placedAnOrder();

        Reply logout = browser.post("/api/checkout/logout", null);

        assertThat(logout.status()).isEqualTo(200);
        assertThat(browser.cookie("centra-receipt"))
                .as("the cookie cleared is the one written after the order: " + logout.allHeaders("Set-Cookie"))
                .isNull();
    }

    @Test
    void aFailedSignInDropsTheReceiptCookieToo() {
        ShopperClient browser = placedAnOrder();
        CENTRA.stubFor(post(urlMatching(API + "/login/" + atSign("ada@example.com")))
                .willReturn(aResponse()
                        .withStatus(406)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"token\":\"tok-2\",\"errors\":{\"password\":\"incorrect\"}}")));

        Reply login = browser.post("/api/checkout/login/ada@example.com", Map.of("password", "wrong"));

        assertThat(login.status()).isEqualTo(406);
        assertThat(login.json().at("/errors/password").asText()).isEqualTo("incorrect");
        assertThat(browser.cookie("centra-receipt")).isNull();
    }

    @Test
    void otherCallsKeepTheReceiptCookie() {
        ShopperClient browser = placedAnOrder();

        Reply selection = browser.get("/api/checkout/selection");

        assertThat(selection.status()).isEqualTo(200);
        assertThat(selection.allHeaders("Set-Cookie")).noneMatch(cookie -> cookie.contains("centra-receipt"));
        assertThat(browser.cookie("centra-receipt")).isEqualTo("tok-order");
    }

    /** A browser whose cookie jar holds the receipt cookie the BFF wrote when Centra reported the order placed. */
    private ShopperClient placedAnOrder() {
        CENTRA.stubFor(any(anyUrl()).willReturn(okJson("{\"token\":\"tok-2\",\"selection\":{},\"loggedIn\":false}")));
        CENTRA.stubFor(get(urlEqualTo(API + "/selection"))
                .withHeader("API-token", equalTo("tok-order"))
                .willReturn(okJson("{\"token\":\"tok-order\",\"order\":{\"order\":\"1001\"}}")));
        ShopperClient browser = new ShopperClient(port);
        Reply order = browser.get("/api/checkout/selection", "Cookie", "centra-session=tok-order");
        assertThat(order.status()).as(order.text()).isEqualTo(200);
        assertThat(browser.cookie("centra-receipt")).isEqualTo("tok-order");
        return browser;
    }
}
