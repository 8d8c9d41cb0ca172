package io.centrabff.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.ShopperClient.Reply;
import io.centrabff.centra.StubbedCentra;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Catalog reads that would amplify into Centra calls: fields Centra does not document (refused, never forwarded),
 * made-up session tokens (remembered, one lookup each) and the cache header (only for the storefront's server). The
 * per-client miss budget is in {@link CatalogMissBudgetTests} (this context runs without rate limits).
 */
class CatalogAbuseTests extends StubbedCentra {

    static final String SERVER_KEY = "test-server-key";

    private static final String EMPTY_LISTING = "{\"products\":[],\"productCount\":0,\"filter\":[]}";

    private static final java.util.concurrent.atomic.AtomicInteger CLIENTS =
            new java.util.concurrent.atomic.AtomicInteger();

    /** Each test is its own client, so budgets spent by one test do not leak into another. */
    private String clientIp;

    @BeforeEach
    void stubs() {
        clientIp = "198.51.100." + CLIENTS.incrementAndGet();
        CENTRA.stubFor(get(urlEqualTo(API + "/countries/all"))
                .willReturn(okJson("{\"countries\":[{\"country\":\"SE\",\"name\":\"Sweden\",\"market\":\"1\","
                        + "\"pricelist\":\"19\",\"language\":\"sv\"}]}")));
        CENTRA.stubFor(post(urlEqualTo(API + "/products")).willReturn(okJson(EMPTY_LISTING)));
    }

    @Test
    void undocumentedFieldsAreRefusedNamingTheFieldAndNeverReachCentra() {
        for (String field : List.of("evil", "MARKET", "pricelist ", "filter", "__proto__")) {
            Reply reply = browse("/api/checkout/products", Map.of(field, "9", "search", "x-" + UUID.randomUUID()));

            assertThat(reply.status()).as(field).isEqualTo(400);
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
            assertThat(reply.json().path("detail").asText()).contains("'" + field + "'");
        }
        Reply uri = browse("/api/checkout/uri", Map.of("uri", "shop/tee", "evil", true));
        assertThat(uri.status()).isEqualTo(400);
        assertThat(uri.json().path("detail").asText()).contains("'evil'");

        assertThat(upstreamCalls("POST", "/products")).isZero();
        assertThat(upstreamCalls("POST", "/uri")).isZero();
    }

    @Test
    void documentedFieldsWithWrongTypesOrSizesAreRefused() {
        List<Map<String, Object>> bad = List.of(
                Map.of("search", Map.of("$gt", "")),
                Map.of("search", "s".repeat(300)),
                Map.of("limit", 100_000),
                Map.of("skipFirst", -1),
                Map.of("categories", Collections.nCopies(500, "1")),
                Map.of("categories", List.of(Map.of("id", 1))),
                Map.of("relatedProducts", "yes"),
                Map.of("sortOrder", List.of(Map.of("field", "password", "order", "asc"))),
                Map.of("uri", Map.of("uri", "x", "for", List.of("orders"))));
        for (Map<String, Object> body : bad) {
            Reply reply = browse("/api/checkout/products", body);
            assertThat(reply.status()).as(body.keySet().toString()).isEqualTo(400);
            assertThat(reply.json().path("detail").asText())
                    .contains(body.keySet().iterator().next());
        }
        assertThat(upstreamCalls("POST", "/products")).isZero();
    }

    @Test
    void documentedQueriesPass() {
        Reply reply = browse(
                "/api/checkout/products",
                Map.of(
                        "categories",
                        List.of("10", 11),
                        "search",
                        "tee " + UUID.randomUUID(),
                        "sortOrder",
                        List.of(Map.of("field", "priceAsNumber", "order", "asc")),
                        "limit",
                        10,
                        "skipFirst",
                        0,
                        "relatedProducts",
                        true,
                        "onlyAvailable",
                        true,
                        "items.name",
                        List.of("M")));

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(upstreamCalls("POST", "/products")).isEqualTo(1);
    }

    @Test
    void anUnknownSessionTokenCostsOneUpstreamCallNotOnePerPageView() {
        CENTRA.stubFor(get(urlEqualTo(API + "/selection"))
                .willReturn(okJson("{\"token\":\"fresh-" + UUID.randomUUID() + "\",\"selection\":{},"
                        + "\"location\":{\"country\":\"SE\"}}")));
        String cookie = "centra-session=made-up-" + UUID.randomUUID();
        String query = "page-" + UUID.randomUUID();
        for (int i = 0; i < 20; i++) {
            assertThat(browse("/api/checkout/products", Map.of("search", query), "Cookie", cookie)
                            .status())
                    .isEqualTo(200);
        }

        assertThat(upstreamCalls("GET", "/selection")).isEqualTo(1);
    }

    @Test
    void theCacheHeaderIsOnlyForTheStorefrontsServer() {
        Map<String, Object> query = Map.of("search", "header-" + UUID.randomUUID());
        Reply browser = browse("/api/checkout/products", query);
        Reply server = browse("/api/checkout/products", query, "X-BFF-Server-Key", SERVER_KEY);

        assertThat(browser.status()).isEqualTo(200);
        assertThat(browser.header("X-BFF-Cache")).isNull();
        assertThat(server.header("X-BFF-Cache")).isEqualTo("hit");
    }

    private Reply browse(String path, Object body, String... headers) {
        String[] all = new String[headers.length + 2];
        System.arraycopy(headers, 0, all, 0, headers.length);
        all[headers.length] = "X-Forwarded-For";
        all[headers.length + 1] = clientIp;
        return client.post(path, body, all);
    }
}
