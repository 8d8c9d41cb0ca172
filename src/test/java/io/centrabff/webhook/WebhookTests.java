package io.centrabff.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.centrabff.CentraStubs;
import io.centrabff.ShopperClient;
import io.centrabff.ShopperClient.Reply;
import io.centrabff.catalog.CatalogCache;
import io.centrabff.centra.StubbedCentra;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Signed webhooks against a WireMock Centra: precise eviction, and refusal that evicts nothing. */
class WebhookTests extends StubbedCentra {

    static final java.util.concurrent.atomic.AtomicLong CALLS = new java.util.concurrent.atomic.AtomicLong();

    @Autowired
    CatalogCache cache;

    @Autowired
    MeterRegistry meters;

    ShopperClient shopper;

    @BeforeEach
    void primeTwoProducts() {
        CENTRA.resetAll();
        cache.clear();
        CentraStubs.countries(CENTRA);
        CENTRA.stubFor(CentraStubs.single("1001", "Tee", "100"));
        CENTRA.stubFor(CentraStubs.single("1002", "Shirt", "200"));
        shopper = new ShopperClient(port);
        assertThat(shopper.get("/api/checkout/products/1001", "X-BFF-Server-Key", "test-server-key")
                        .header("X-BFF-Cache"))
                .isEqualTo("miss");
        assertThat(shopper.get("/api/checkout/products/1002", "X-BFF-Server-Key", "test-server-key")
                        .header("X-BFF-Cache"))
                .isEqualTo("miss");
    }

    @Test
    void productWebhookRefreshesThatProductOnly() {
        CENTRA.stubFor(CentraStubs.single("1001", "New Tee", "90"));

        Reply accepted = send("{\"products\":[\"1001\"]}", now(), WEBHOOK_SECRET);

        assertThat(accepted.status()).isEqualTo(200);
        Reply fresh = await().until(() -> shopper.get("/api/checkout/products/1001"), reply -> "New Tee"
                .equals(reply.json().at("/product/name").asText()));
        assertThat(fresh.json().at("/product/priceAsNumber").asInt()).isEqualTo(90);
        assertThat(shopper.get("/api/checkout/products/1002", "X-BFF-Server-Key", "test-server-key")
                        .header("X-BFF-Cache"))
                .isEqualTo("hit");
        CENTRA.verify(exactly(1), productCall("1002"));
        assertThat(meters.counter("bff.webhook.events", "type", "products", "verdict", "evicted")
                        .count())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void storefrontApiDisplayItemsEvictToo() {
        CENTRA.stubFor(CentraStubs.single("1002", "New Shirt", "150"));

        assertThat(send("{\"DisplayItems\":[\"1002\"]}", now(), WEBHOOK_SECRET).status())
                .isEqualTo(200);

        await().until(() -> shopper.get("/api/checkout/products/1002"), reply -> "New Shirt"
                .equals(reply.json().at("/product/name").asText()));
    }

    @Test
    void forgedStaleAndReplayedSignaturesAreRefusedAndEvictNothing() {
        String body = "{\"products\":[\"1001\"]}";
        long now = now();
        assertThat(send(body, now, "wrong-secret").status()).isEqualTo(401);
        assertThat(send(body, now - 301, WEBHOOK_SECRET).status()).isEqualTo(401);
        Reply unsigned =
                shopper.send("POST", "/api/webhooks/centra", null, "Content-Type", "application/x-www-form-urlencoded");
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(unsigned.header("Content-Type")).startsWith("application/problem+json");

        String form = form(body);
        String header = "t=" + now + ",v1="
                + WebhookSignature.sign(WEBHOOK_SECRET, Long.toString(now), form.getBytes(StandardCharsets.US_ASCII));
        assertThat(post(form, header).status()).isEqualTo(200);
        assertThat(post(form, header).status()).isEqualTo(401);

        // The one valid call evicted 1001; the refused ones must not have touched 1002.
        assertThat(shopper.get("/api/checkout/products/1002", "X-BFF-Server-Key", "test-server-key")
                        .header("X-BFF-Cache"))
                .isEqualTo("hit");
        CENTRA.verify(exactly(1), productCall("1002"));
    }

    @Test
    void refusedCallsLeaveTheCacheUntouched() {
        assertThat(send("{\"markets\":[\"1\"]}", now(), "wrong-secret").status())
                .isEqualTo(401);

        assertThat(shopper.get("/api/checkout/products/1001", "X-BFF-Server-Key", "test-server-key")
                        .header("X-BFF-Cache"))
                .isEqualTo("hit");
        assertThat(shopper.get("/api/checkout/products/1002", "X-BFF-Server-Key", "test-server-key")
                        .header("X-BFF-Cache"))
                .isEqualTo("hit");
        CENTRA.verify(exactly(2), postRequestedFor(urlEqualTo(CentraStubs.BASE + "/products")));
    }

    @Test
    void marketWebhookClearsEverything() {
        assertThat(send("{\"markets\":[\"1\"]}", now(), WEBHOOK_SECRET).status())
                .isEqualTo(200);

        await().until(() -> cache.size(), size -> size == 0);
        assertThat(shopper.get("/api/checkout/products/1002", "X-BFF-Server-Key", "test-server-key")
                        .header("X-BFF-Cache"))
                .isEqualTo("miss");
    }

    private static RequestPatternBuilder productCall(String id) {
        return postRequestedFor(urlEqualTo(CentraStubs.BASE + "/products"))
                .withRequestBody(matchingJsonPath("$.products[0]", equalTo(id)));
    }

    private static final long START = Instant.now().getEpochSecond();

    /**
     * A distinct timestamp per call, so that identical test payloads are not replays of each other: counted down from
     * the class's start (counting from the current second instead repeats a value whenever a second passes between two
     * calls), and within the 300 s window for as long as these tests run.
     */
    private static long now() {
        return START - CALLS.incrementAndGet() % 200;
    }

    private static String form(String json) {
        return "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    private Reply send(String json, long t, String secret) {
        String form = form(json);
        String v1 = WebhookSignature.sign(secret, Long.toString(t), form.getBytes(StandardCharsets.US_ASCII));
        return post(form, "t=" + t + ",v1=" + v1);
    }

    private Reply post(String form, String signature) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/webhooks/centra"))
                                    .timeout(Duration.ofSeconds(10))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .header("X-Centra-Signature", signature)
                                    .POST(HttpRequest.BodyPublishers.ofString(form))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
