package io.centrabff.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SandboxCatalogTests {

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

    private static List<String> ids(JsonNode products) {
        List<String> ids = new ArrayList<>();
        products.forEach(p -> ids.add(p.path("product").asText()));
        return ids;
    }

    @Test
    void productsAreListedForTheMarketInTheShoppersPricelist() {
        var response = client.post("/products", "{}");

        // 44 products, 1006 only in market 2.
        assertThat(response.json().path("productCount").asInt()).isEqualTo(43);
        assertThat(ids(response.json().path("products"))).doesNotContain("1006");
        JsonNode tee = response.json().at("/products/0");
        assertThat(tee.path("price").asText()).isEqualTo("249.00\u00a0SEK");
        assertThat(tee.path("items")).hasSize(3);
        assertThat(response.json().at("/filter/0/field").asText()).isEqualTo("categories");
    }

    @Test
    void productWithoutEurPriceIsListedWithNullPriceAndFilteredByOnlyAvailable() {
        client.put("/countries/DE", null);

        var all = client.post("/products", "{\"products\":[\"1003\"]}");
        var available = client.post("/products", "{\"onlyAvailable\":true}");

        assertThat(all.json().at("/products/0/price").isNull()).isTrue();
        assertThat(all.json().at("/products/0/available").asBoolean()).isFalse();
        assertThat(ids(available.json().path("products")))
                .doesNotContain("1003")
                .hasSize(42);
    }

    @Test
    void pagingSortingSearchAndCategoriesFilter() {
        var sorted = client.post(
                "/products", "{\"sortOrder\":[{\"field\":\"priceAsNumber\",\"order\":\"desc\"}],\"limit\":2}");
        var skipped = client.post(
                "/products", "{\"sortOrder\":[{\"field\":\"uri\",\"order\":\"asc\"}],\"skipFirst\":4,\"limit\":1}");
        var byName = client.post("/products", "{\"search\":\"SELVEDGE\"}");
        var bySku = client.post("/products", "{\"search\":\"dj-3032\"}");
        var byDescription = client.post("/products", "{\"search\":\"centra-sandlådan\"}");
        var category = client.post("/products", "{\"categories\":[\"12\"]}");
        var brandAndColour = client.post("/products", "{\"brands\":[\"1\"],\"swatch.desc\":[\"Navy\"]}");

        assertThat(ids(sorted.json().path("products"))).containsExactly("1018", "1037");
        assertThat(sorted.json().path("productCount").asInt()).isEqualTo(43);
        assertThat(ids(skipped.json().path("products"))).containsExactly("1033");
        assertThat(ids(byName.json().path("products"))).containsExactly("1022");
        assertThat(ids(bySku.json().path("products"))).containsExactly("1004");
        assertThat(ids(byDescription.json().path("products"))).containsExactly("1001", "1002", "1003", "1004", "1005");
        // Accessories and the categories below it.
        assertThat(ids(category.json().path("products")))
                .containsExactlyInAnyOrder(
                        "1005", "1027", "1028", "1029", "1030", "1031", "1032", "1039", "1040", "1041");
        assertThat(ids(brandAndColour.json().path("products")))
                .allSatisfy(id -> assertThat(Integer.parseInt(id)).isPositive());
        for (JsonNode product : brandAndColour.json().path("products")) {
            assertThat(product.path("brand").asText()).isEqualTo("1");
            assertThat(product.at("/swatch/desc").asText()).isEqualTo("Navy");
        }
        JsonNode brands = brandAndColour.json().at("/filter/1");
        assertThat(brands.path("field").asText()).isEqualTo("brands");
        assertThat(brands.at("/values/0/count").asInt())
                .isEqualTo(brandAndColour.json().path("productCount").asInt());
        assertThat(brands.at("/values/0/totalCount").asInt())
                .isGreaterThan(brands.at("/values/0/count").asInt());
    }

    @Test
    void singleProductCategoriesAndTranslations() {
        client.put("/languages/sv", null);

        var product = client.get("/products/1001");
        var missing = client.get("/products/1006");
        var categories = client.get("/categories");

        // fe-elements "Product catalog": the shape of POST /products with the one product.
        assertThat(product.json().at("/products/0/name").asText()).isEqualTo("Klassisk t-shirt");
        assertThat(product.json().path("productCount").asInt()).isEqualTo(1);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/errors/product").asText()).isEqualTo("not found");
        assertThat(categories.json().path("categories")).hasSize(13);
        assertThat(categories.json().at("/categories/3/name").toString()).isEqualTo("[\"Överdelar\",\"T-shirts\"]");
        assertThat(categories.json().at("/categories/3/inCategory").asText()).isEqualTo("10");
        assertThat(categories.json().at("/categories/0/name/0").asText()).isEqualTo("Överdelar");
    }

    @Test
    void uriResolvesProductsAndCategoriesOr404() {
        var product = client.post("/uri", "{\"uri\":\"tops/classic-tee\",\"for\":[\"product\",\"category\"]}");
        var category = client.post("/uri", "{\"uri\":\"bottoms\",\"for\":[\"category\"]}");
        var missing = client.post("/uri", "{\"uri\":\"nothing-here\",\"for\":[\"product\"]}");

        assertThat(product.json().path("found").asText()).isEqualTo("product");
        assertThat(product.json().at("/product/product").asText()).isEqualTo("1001");
        assertThat(category.json().path("found").asText()).isEqualTo("category");
        assertThat(category.json().path("productCount").asInt()).isEqualTo(10);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/errors/uri").asText()).isEqualTo("not found");
    }

    @Test
    void secretOnlyEndpointsAnswer401WithoutTheSecret() {
        for (String path : List.of("/countries/all", "/markets", "/pricelists")) {
            var response = client.get(path);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.json().path("errors").isObject()).isTrue();
            assertThat(response.token()).isNotBlank();
        }
        assertThat(client.put("/selection", "{\"market\":\"2\"}").status()).isEqualTo(401);
        assertThat(client.header("Authorization", "Bearer wrong")
                        .post("/products", "{}")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void secretUnlocksSettingsAndAllPricelists() {
        client.withSecret();

        var countries = client.get("/countries/all");
        var markets = client.get("/markets");
        var pricelists = client.get("/pricelists");
        var all = client.post("/products", "{\"pricelist\":\"all\",\"products\":[\"1001\",\"1003\"]}");

        assertThat(countries.json().path("countries")).hasSize(6);
        assertThat(countries.json().at("/countries/4/shipTo").asBoolean(true)).isFalse();
        assertThat(markets.json().path("markets")).hasSize(2);
        assertThat(pricelists.json().path("pricelists")).hasSize(3);
        assertThat(all.json().at("/products/0/prices/20/price").asText()).isEqualTo("24.95\u00a0EUR");
        assertThat(all.json().at("/products/0").has("price")).isFalse();
        assertThat(all.json().at("/products/1/prices").has("20")).isFalse();
    }

    @Test
    void withoutSecretPricelistInProductsBodyIsIgnoredAndShippableCountriesOnly() {
        var products = client.post("/products", "{\"pricelist\":\"20\",\"products\":[\"1001\"]}");
        var countries = client.get("/countries");

        assertThat(products.json().at("/products/0/price").asText()).isEqualTo("249.00\u00a0SEK");
        assertThat(countries.json().path("countries").findValuesAsString("country"))
                .doesNotContain("NO");
    }

    @Test
    void putSelectionWithSecretSwitchesMarketAndPricelist() {
        client.withSecret().post("/items/1003-1", null);

        var response = client.put("/selection", "{\"market\":\"2\",\"pricelist\":\"20\",\"country\":\"FI\"}");

        assertThat(response.json().at("/location/market").asText()).isEqualTo("2");
        assertThat(response.json().at("/location/pricelist").asText()).isEqualTo("20");
        assertThat(response.json().at("/selection/currency").asText()).isEqualTo("EUR");
        assertThat(response.json().at("/selection/items")).isEmpty();
    }
}
