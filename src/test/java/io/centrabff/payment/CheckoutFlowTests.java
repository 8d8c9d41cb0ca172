package io.centrabff.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.SandboxTest;
import io.centrabff.ShopperClient;
import io.centrabff.ShopperClient.Reply;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The whole shopper path through the BFF's HTTP API against the embedded sandbox: first cart to order. */
@SandboxTest
class CheckoutFlowTests {

    static final String RETURN_PAGE = "https://shop.example/checkout/return";
    static final String FAILED_PAGE = "https://shop.example/checkout/failed";

    @LocalServerPort
    int port;

    ShopperClient shopper;

    @BeforeEach
    void newShopper() {
        shopper = new ShopperClient(port);
    }

    @Test
    void browseAddChangeCountryVoucherPayAndReceiveOrder() {
        Reply products = shopper.post("/api/checkout/products", Map.of("limit", 10));
        assertThat(products.status()).isEqualTo(200);
        assertThat(products.json().path("products").size()).isGreaterThan(0);

        Reply added = shopper.post("/api/checkout/items/1001-1", null);
        assertThat(added.status()).isEqualTo(200);
        assertThat(shopper.cookie("centra-session")).as("session cookie").isNotBlank();
        assertThat(added.json().has("token"))
                .as("token stays out of bodies in cookie mode")
                .isFalse();
        assertThat(added.json().at("/selection/currency").asText()).isEqualTo("SEK");
        assertThat(added.json().at("/selection/items").size()).isEqualTo(1);

        Reply germany = shopper.put("/api/checkout/countries/DE", null);
        assertThat(germany.status()).isEqualTo(200);
        assertThat(germany.json().at("/selection/currency").asText()).isEqualTo("EUR");
        assertThat(germany.json().at("/selection/items/0/priceEachAsNumber").decimalValue())
                .isEqualByComparingTo("24.95");

        Reply voucher = shopper.post("/api/checkout/vouchers", Map.of("voucher", "TEST+CODE"));
        assertThat(voucher.status()).isEqualTo(200);
        assertThat(voucher.json()
                        .at("/selection/totals/grandTotalPriceAsNumber")
                        .decimalValue())
                .isLessThan(germany.json()
                        .at("/selection/totals/grandTotalPriceAsNumber")
                        .decimalValue());
        Reply removed = shopper.delete("/api/checkout/vouchers/TEST%2BCODE");
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json()
                        .at("/selection/totals/grandTotalPriceAsNumber")
                        .decimalValue())
                .isEqualByComparingTo(germany.json()
                        .at("/selection/totals/grandTotalPriceAsNumber")
                        .decimalValue());

        assertThat(shopper.put("/api/checkout/payment-methods/paypal", null).status())
                .isEqualTo(200);
        Reply payment = shopper.post("/api/checkout/payment", paymentBody("DE"));
        assertThat(payment.status()).isEqualTo(200);
        assertThat(payment.json().path("action").asText()).isEqualTo("redirect");

        Reply psp = shopper.get(payment.json().path("url").asText());
        assertThat(psp.status()).isEqualTo(302);
        URI back = URI.create(psp.header("Location"));
        assertThat(back.toString()).startsWith(RETURN_PAGE);

