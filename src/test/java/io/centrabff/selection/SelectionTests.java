package io.centrabff.selection;

import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.SandboxTest;
import io.centrabff.ShopperClient;
import io.centrabff.ShopperClient.Reply;
import io.centrabff.sandbox.CentraSandbox;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Cart operations through the BFF against the embedded sandbox. */
@SandboxTest
class SelectionTests {

    @LocalServerPort
    int port;

    @Autowired
    CentraSandbox sandbox;

    ShopperClient shopper;

    @BeforeEach
    void newShopper() {
        shopper = new ShopperClient(port);
    }

    @Test
    void linesCanBeIncreasedSetDecreasedAndRemoved() {
        Reply added = shopper.post("/api/checkout/items/1001-1/quantity/2", null);
        String line = added.json().at("/selection/items/0/line").asText();
        assertThat(quantity(shopper.post("/api/checkout/lines/" + line, null))).isEqualTo(3);
        assertThat(quantity(shopper.post("/api/checkout/lines/" + line + "/quantity/2", null)))
                .isEqualTo(5);
        assertThat(quantity(shopper.put("/api/checkout/lines/" + line + "/quantity/4", null)))
                .isEqualTo(4);
        assertThat(quantity(shopper.delete("/api/checkout/lines/" + line + "/quantity/3")))
                .isEqualTo(1);
        Reply removed = shopper.delete("/api/checkout/lines/" + line);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().at("/selection/items").size()).isZero();
    }

    @Test
    void unknownItemPassesCentrasNotFoundThrough() {
        Reply reply = shopper.post("/api/checkout/items/9999-9", null);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().at("/errors/item").asText()).isNotBlank();
    }

    @Test
    void bulkUpdateSetsLinesAndAddsItems() {
        String line = shopper.post("/api/checkout/items/1001-1", null)
                .json()
                .at("/selection/items/0/line")
                .asText();
        Reply bulk = shopper.put(
                "/api/checkout/items",
                Map.of(
                        "lines", List.of(Map.of("line", line, "quantity", 3)),
                        "items", List.of(Map.of("item", "1002-1", "quantity", 2))));
        assertThat(bulk.status()).isEqualTo(200);
        assertThat(bulk.json().has("errors")).isFalse();
        assertThat(bulk.json().at("/selection/totals/totalQuantity").asInt()).isEqualTo(5);
    }

    @Test
    void bulkUpdateWithAnItemAlreadyInTheCartIs406() {
        shopper.post("/api/checkout/items/1001-1", null);
        Reply bulk =
                shopper.put("/api/checkout/items", Map.of("items", List.of(Map.of("item", "1001-1", "quantity", 1))));
        assertThat(bulk.status()).isEqualTo(406);
        assertThat(bulk.json().path("errors").isMissingNode()).isFalse();
    }

    @Test
    void bulkUpdateWithAnUnknownLineIs404() {
        shopper.post("/api/checkout/items/1001-1", null);
        Reply bulk =
                shopper.put("/api/checkout/items", Map.of("lines", List.of(Map.of("line", "ffffffff", "quantity", 1))));
        assertThat(bulk.status()).isEqualTo(404);
        assertThat(bulk.json().path("errors").isMissingNode()).isFalse();
    }

    @Test
    void bulkUpdateWithMalformedEntriesIs400() {
        Reply centraSays = shopper.put("/api/checkout/items", Map.of("lines", List.of(Map.of("quantity", "many"))));
        assertThat(centraSays.status()).isEqualTo(400);
        Reply bffSays = shopper.put("/api/checkout/items", Map.of("lines", "not a list"));
        assertThat(bffSays.status()).isEqualTo(400);
        assertThat(bffSays.header("Content-Type")).contains("application/problem+json");
        assertThat(bffSays.json().at("/errors/lines").asText()).contains("array");
    }

    @Test
    void bulkUpdateThatPartlyFailsIs200WithErrors() {
        String line = shopper.post("/api/checkout/items/1001-1", null)
                .json()
                .at("/selection/items/0/line")
                .asText();
        Reply bulk = shopper.put(
                "/api/checkout/items",
                Map.of(
                        "lines", List.of(Map.of("line", line, "quantity", 2)),
                        "items",
                                List.of(
                                        Map.of("item", "1003-1", "quantity", 1),
                                        Map.of("item", "9999-1", "quantity", 1))));
        assertThat(bulk.status()).isIn(200, 404);
        if (bulk.status() == 200) {
            assertThat(bulk.json().path("errors").isMissingNode()).isFalse();
            assertThat(bulk.json().at("/selection/totals/totalQuantity").asInt())
                    .isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void rotatedTokenReplacesCookieInSameResponseAndKeepsTheCart() {
        shopper.post("/api/checkout/items/1001-1", null);
        String before = shopper.cookie("centra-session");
        sandbox.rotateNextResponse();
        Reply rotated = shopper.post("/api/checkout/items/1002-1", null);
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.header("Set-Cookie")).contains("centra-session=").contains("HttpOnly");
        String after = shopper.cookie("centra-session");
        assertThat(after).isNotEqualTo(before);
        assertThat(shopper.get("/api/checkout/selection")
                        .json()
                        .at("/selection/items")
                        .size())
                .as("the cart survived the rotation")
                .isEqualTo(2);
    }

    @Test
    void changingCountryRepricesTheCart() {
        shopper.post("/api/checkout/items/1002-1", null);
        Reply finland = shopper.put("/api/checkout/countries/FI", Map.of("language", "sv"));
        assertThat(finland.status()).isEqualTo(200);
        assertThat(finland.json().at("/selection/currency").asText()).isEqualTo("EUR");
        Reply state = shopper.put("/api/checkout/countries/US/states/CA", null);
        assertThat(state.status()).isEqualTo(200);
        assertThat(state.json().at("/location/state").asText()).isEqualTo("CA");
    }

    @Test
    void edgeCountryHeaderSetsTheCountryOfANewSelection() {
        Reply reply = shopper.get("/api/checkout/selection", "CF-IPCountry", "DE");
        assertThat(reply.json().at("/location/country").asText()).isEqualTo("DE");
        assertThat(reply.json().at("/selection/currency").asText()).isEqualTo("EUR");
    }

    @Test
    void countriesAndLanguagesAreListed() {
        assertThat(shopper.get("/api/checkout/countries")
                        .json()
                        .path("countries")
                        .size())
                .isGreaterThan(1);
        assertThat(shopper.get("/api/checkout/languages")
                        .json()
                        .path("languages")
                        .size())
                .isGreaterThan(1);
        assertThat(shopper.put("/api/checkout/languages/sv", null)
                        .json()
                        .at("/selection/language")
                        .asText())
                .isEqualTo("sv");
    }

    private static int quantity(Reply reply) {
        assertThat(reply.status()).isEqualTo(200);
        return reply.json().at("/selection/items/0/quantity").asInt();
    }
}
