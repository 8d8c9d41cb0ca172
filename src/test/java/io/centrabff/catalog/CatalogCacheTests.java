package io.centrabff.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.centrabff.CentraStubs;
import io.centrabff.Poll;
import io.centrabff.ShopperClient;
import io.centrabff.ShopperClient.Reply;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The cache against a WireMock Centra: one upstream call per cold key, stale serving and 503 when Centra is down. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "centra.shared-secret=test-shared-secret",
            "bff.catalog.server-key=test-server-key",
            "bff.catalog.refresh-after=1s",
            "centra.timeouts.catalog=1s"
        })
class CatalogCacheTests {

    static final WireMockServer centra = new WireMockServer(options().dynamicPort());

    static {
        centra.start();
    }

    @DynamicPropertySource
    static void centraUrl(DynamicPropertyRegistry registry) {
        registry.add("centra.base-url", () -> centra.baseUrl() + CentraStubs.BASE);
    }

    @AfterAll
    static void stopCentra() {
        centra.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    CatalogCache cache;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void reset() {
        centra.resetAll();
        cache.clear();
        CentraStubs.countries(centra);
    }

    @Test
    void coldKeyLoadsOnceHoweverManyRequestsMissAtOnce() throws Exception {
        CentraStubs.listing(centra, 500);
        ExecutorService browsers = Executors.newFixedThreadPool(100);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
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
        centra.verify(exactly(1), postRequestedFor(urlEqualTo(CentraStubs.BASE + "/products")));
        assertThat(meters.get("cache.gets")
                        .tag("cache", "catalog")
                        .tag("result", "miss")
                        .functionCounter()
                        .count())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void sessionlessFillsAskForAllPricelistsWithTheSecret() {
        CentraStubs.listing(centra, 0);

        new ShopperClient(port).post("/api/checkout/products", Map.of());

        centra.verify(postRequestedFor(urlEqualTo(CentraStubs.BASE + "/products"))
                .withHeader("API-token", equalTo("none"))
                .withHeader("Authorization", equalTo("Bearer test-shared-secret"))
                .withRequestBody(matchingJsonPath("$.pricelist", equalTo("all"))));
    }

    @Test
    void centraDownServesCachedKeysAsStaleAndColdKeysAs503() {
        CentraStubs.listing(centra, 0);
        ShopperClient shopper = new ShopperClient(port);
        assertThat(shopper.post("/api/checkout/products", Map.of(), "X-BFF-Server-Key", "test-server-key")
                        .header("X-BFF-Cache"))
                .isEqualTo("miss");

        centra.stubFor(post(urlEqualTo(CentraStubs.BASE + "/products"))
                .willReturn(aResponse().withStatus(503)));

        Reply stale = Poll.until(
                () -> shopper.post("/api/checkout/products", Map.of(), "X-BFF-Server-Key", "test-server-key"),
                reply -> "stale".equals(reply.header("X-BFF-Cache")));
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
