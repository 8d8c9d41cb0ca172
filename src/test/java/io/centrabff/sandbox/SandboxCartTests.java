package io.centrabff.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SandboxCartTests {

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

    private String firstLine(SandboxClient.Response response) {
        return response.json().at("/selection/items/0/line").asText();
    }

    @Test
    void addingAnItemCreatesHexLineWithFormattedPrices() {
        var response = client.post("/items/1001-1", null);

        var line = response.json().at("/selection/items/0");
        assertThat(response.status()).isEqualTo(200);
        assertThat(line.path("line").asText()).matches("[0-9a-f]{32}");
        assertThat(line.path("item").asText()).isEqualTo("1001-1");
        assertThat(line.path("priceEach").asText()).isEqualTo("249.00\u00a0SEK");
        assertThat(line.path("priceEachAsNumber").decimalValue()).isEqualByComparingTo("249");
        assertThat(line.at("/product/product").asText()).isEqualTo("1001");
        assertThat(response.json()
                        .at("/selection/totals/grandTotalPriceAsNumber")
                        .decimalValue())
                .isEqualByComparingTo("298");
        assertThat(response.json().at("/selection/totals/totalDiscountPrice").asBoolean(true))
                .isFalse();
        assertThat(response.json().at("/selection/currencyFormat/currency").asText())
                .isEqualTo("SEK");
    }

    @Test
    void addingTheSameItemAgainIncreasesTheLine() {
        client.post("/items/1001-1/quantity/2", null);
        var response = client.post("/items/1001-1", null);

        assertThat(response.json().at("/selection/items")).hasSize(1);
        assertThat(response.json().at("/selection/items/0/quantity").asInt()).isEqualTo(3);
    }

    @Test
    void lineEndpointsIncreaseSetDecreaseAndRemove() {
        String line = firstLine(client.post("/items/1001-1", null));

        assertThat(client.post("/lines/" + line, null)
                        .json()
                        .at("/selection/items/0/quantity")
                        .asInt())
                .isEqualTo(2);
        assertThat(client.post("/lines/" + line + "/quantity/3", null)
                        .json()
                        .at("/selection/items/0/quantity")
                        .asInt())
                .isEqualTo(5);
        assertThat(client.delete("/lines/" + line + "/quantity/2")
                        .json()
                        .at("/selection/items/0/quantity")
                        .asInt())
                .isEqualTo(3);
        assertThat(client.put("/lines/" + line + "/quantity/1", null)
                        .json()
                        .at("/selection/items/0/quantity")
                        .asInt())
                .isEqualTo(1);
        assertThat(client.put("/lines/" + line + "/quantity/0", null).json().at("/selection/items"))
                .isEmpty();
        assertThat(client.delete("/lines/" + line).status()).isEqualTo(404);
    }

    @Test
    void deleteLineRemovesIt() {
        String line = firstLine(client.post("/items/1002-2", null));

        var response = client.delete("/lines/" + line);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/selection/items")).isEmpty();
    }

    @Test
    void bulkUpdateAppliesLinesAndNewItems() {
        String line = firstLine(client.post("/items/1001-1", null));

        var response = client.put(
                "/items",
                "{\"lines\":[{\"line\":\"" + line
                        + "\",\"quantity\":4}],\"items\":[{\"item\":\"1005-1\",\"quantity\":2}]}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().has("errors")).isFalse();
        assertThat(response.json().at("/selection/totals/totalQuantity").asInt())
                .isEqualTo(6);
    }

    @Test
    void bulkUpdateWithSomeFailuresAnswers200WithErrorsList() {
        client.post("/items/1001-1", null);

        var response = client.put(
                "/items", "{\"items\":[{\"item\":\"1001-1\",\"quantity\":1},{\"item\":\"1002-1\",\"quantity\":1}]}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("errors")).hasSize(1);
        assertThat(response.json().at("/errors/0/item").asText()).isEqualTo("1001-1");
        assertThat(response.json().at("/selection/items")).hasSize(2);
    }

    @Test
    void bulkUpdateStatusesFollowCentra() {
        client.post("/items/1001-1", null);

        assertThat(client.put("/items", "{\"lines\":[{\"line\":\"abc\"}]}").status())
                .isEqualTo(400);
        assertThat(client.put("/items", "{}").status()).isEqualTo(400);
        assertThat(client.put("/items", "{\"lines\":[{\"line\":\"abc\",\"quantity\":1}]}")
                        .status())
                .isEqualTo(404);
        assertThat(client.put("/items", "{\"items\":[{\"item\":\"1001-1\",\"quantity\":1}]}")
                        .status())
                .isEqualTo(406);
    }

    @Test
    void countryChangeRepricesTheCartFromSekToEur() {
        client.post("/items/1001-1", null);

        var response = client.put("/countries/DE", null);

        assertThat(response.json().at("/selection/currency").asText()).isEqualTo("EUR");
        assertThat(response.json().at("/selection/items/0/priceEach").asText()).isEqualTo("24.95\u00a0EUR");
        assertThat(response.json().at("/selection/language").asText()).isEqualTo("en");
        assertThat(response.json().at("/location/country").asText()).isEqualTo("DE");
    }

    @Test
    void countryChangeDropsLinesWithoutPriceOrOutsideTheMarket() {
        client.post("/items/1003-1", null);
        client.post("/items/1001-1", null);

        var response = client.put("/countries/FI", null);

        assertThat(response.json().at("/selection/items")).hasSize(1);
        assertThat(response.json().at("/selection/items/0/item").asText()).isEqualTo("1001-1");
        assertThat(response.json().at("/selection/language").asText()).isEqualTo("sv");
    }

    @Test
    void marketTwoOnlyProductIsBuyableOnlyInMarketTwo() {
        assertThat(client.post("/items/1006-1", null).status()).isEqualTo(404);

        client.put("/countries/FI", null);

        assertThat(client.post("/items/1006-1", null).status()).isEqualTo(200);
        assertThat(client.post("/items/1003-1", null).status()).isEqualTo(404);
    }

    @Test
    void itemWithoutPriceInPricelistCannotBeAdded() {
        client.put("/countries/DE", null);

        var response = client.post("/items/1003-1", null);

        assertThat(response.status()).isEqualTo(406);
        assertThat(response.json().at("/errors/item").asText()).isNotBlank();
    }

    @Test
    void unknownCountryAndStateAnswer404AndStateIsSet() {
        assertThat(client.put("/countries/XX", null).status()).isEqualTo(404);
        assertThat(client.put("/countries/US/states/ZZ", null).status()).isEqualTo(404);

        var response = client.put("/countries/US/states/CA", null);

        assertThat(response.json().at("/location/state").asText()).isEqualTo("CA");
        assertThat(response.json().at("/selection/currency").asText()).isEqualTo("USD");
    }

    @Test
    void encodedPlusVoucherAppliesAndRemoves() {
        client.post("/items/1001-1", null);

        var added = client.post("/vouchers", "{\"voucher\":\"TEST+CODE\"}");
        var removed = client.delete("/vouchers/TEST%2BCODE");

        assertThat(added.json().at("/selection/discounts/vouchers/0/voucher").asText())
                .isEqualTo("TEST+CODE");
        assertThat(added.json()
                        .at("/selection/totals/totalDiscountPriceAsNumber")
                        .decimalValue())
                .isEqualByComparingTo("-24.90");
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().at("/selection/discounts/vouchers")).isEmpty();
    }

    @Test
    void unknownVoucherIs406AndFreeShipZeroesShipping() {
        client.post("/items/1001-1", null);

        var unknown = client.post("/vouchers", "{\"voucher\":\"NOPE\"}");
        var freeShip = client.post("/vouchers", "{\"voucher\":\"FREESHIP\"}");

        assertThat(unknown.status()).isEqualTo(406);
        assertThat(unknown.json().at("/errors/voucher").asText()).isEqualTo("not found");
        assertThat(freeShip.json().at("/selection/totals/shippingPriceAsNumber").decimalValue())
                .isEqualByComparingTo("0");
        assertThat(client.delete("/vouchers/NOPE").status()).isEqualTo(406);
    }

    @Test
    void methodsAndLanguageCanBeChangedAndUnknownOnesAreRejected() {
        assertThat(client.put("/shipping-methods/express", null)
                        .json()
                        .at("/selection/shippingMethod")
                        .asText())
                .isEqualTo("express");
        assertThat(client.put("/payment-methods/invoice", null)
                        .json()
                        .at("/selection/paymentMethod")
                        .asText())
                .isEqualTo("invoice");
        assertThat(client.put("/languages/sv", null)
                        .json()
                        .at("/selection/language")
                        .asText())
                .isEqualTo("sv");
        assertThat(client.put("/payment-methods/bitcoin", null).status()).isEqualTo(406);
        assertThat(client.put("/shipping-methods/drone", null).status()).isEqualTo(406);
        assertThat(client.put("/languages/xx", null).status()).isEqualTo(404);
    }

    @Test
    void paymentFieldsMergeAddressKeepTermsAndRecordForwardedWidgetEvent() throws Exception {
        client.put("/payment-fields", "{\"address\":{\"email\":\"a@example.com\"},\"termsAndConditions\":true}");
        String event =
                "{\"additionalFields\":{\"event\":\"shipping_address_change\",\"suspendIgnore\":{\"kco\":true}}}";

        var response = client.put("/payment-fields", event);

        assertThat(response.json().at("/selection/address/email").asText()).isEqualTo("a@example.com");
        // Centra's selection does not echo terms or widget events; the terms count at payment, the event is recorded.
        assertThat(response.json().path("selection").has("termsAndConditions")).isFalse();
        assertThat(response.json().path("selection").has("lastWidgetEvent")).isFalse();
        var events = client.admin("GET", "/sandbox/widget-events").json().path("events");
        assertThat(events.get(events.size() - 1).path("detail")).isEqualTo(SandboxClient.MAPPER.readTree(event));
        client.post("/items/1001-1", null);
        var payment = client.post(
                "/payment",
                "{\"paymentReturnPage\":\"https://shop.example/r\",\"paymentFailedPage\":\"https://shop.example/f\","
                        + "\"address\":{\"country\":\"SE\"}}");
        assertThat(payment.json().path("action").asText()).isEqualTo("redirect");
    }

    @Test
    void concurrentAddsOnOneSelectionAreAllCounted() throws Exception {
        client.get("/selection");
        String token = client.token();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 40; i++) {
            pool.submit(() -> new SandboxClient(sandbox).token(token).post("/items/1001-1", null));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(20, TimeUnit.SECONDS)).isTrue();

        var response = client.get("/selection");

        assertThat(response.json().at("/selection/items")).hasSize(1);
        assertThat(response.json().at("/selection/items/0/quantity").asInt()).isEqualTo(40);
    }
}
