package io.centrabff.selection;

import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.SandboxTest;
import io.centrabff.ShopperClient;
import io.centrabff.ShopperClient.Reply;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The shared-secret operations through the BFF against the embedded sandbox, for a storefront server. */
@SandboxTest
class ServerSideSandboxTests {

    @LocalServerPort
    int port;

    @Value("${bff.catalog.server-key}")
    String serverKey;

    @Test
    void aServerSwitchesTheShoppersSelectionToAnotherPricelistAndMarket() {
        ShopperClient shopper = new ShopperClient(port);
        assertThat(shopper.post("/api/checkout/items/1006-1", null).status())
                .as("1006 is sold only in market 2")
                .isEqualTo(404);
        shopper.post("/api/checkout/items/1001-1", null);

        Reply switched = shopper.put(
                "/api/checkout/selection",
                Map.of("market", "2", "pricelist", "20", "country", "FI", "language", "en"),
                "X-BFF-Server-Key",
                serverKey);

        assertThat(switched.status()).as(switched.text()).isEqualTo(200);
        assertThat(switched.json().at("/selection/currency").asText()).isEqualTo("EUR");
        assertThat(switched.json().at("/location/country").asText()).isEqualTo("FI");
        assertThat(switched.json().at("/location/market").asText()).isEqualTo("2");
        assertThat(switched.json().at("/location/pricelist").asText()).isEqualTo("20");
        assertThat(switched.json().at("/selection/items/0/item").asText())
                .as("the cart survives the switch")
                .isEqualTo("1001-1");
        assertThat(shopper.post("/api/checkout/items/1006-1", null).status())
                .as("now in market 2")
                .isEqualTo(200);
    }

    @Test
    void withoutTheServerKeyTheSwitchIsRefusedAndTheCartStaysAsItWas() {
        ShopperClient shopper = new ShopperClient(port);
        shopper.post("/api/checkout/items/1001-1", null);

        Reply refused = shopper.put("/api/checkout/selection", Map.of("pricelist", "20"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("type").asText()).endsWith(":server-key-required");
        assertThat(shopper.get("/api/checkout/selection")
                        .json()
                        .at("/selection/currency")
                        .asText())
                .isEqualTo("SEK");
    }

    @Test
    void unknownIdsGetCentrasErrors() {
        ShopperClient shopper = new ShopperClient(port);

        Reply unknown =
                shopper.put("/api/checkout/selection", Map.of("pricelist", "999"), "X-BFF-Server-Key", serverKey);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().at("/errors/pricelist").asText()).isEqualTo("not found");
    }

    @Test
    void aServerListsEveryCountryMarketAndPricelist() {
        ShopperClient server = new ShopperClient(port);

        Reply countries = server.get("/api/checkout/countries/all", "X-BFF-Server-Key", serverKey);
        Reply markets = server.get("/api/checkout/markets", "X-BFF-Server-Key", serverKey);
        Reply pricelists = server.get("/api/checkout/pricelists", "X-BFF-Server-Key", serverKey);
        Reply shopperTry = new ShopperClient(port).get("/api/checkout/markets");

        assertThat(countries.status()).isEqualTo(200);
        assertThat(countries.json().path("countries").findValuesAsString("country"))
                .contains("NO", "SE");
        assertThat(countries.json().path("countries").findValues("shipTo"))
                .as("each country says whether it is shippable")
                .hasSameSizeAs(countries.json().path("countries"));
        assertThat(markets.json().path("markets").findValuesAsString("market")).containsExactly("1", "2");
        assertThat(pricelists.json().path("pricelists").findValuesAsString("pricelist"))
                .containsExactly("19", "20", "21");
        assertThat(countries.header("Set-Cookie"))
                .as("no session for a store-wide read")
                .isNull();
        assertThat(shopperTry.status()).isEqualTo(403);
    }
}
