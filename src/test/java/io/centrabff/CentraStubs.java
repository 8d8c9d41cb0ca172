package io.centrabff;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.not;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

/**
 * Canned Centra answers for WireMock-backed catalog tests: a country table (SE → market 1 / pricelist 19, DE → market
 * 1 / pricelist 20) and products fetched with {@code pricelist: "all"}.
 */
public final class CentraStubs {

    public static final String BASE = "/api/checkout/52";

    private CentraStubs() {}

    public static void countries(WireMockServer centra) {
        centra.stubFor(
                get(urlEqualTo(BASE + "/countries/all"))
                        .willReturn(
                                json(
                                        "{\"countries\":["
                                                + "{\"country\":\"SE\",\"name\":\"Sweden\",\"market\":\"1\",\"pricelist\":\"19\",\"language\":\"sv\"},"
                                                + "{\"country\":\"DE\",\"name\":\"Germany\",\"market\":\"1\",\"pricelist\":\"20\",\"language\":\"sv\"}]}")));
    }

    /** A listing (no {@code products} filter) of 1001 and 1002, answered after {@code delayMs}. */
    public static void listing(WireMockServer centra, int delayMs) {
        centra.stubFor(post(urlEqualTo(BASE + "/products"))
                .withRequestBody(not(matchingJsonPath("$.products")))
                .willReturn(json("{\"products\":[" + product("1001", "Tee", "100") + ","
                                + product("1002", "Shirt", "200") + "],\"productCount\":2,\"filter\":[]}")
                        .withFixedDelay(delayMs)));
    }

    /** {@code POST /products {products:[id]}}, the cache's way to read one product. */
    public static MappingBuilder single(String id, String name, String price) {
        return post(urlEqualTo(BASE + "/products"))
                .withRequestBody(matchingJsonPath("$.products[0]", equalTo(id)))
                .willReturn(json("{\"products\":[" + product(id, name, price) + "],\"productCount\":1}"));
    }

    /** A product with a price in pricelist 19 (SEK) and twice that in 20 (EUR). */
    public static String product(String id, String name, String price) {
        String eur = Integer.toString(Integer.parseInt(price) * 2);
        return "{\"product\":\"" + id + "\",\"name\":\"" + name + "\",\"category\":\"10\",\"available\":true,"
                + "\"prices\":{\"19\":" + price(price) + ",\"20\":" + price(eur) + "}}";
    }

    private static String price(String amount) {
        return "{\"price\":\"" + amount + " kr\",\"priceAsNumber\":" + amount + ",\"priceBeforeDiscount\":\"" + amount
                + " kr\",\"priceBeforeDiscountAsNumber\":" + amount
                + ",\"discountPercent\":0,\"showAsOnSale\":false,\"showAsNew\":false}";
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