        Reply result =
                shopper.post("/api/checkout/payment-result", Map.of("paymentMethodFields", queryParameters(back)));
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json().path("order").isObject()).isTrue();
        assertThat(result.json().has("errors")).isFalse();
        assertThat(shopper.cookie("centra-session"))
                .as("session cleared after the order")
                .isNull();
        assertThat(shopper.cookie("centra-receipt")).isNotBlank();

        Reply receipt = shopper.get("/api/checkout/receipt");
        assertThat(receipt.status()).isEqualTo(200);
        assertThat(receipt.json().at("/order/order").asText())
                .isEqualTo(result.json().at("/order/order").asText());

        Reply nextCart = shopper.get("/api/checkout/selection");
        assertThat(nextCart.status()).isEqualTo(200);
        assertThat(nextCart.json().at("/selection/items").size())
                .as("a fresh cart")
                .isZero();
        assertThat(shopper.cookie("centra-session")).isNotBlank();
    }

    @Test
    void paymentResultKeepsTheProvidersParameterNamesAndCasing() {
        shopper.post("/api/checkout/items/1002-2", null);
        shopper.put("/api/checkout/payment-methods/paypal", null);
        Reply payment = shopper.post("/api/checkout/payment", paymentBody("SE"));
        URI back = URI.create(shopper.get(payment.json().path("url").asText()).header("Location"));
        Map<String, String> fields = queryParameters(back);
        assertThat(fields).containsKey("PayerID");

        Map<String, String> lowerCased = new LinkedHashMap<>();
        fields.forEach((name, value) -> lowerCased.put(name.toLowerCase(), value));
        Reply wrongCasing = shopper.post("/api/checkout/payment-result", Map.of("paymentMethodFields", lowerCased));
        assertThat(wrongCasing.json().has("errors"))
                .as("Centra needs the casing the provider used")
                .isTrue();

        Reply verbatim = shopper.post("/api/checkout/payment-result", Map.of("paymentMethodFields", fields));
        assertThat(verbatim.status()).isEqualTo(200);
        assertThat(verbatim.json().path("order").isObject()).isTrue();
    }

    @Test
    void invoiceSucceedsAtOnceAndStartsAFreshCart() {
        shopper.post("/api/checkout/items/1005-1", null);
        shopper.put("/api/checkout/payment-methods/invoice", null);
        Reply payment = shopper.post("/api/checkout/payment", paymentBody("SE"));
        assertThat(payment.status()).isEqualTo(200);
        assertThat(payment.json().path("action").asText()).isEqualTo("success");
        assertThat(shopper.cookie("centra-session")).isNull();
        assertThat(shopper.get("/api/checkout/selection")
                        .json()
                        .at("/selection/items")
                        .size())
                .isZero();
    }

    @Test
    void klarnaCheckoutAnswersWithTheWidgetFormAndTheCheckoutScript() {
        shopper.post("/api/checkout/items/1001-2", null);
        Reply chosen = shopper.put("/api/checkout/payment-methods/klarna-checkout", null);
        assertThat(chosen.json().at("/selection/centraCheckoutScript").asText()).contains("script");
        Reply payment = shopper.post("/api/checkout/payment", paymentBody("SE"));
        assertThat(payment.status()).isEqualTo(200);
        assertThat(payment.json().path("action").asText()).isEqualTo("form");
        assertThat(payment.json().path("formHtml").asText()).isNotBlank();
    }

    @Test
    void javascriptAndExternalActionsPassThroughUntouched() {
        shopper.post("/api/checkout/items/1001-3", null);
        shopper.put("/api/checkout/payment-methods/adyen-drop-in", null);
        Reply adyen = shopper.post("/api/checkout/payment", paymentBody("SE"));
        assertThat(adyen.json().path("action").asText()).isEqualTo("javascript");
        assertThat(adyen.json().path("code").asText()).isNotBlank();

        shopper.put("/api/checkout/payment-methods/external-payment", null);
        Reply external = shopper.post("/api/checkout/payment", paymentBody("SE"));
        assertThat(external.json().path("action").asText()).isEqualTo("external");
        assertThat(external.json().path("selection").asText()).isNotBlank();
    }

    @Test
    void declinedPaymentPassesCentrasErrorsThroughAndKeepsTheCart() {
        shopper.post("/api/checkout/items/1001-1", null);
        String session = shopper.cookie("centra-session");
        shopper.put("/api/checkout/payment-methods/declined-card", null);
        Reply payment = shopper.post("/api/checkout/payment", paymentBody("SE"));
        assertThat(payment.json().path("errors").isObject()).isTrue();
        assertThat(payment.json().has("type"))
                .as("Centra's error, not a BFF problem")
                .isFalse();
        assertThat(shopper.cookie("centra-session")).isEqualTo(session);
        assertThat(shopper.get("/api/checkout/selection")
                        .json()
                        .at("/selection/items")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void outOfStockAtPaymentIs410WithUnavailableItemsAndTheCorrectedSelection() {
        shopper.post("/api/checkout/items/1004-1/quantity/2", null);
        shopper.put("/api/checkout/payment-methods/invoice", null);
        Reply payment = shopper.post("/api/checkout/payment", paymentBody("SE"));
        assertThat(payment.status()).isEqualTo(410);
        JsonNode unavailable = payment.json().path("unavailable");
        assertThat(unavailable.isArray()).isTrue();
        assertThat(unavailable.get(0).path("item").asText()).isEqualTo("1004-1");
        assertThat(payment.json().at("/errors/stock").asText()).isNotBlank();
        assertThat(payment.json().at("/selection/totals/totalQuantity").asInt()).isLessThan(2);
    }

    static Map<String, Object> paymentBody(String country) {
        return Map.of(
                "paymentReturnPage",
                RETURN_PAGE,
                "paymentFailedPage",
                FAILED_PAGE,
                "termsAndConditions",
                true,
                "address",
                Map.of("country", country, "email", "shopper@example.com", "firstName", "Test"));
    }

    static Map<String, String> queryParameters(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() == null) {
            return parameters;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            String name = java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8);
            String value = java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            parameters.put(name, value);
        }
        return parameters;
    }
}
