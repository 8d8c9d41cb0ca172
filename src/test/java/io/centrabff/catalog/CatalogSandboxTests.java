package io.centrabff.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.centrabff.SandboxTest;
import io.centrabff.ShopperClient;
import io.centrabff.ShopperClient.Reply;
import io.centrabff.sandbox.CentraSandbox;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The catalog through the BFF against the embedded sandbox: per-shopper prices, the webhook loop, rebuild. */
@SandboxTest
class CatalogSandboxTests {

    @LocalServerPort
    int port;

    @Autowired
    CentraSandbox sandbox;

    @Autowired
    CatalogCache cache;

    @Autowired
    MeterRegistry meters;

    ShopperClient shopper;
    ShopperClient centra;

    @BeforeEach
    void freshCache() {
        cache.clear();
        shopper = new ShopperClient(port);
        centra = new ShopperClient(sandbox.port());
        centra.post("/sandbox/reset", null);
    }

    @Test
    void shoppersOnDifferentPricelistsOfOneMarketShareOneEntry() {
        Reply germany = shopper.post("/api/checkout/products", Map.of("limit", 10), "CF-IPCountry", "DE");
        Reply usa = new ShopperClient(port)
                .post(
                        "/api/checkout/products",
                        Map.of("limit", 10),
                        "CF-IPCountry",
                        "US",
                        "X-BFF-Server-Key",
                        "test-server-key");

        assertThat(germany.status()).isEqualTo(200);
        assertThat(usa.header("X-BFF-Cache")).isEqualTo("hit");
        assertThat(price(germany.json(), "1001")).isEqualTo(24.95);
        assertThat(price(usa.json(), "1001")).isEqualTo(29.0);
        assertThat(germany.json().at("/products/0").has("prices")).isFalse();
        assertThat(upstream("/products")).isEqualTo(1);
    }

    @Test
    void projectedListingEqualsWhatCentraAnswersThatShopper() {
        Map<String, Object> query = Map.of("onlyAvailable", true, "limit", 2, "skipFirst", 1);
        Reply bff = shopper.post("/api/checkout/products", query, "CF-IPCountry", "DE");

        String token = centra.put("/api/checkout/52/countries/DE", null)
                .json()
                .path("token")
                .asText();
        ObjectNode direct = (ObjectNode) centra.post("/api/checkout/52/products", query, "API-token", token)
                .json();
        direct.remove("token");

        assertThat(bff.json()).isEqualTo(direct);
        // Market 1 has 43 products; 1003 has no EUR price.
        assertThat(bff.json().path("productCount").asInt()).isEqualTo(42);
        assertThat(bff.allHeaders("Set-Cookie")).isEmpty();
    }

    @Test
    void productWithoutPriceInShoppersPricelistShowsNullPrice() {
        Reply product = shopper.get("/api/checkout/products/1003", "CF-IPCountry", "DE");

        assertThat(product.status()).isEqualTo(200);
        assertThat(product.json().at("/product/price").isNull()).isTrue();
        assertThat(product.json().at("/product/available").asBoolean()).isFalse();
    }

    @Test
    void browsersCannotChoosePricelistButServerKeyCallersCan() {
        Reply browser = shopper.post("/api/checkout/products", Map.of("pricelist", "all"), "CF-IPCountry", "DE");

        assertThat(browser.json().at("/products/0").has("prices")).isFalse();
        assertThat(browser.json().at("/products/0").has("price")).isTrue();
    }

    @Test
    void sandboxProductChangeReachesShopperThroughSignedWebhook() {
        assertThat(shopper.get("/api/checkout/products/1001").status()).isEqualTo(200);
        assertThat(shopper.get("/api/checkout/products/1002").status()).isEqualTo(200);
        centra.delete("/sandbox/requests");

        Reply change = centra.post("/sandbox/products/1001", Map.of("price", 199, "name", "Changed Tee"));
        assertThat(change.json().path("webhookStatus").asInt()).isEqualTo(200);

        JsonNode fresh = await().until(
                        () -> shopper.get("/api/checkout/products/1001").json(),
                        body -> "Changed Tee".equals(body.at("/product/name").asText()));
        assertThat(fresh.at("/product/priceAsNumber").asDouble()).isEqualTo(199.0);
        Reply other = shopper.get("/api/checkout/products/1002", "X-BFF-Server-Key", "test-server-key");
        assertThat(other.header("X-BFF-Cache")).isEqualTo("hit");
        assertThat(upstream("/products")).isEqualTo(1);
    }

    @Test
    void rebuildNeedsTheAdminSecretAndRefillsTheCatalog() {
        assertThat(shopper.post("/api/admin/catalog/rebuild", null).status()).isEqualTo(401);
        assertThat(shopper.post("/api/admin/catalog/rebuild", null, "Authorization", "Bearer wrong")
                        .status())
                .isEqualTo(401);

        Reply started = shopper.post("/api/admin/catalog/rebuild", null, "Authorization", "Bearer admin-test-secret");

        assertThat(started.status()).isEqualTo(202);
        // 2 markets × 3 languages × (listing + categories).
        await().until(() -> cache.size(), size -> size >= 12);
        await().until(
                        () -> meters.counter("bff.catalog.rebuild.entries", "result", "reloaded")
                                .count(),
                        count -> count >= 12);
        Reply listing = shopper.post(
                "/api/checkout/products", Map.of(), "CF-IPCountry", "FI", "X-BFF-Server-Key", "test-server-key");
        assertThat(listing.header("X-BFF-Cache")).isEqualTo("hit");
    }

    private static double price(JsonNode listing, String product) {
        for (JsonNode p : listing.path("products")) {
            if (p.path("product").asText().equals(product)) {
                return p.path("priceAsNumber").asDouble();
            }
        }
        throw new AssertionError("product " + product + " not listed");
    }

    private long upstream(String suffix) {
        List<JsonNode> requests = new java.util.ArrayList<>();
        centra.get("/sandbox/requests").json().forEach(requests::add);
        return requests.stream()
                .filter(r -> r.path("path").asText().endsWith(suffix))
                .count();
    }
}
