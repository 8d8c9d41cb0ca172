package io.centrabff.cart;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.centra.BffHttp;
import io.centrabff.centra.StubbedCentra;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cart lane queues work, not request threads, and what the BFF keeps per cart and per key is bounded: a storm on
 * one cart leaves other carts and the liveness probe fast, and a flood of made-up cookies and unique keys does not
 * grow the heap without bound. Prints the measured figures.
 */
class CartLoadTests extends StubbedCentra {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Timing figures need a machine of their own, so run on request: {@code -Dbff.load-tests=true}. */
    @Test
    @EnabledIfSystemProperty(named = "bff.load-tests", matches = "true")
    void twoHundredSixtyConcurrentAddsOnOneCartLeaveOtherCartsAndLivenessFast() throws Exception {
        CENTRA.stubFor(post(urlMatching(API + "/items/.*"))
                .willReturn(json("{\"token\":\"tok-busy\",\"selection\":{\"items\":[]}}")
                        // Short enough to stay far inside the stubbed context's 500 ms cart time limit.
                        .withFixedDelay(50)));
        CENTRA.stubFor(get(urlEqualTo(API + "/selection"))
                .willReturn(json("{\"token\":\"tok-other\",\"selection\":{\"items\":[]}}")));
        BffHttp busy = new BffHttp(port);
        BffHttp other = new BffHttp(port);
        ExecutorService storm = Executors.newFixedThreadPool(260);
        List<Long> selection = Collections.synchronizedList(new ArrayList<>());
        List<Long> liveness = Collections.synchronizedList(new ArrayList<>());
        // Warm both paths first, so the figures are about the storm and not about a cold start.
        assertThat(busy.post("/api/checkout/items/1001-1", null, "Cookie", "centra-session=tok-busy")
                        .status())
                .isEqualTo(200);
        assertThat(other.get("/api/checkout/selection", "Cookie", "centra-session=tok-other")
                        .status())
                .isEqualTo(200);
        try {
            List<CompletableFuture<Integer>> adds = new ArrayList<>();
            for (int i = 0; i < 260; i++) {
                adds.add(CompletableFuture.supplyAsync(
                        () -> busy.post("/api/checkout/items/1001-1", null, "Cookie", "centra-session=tok-busy")
                                .status(),
                        storm));
            }
            Thread.sleep(200); // the storm is queued in the cart's lane
            for (int i = 0; i < 100; i++) {
                long started = System.nanoTime();
                BffHttp.Reply read = other.get("/api/checkout/selection", "Cookie", "centra-session=tok-other");
                selection.add(System.nanoTime() - started);
                assertThat(read.status()).isEqualTo(200);
                started = System.nanoTime();
                assertThat(management.get("/actuator/health/liveness").status()).isEqualTo(200);
                liveness.add(System.nanoTime() - started);
            }
            List<Integer> statuses = adds.stream().map(CompletableFuture::join).toList();
            assertThat(statuses).containsOnly(200, 409);
            assertThat(statuses).contains(200);
        } finally {
            storm.shutdownNow();
        }
        double selectionP99 = p99(selection);
        double livenessP99 = p99(liveness);
        System.out.printf(
                "260 concurrent adds on one cart: other cart GET /selection p99 %.1f ms, liveness p99 %.1f ms"
                        + " (max %.1f ms)%n",
                selectionP99, livenessP99, max(liveness));
        assertThat(selectionP99).isLessThan(200);
        assertThat(livenessP99).isLessThan(100);
    }

    /** Minutes on a shared build machine, so run on request: {@code -Dbff.load-tests=true}. */
    @Test
    @EnabledIfSystemProperty(named = "bff.load-tests", matches = "true")
    void tenThousandRequestsWithMadeUpCookiesAndUniqueKeysLeaveTheHeapBounded() throws Exception {
        ObjectNode answer = (ObjectNode) documented("items-add.json").path("example");
        answer.put("token", "{{randomValue length=26 type='ALPHANUMERIC'}}");
        CENTRA.stubFor(post(urlMatching(API + "/items/.*"))
                .willReturn(json(MAPPER.writeValueAsString(answer)).withTransformers("response-template")));
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            send(callers, 500); // warm-up: classes, pools and caches reach their working size
            long before = heapAfterGc();
            send(callers, 10_000);
            long after = heapAfterGc();
            double grownMb = (after - before) / 1024.0 / 1024.0;
            System.out.printf(
                    "10,000 requests with random cookies and unique Idempotency-Keys: heap after GC %.1f MB -> %.1f MB"
                            + " (%+.1f MB)%n",
                    before / 1048576.0, after / 1048576.0, grownMb);
            assertThat(grownMb).isLessThan(50);
        } finally {
            callers.shutdownNow();
        }
    }

    private void send(ExecutorService callers, int count) {
        BffHttp http = new BffHttp(port);
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(CompletableFuture.supplyAsync(
                    () -> http.post(
                                    "/api/checkout/items/1001-1",
                                    null,
                                    "Cookie",
                                    "centra-session=v1." + UUID.randomUUID(),
                                    "Idempotency-Key",
                                    UUID.randomUUID().toString())
                            .status(),
                    callers));
            if (i % 500 == 499) {
                calls.forEach(CompletableFuture::join);
                calls.clear();
                // The stub's request journal is test machinery, not the BFF's heap.
                CENTRA.resetRequests();
            }
        }
        calls.forEach(call -> assertThat(call.join()).isEqualTo(200));
    }

    private static long heapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    private static tools.jackson.databind.JsonNode documented(String name) throws IOException {
        try (InputStream in = CartLoadTests.class.getResourceAsStream("/centra-documented/" + name)) {
            return MAPPER.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private static double p99(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1e6;
    }

    private static double max(List<Long> nanos) {
        return Collections.max(nanos) / 1e6;
    }
}
