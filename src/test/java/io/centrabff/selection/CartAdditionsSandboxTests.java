package io.centrabff.selection;

import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.SandboxTest;
import io.centrabff.ShopperClient;
import io.centrabff.ShopperClient.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Gift certificates and flexible bundles through the BFF against the embedded sandbox, in cookie mode. */
@SandboxTest
class CartAdditionsSandboxTests {

    @LocalServerPort
    int port;

    @Test
    void aGiftCertificateReplacesTheProductsAndIsWhatTheSelectionCosts() {
        ShopperClient shopper = new ShopperClient(port);
        assertThat(shopper.post("/api/checkout/items/1001-1", null).status()).isEqualTo(200);

        Reply added = shopper.post("/api/checkout/items/gift-certificates/gift-2", null);

        assertThat(added.status()).as(added.text()).isEqualTo(200);
        JsonNode selection = added.json().path("selection");
        assertThat(selection.path("items")).as("products removed").isEmpty();
        assertThat(selection.has("giftCertificate"))
                .as("no field Centra does not document")
                .isFalse();
        assertThat(selection.at("/totals/grandTotalPriceAsNumber").decimalValue())
                .as("gift-2 costs 100 SEK, with nothing to ship")
                .isEqualByComparingTo("100");
        assertThat(added.json().has("token")).as("cookie mode").isFalse();
        assertThat(added.json().at("/bff/widgets").isObject()).isTrue();
    }

    @Test
    void aCertificateOfAnyAmountTakesItFromThePathOrTheBodyAndReplacesTheEarlierOne() {
        ShopperClient shopper = new ShopperClient(port);
        shopper.post("/api/checkout/items/gift-certificates/gift-2", null);

        Reply byPath = shopper.post("/api/checkout/items/gift-certificates/gift-1/amount/250.50", null);
        Reply byBody = shopper.post("/api/checkout/items/gift-certificates/gift-1", Map.of("amount", 75));
        Reply without = shopper.post("/api/checkout/items/gift-certificates/gift-1", null);

        assertThat(byPath.status()).as(byPath.text()).isEqualTo(200);
        assertThat(byPath.json().at("/selection/totals/grandTotalPriceAsNumber").decimalValue())
                .as("gift-1 replaced gift-2")
                .isEqualByComparingTo("250.50");
        assertThat(byBody.json().at("/selection/totals/grandTotalPriceAsNumber").decimalValue())
                .as("and 75 replaced 250.50")
                .isEqualByComparingTo("75");
        assertThat(without.status()).as("Centra's refusal passes through").isEqualTo(406);
        assertThat(without.json().at("/errors/amount").asText()).isEqualTo("required");
        assertThat(shopper.get("/api/checkout/selection")
                        .json()
                        .at("/selection/totals/grandTotalPriceAsNumber")
                        .decimalValue())
                .as("the refused call changed nothing")
                .isEqualByComparingTo("75");
    }

    @Test
    void addingAProductRemovesTheCertificateAndUnknownCertificatesAre404() {
        ShopperClient shopper = new ShopperClient(port);
        shopper.post("/api/checkout/items/gift-certificates/gift-2", null);

        Reply product = shopper.post("/api/checkout/items/1002-1", null);
        Reply unknown = shopper.post("/api/checkout/items/gift-certificates/no%20such+gift", null);

        assertThat(product.json().at("/selection/items/0/item").asText()).isEqualTo("1002-1");
        assertThat(product.json()
                        .at("/selection/totals/itemsTotalPriceAsNumber")
                        .decimalValue())
                .as("the certificate's 100 SEK is gone")
                .isEqualByComparingTo(product.json()
                        .at("/selection/items/0/totalPriceAsNumber")
                        .decimalValue());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().at("/errors/giftCertificate").asText()).isEqualTo("not found");
    }

    @Test
    void theSandboxHasNoFlexibleBundles() {
        ShopperClient shopper = new ShopperClient(port);
        Map<String, Object> choice = Map.of("sections", List.of(Map.of("section", "1", "item", "1001-1")));

        Reply unknown = shopper.post("/api/checkout/items/bundles/no-such-item", choice);
        Reply notABundle = shopper.post("/api/checkout/items/bundles/1001-1", choice);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().at("/errors/item").asText()).isEqualTo("product item not found");
        assertThat(notABundle.status()).isEqualTo(406);
        assertThat(notABundle.json().at("/errors/item").asText()).isEqualTo("not a flexible bundle");
        assertThat(notABundle.json().at("/bff/widgets").isObject())
                .as("Centra's errors on a cart change carry the widget instructions too")
                .isTrue();
    }
}
