package io.centrabff.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SandboxPaymentTests {

    private static final String RETURN_PAGE = "https://shop.example/checkout/return?step=3";
    private static final String FAILED_PAGE = "https://shop.example/checkout/failed";

    private CentraSandbox sandbox;
    private SandboxClient client;

    @BeforeEach
    void start() {
        sandbox = CentraSandbox.start(SandboxOptions.defaults());
        client = new SandboxClient(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.stop();
    }

    private SandboxClient.Response pay(String method) {
        client.post("/items/1001-1", null);
        client.put("/payment-methods/" + method, null);
        return client.post(
                "/payment",
                """
                {"paymentReturnPage":"%s","paymentFailedPage":"%s","termsAndConditions":true,
                 "ipAddress":"203.0.113.7","address":{"country":"SE","email":"shopper@example.com"}}"""
                        .formatted(RETURN_PAGE, FAILED_PAGE));
    }

    private static Map<String, String> query(URI uri) {
        return SandboxHttp.query(uri.getRawQuery());
    }

    @Test
    void paypalRedirectReturnsPspParametersAndPaymentResultCreatesOrder() {
        var payment = pay("paypal");
        assertThat(payment.json().path("action").asText()).isEqualTo("redirect");
        URI psp = URI.create(payment.json().path("url").asText());
        assertThat(psp.toString()).startsWith("http://127.0.0.1:" + sandbox.port() + "/sandbox/psp/paypal");

        var redirect = client.raw("GET", psp, null);
        assertThat(redirect.status()).isEqualTo(302);
        URI back = URI.create(redirect.raw().headers().firstValue("Location").orElseThrow());
        assertThat(back.toString()).startsWith(RETURN_PAGE + "&");
        Map<String, String> params = query(back);
        assertThat(params.get("paymentId")).startsWith("PAY-");
        assertThat(params).containsKey("PayerID");

        var result = client.post(
                "/payment-result",
                SandboxClient.MAPPER
                        .createObjectNode()
                        .set("paymentMethodFields", SandboxClient.MAPPER.valueToTree(params))
                        .toString());

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json().at("/order/status").asText()).isEqualTo("untouched");
        assertThat(result.json().at("/order/statusDescription").asText()).isEqualTo("Pending");
        assertThat(result.json().path("order").has("ipAddress")).isFalse();
        var payments = client.admin("GET", "/sandbox/payments").json().path("payments");
        assertThat(payments.get(payments.size() - 1).path("ipAddress").asText()).isEqualTo("203.0.113.7");
        assertThat(result.json().at("/order/items/0/item").asText()).isEqualTo("1001-1");
        String order = result.json().at("/order/order").asText();

        var selection = client.get("/selection");
        assertThat(selection.json().has("selection")).isFalse();
        assertThat(selection.json().at("/order/order").asText()).isEqualTo(order);
        assertThat(client.get("/receipt").json().at("/order/order").asText()).isEqualTo(order);
        assertThat(client.post("/items/1001-1", null).status()).isEqualTo(409);
    }

    @Test
    void paypalResultWithChangedParameterCasingFails() {
        var payment = pay("paypal");
        var redirect = client.raw("GET", URI.create(payment.json().path("url").asText()), null);
        Map<String, String> params =
                query(URI.create(redirect.raw().headers().firstValue("Location").orElseThrow()));

        var result = client.post(
                "/payment-result",
                """
                {"paymentMethodFields":{"paymentId":"%s","payerId":"%s"}}"""
                        .formatted(params.get("paymentId"), params.get("PayerID")));

        assertThat(result.status()).isEqualTo(406);
        assertThat(result.json().at("/errors/paymentMethod").asText()).isNotBlank();
        assertThat(client.get("/selection").json().has("selection")).isTrue();
    }

    @Test
    void paypalCancelRedirectsToFailedPage() {
        var payment = pay("paypal");

        var redirect = client.raw("GET", URI.create(payment.json().path("url").asText() + "&cancel=1"), null);

        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.raw().headers().firstValue("Location").orElseThrow())
                .startsWith(FAILED_PAGE + "?");
    }

    @Test
    void klarnaCheckoutAddsScriptAndAnswersWithTheDocumentedForm() {
        client.post("/items/1001-1", null);
        var selected = client.put("/payment-methods/klarna-checkout", null);

        var payment = pay("klarna-checkout");

        assertThat(selected.json().at("/selection/centraCheckoutScript").asText())
                .startsWith("<script>");
        assertThat(payment.json().path("action").asText()).isEqualTo("form");
        // Centra's KCO answer is {token, action: "form", formHtml}: no formType (payment-flows).
        assertThat(payment.json().has("formType")).isFalse();
        assertThat(payment.json().path("formHtml").asText()).contains("klarna-checkout-container");
        var result = client.post("/payment-result", "{\"paymentMethodFields\":{\"klarna_order\":\"K1\"}}");
        assertThat(result.json().at("/order/paymentMethod").asText()).isEqualTo("klarna-checkout");
    }

    @Test
    void invoiceSucceedsAtOnceAndConvertsTheCart() {
        var payment = pay("invoice");

        assertThat(payment.json().path("action").asText()).isEqualTo("success");
        assertThat(payment.json().at("/order/order").asText()).isNotBlank();
        assertThat(client.get("/selection").json().has("order")).isTrue();
    }

    @Test
    void declinedCardAnswers406WithTheDocumentedError() {
        var payment = pay("declined-card");

        assertThat(payment.status()).isEqualTo(406);
        assertThat(payment.json().at("/errors/paymentMethod").asText()).isEqualTo("failed");
        assertThat(payment.json().path("message").asText()).isNotBlank();
        assertThat(payment.json().at("/messages/0").asText()).isNotBlank();
        assertThat(payment.token()).isNotBlank();
    }

    @Test
    void otherMethodsAnswerWithTheirActions() {
        assertThat(pay("adyen-drop-in").json().path("action").asText()).isEqualTo("javascript");
        assertThat(pay("external-payment").json().path("selection").asText()).matches("[0-9a-f]{32}");
        var failed = pay("failing-psp");
        assertThat(failed.json().path("action").asText()).isEqualTo("failed");
        assertThat(failed.json().path("url").asText()).isEqualTo(FAILED_PAGE);
    }

    @Test
    void stockShortageAnswers410AndTrimsTheSelection() {
        client.post("/items/1004-1/quantity/2", null);

        var payment = client.post(
                "/payment",
                """
                {"paymentReturnPage":"%s","paymentFailedPage":"%s","termsAndConditions":true,
                 "address":{"country":"SE","email":"a@b.se"}}"""
                        .formatted(RETURN_PAGE, FAILED_PAGE));

        assertThat(payment.status()).isEqualTo(410);
        assertThat(payment.json().at("/errors/stock").asText()).isEqualTo("unavailable items");
        var unavailable = payment.json().at("/unavailable/0");
        assertThat(unavailable.path("item").asText()).isEqualTo("1004-1");
        assertThat(unavailable.path("product").asText()).isEqualTo("1004");
        assertThat(unavailable.path("originalQuantity").asInt()).isEqualTo(2);
        assertThat(unavailable.path("unavailable").asInt()).isEqualTo(1);
        assertThat(unavailable.path("available").asInt()).isEqualTo(1);
        assertThat(payment.json().at("/selection/items/0/quantity").asInt()).isEqualTo(1);
    }

    @Test
    void paymentRequiresReturnPagesTermsEmailAndShippableCountry() {
        client.post("/items/1001-1", null);
        String pages = "\"paymentReturnPage\":\"%s\",\"paymentFailedPage\":\"%s\"".formatted(RETURN_PAGE, FAILED_PAGE);

        var noTerms = client.post("/payment", "{" + pages + ",\"address\":{\"country\":\"SE\"}}");
        var noEmail = client.post("/payment", "{" + pages + ",\"termsAndConditions\":true}");
        var noPages = client.post("/payment", "{\"address\":{\"country\":\"SE\",\"email\":\"a@b.se\"}}");
        client.put("/countries/NO", null);
        var notShippable = client.post("/payment", "{" + pages + ",\"address\":{\"email\":\"a@b.se\"}}");

        assertThat(noPages.status()).isEqualTo(406);
        assertThat(noPages.json().at("/errors/paymentReturnPage").isTextual()).isTrue();
        assertThat(noTerms.status()).isEqualTo(406);
        assertThat(noTerms.json().at("/errors/termsAndConditions").asText()).isEqualTo("must be true");
        assertThat(noEmail.status()).isEqualTo(406);
        assertThat(noEmail.json().path("errors").has("address.email")).isTrue();
        assertThat(notShippable.json().at("/errors/country").asText()).isEqualTo("not shippable");
    }

    @Test
    void receiptWithoutOrderIs404AndAddressSearchFindsAddress() {
        var receipt = client.get("/receipt");
        var address =
                client.post("/address-search", "{\"identityNumber\":\"410321-9202\",\"paymentMethod\":\"invoice\"}");

        assertThat(receipt.status()).isEqualTo(404);
        assertThat(receipt.json().at("/errors/order").asText()).isEqualTo("not found");
        assertThat(address.json().at("/address/country").asText()).isEqualTo("SE");
        assertThat(address.json().at("/address/zipCode").asText()).isNotBlank();
    }
}
