package io.centrabff.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.CentraStubs;
import io.centrabff.ShopperClient;
import io.centrabff.ShopperClient.Reply;
import io.centrabff.centra.StubbedCentra;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The cache against a WireMock Centra: one upstream call per cold key, stale serving and 503 when Centra is down. */
class CatalogCacheTests extends StubbedCentra {

    @Autowired
    CatalogCache cache;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void countries() {
        CentraStubs.countries(CENTRA);
    }

    @Test
    void coldKeyLoadsOnceHoweverManyRequestsMissAtOnce() throws Exception {
        // Long enough for the misses to overlap, well short of the catalog time limit.
        CentraStubs.listing(CENTRA, 100);
        double loadsBefore = loads();
        ExecutorService browsers = Executors.newFixedThreadPool(32);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                replies.add(browsers.submit(
                        () -> new ShopperClient(port).post("/api/checkout/products", Map.of("limit", 1))));
            }
            for (Future<Reply> reply : replies) {
                assertThat(reply.get().status()).isEqualTo(200);
                assertThat(reply.get().json().at("/products/0/priceAsNumber").asInt())
                        .isEqualTo(100);
            }
        } finally {
            browsers.shutdownNow();
        }
        assertThat(loads() - loadsBefore).as("loads of the one cold key").isEqualTo(1);
        // One load is one Centra read: one call, or on a machine too busy to answer in time, that read's own retries.
        assertThat(upstreamCalls("POST", "/products")).isBetween(1, 3);
        assertThat(meters.get("cache.gets")
                        .tag("cache", "catalog")
                        .tag("result", "miss")
                        .functionCounter()
                        .count())
                .isGreaterThanOrEqualTo(1);
    }

    private double loads() {
        return meters.get("cache.load")
                .tag("cache", "catalog")
                .tag("result", "success")
                .functionCounter()
                .count();
    }

    @Test
    void sessionlessFillsAskForAllPricelistsWithTheSecret() {
        CentraStubs.listing(CENTRA, 0);

        new ShopperClient(port).post("/api/checkout/products", Map.of());

        CENTRA.verify(postRequestedFor(urlEqualTo(CentraStubs.BASE + "/products"))
                .withHeader("API-token", equalTo("none"))
                .withHeader("Authorization", equalTo("Bearer " + SHARED_SECRET))
                .withRequestBody(matchingJsonPath("$.pricelist", equalTo("all"))));
    }

    @Test
    void centraDownServesCachedKeysAsStaleAndColdKeysAs503() {
        CentraStubs.listing(CENTRA, 0);
        ShopperClient shopper = new ShopperClient(port);
        assertThat(shopper.post("/api/checkout/products", Map.of(), "X-BFF-Server-Key", "test-server-key")
                        .header("X-BFF-Cache"))
                .isEqualTo("miss");

        CENTRA.stubFor(post(urlEqualTo(CentraStubs.BASE + "/products"))
                .willReturn(aResponse().withStatus(503)));

        // What a due refresh (bff.catalog.refresh-after) does, started at once instead of after the configured age.
        cache.keys()
                .forEach(key ->
                        cache.reload(key).handle((entry, failure) -> entry).join());

        Reply stale = shopper.post("/api/checkout/products", Map.of(), "X-BFF-Server-Key", "test-server-key");
        assertThat(stale.header("X-BFF-Cache")).isEqualTo("stale");
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.json().at("/products/1/product").asText()).isEqualTo("1002");
        assertThat(meters.counter("bff.catalog.stale.serves").count()).isGreaterThanOrEqualTo(1);

        Reply cold = shopper.post("/api/checkout/products", Map.of("search", "never cached"));
        assertThat(cold.status()).isEqualTo(503);
        assertThat(cold.header("Content-Type")).startsWith("application/problem+json");
        assertThat(cold.json().path("errors").isObject()).isTrue();
        assertThat(cold.allHeaders("Set-Cookie")).isEmpty();
    }
}
