package io.centrabff.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.centrabff.SandboxTest;
import io.centrabff.ShopperClient;
import io.centrabff.ShopperClient.Reply;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each catalog read the cache cannot answer costs Centra a call, so a client gets only so many (catalog-miss, 60 a
 * minute by default); hits stay free, and an IPv6 client's budget is its /64.
 */
@SandboxTest
class CatalogMissBudgetTests {

    private static final int BUDGET = 60;

    @LocalServerPort
    int port;

    @Autowired
    CatalogRebuild rebuild;

    @Test
    void aClientsCacheMissesAreBudgetedButItsHitsAreNot() {
        ShopperClient client = new ShopperClient(port);
        String ip = "192.0.2.31";
        // A hit for this client: the warm-up after start runs in the background and may not have cached it yet (nor
        // may an earlier test in this context have left it cached), and a miss here would spend one of this client's
        // budget before the count starts. So the warm-up has ended and another client has read it first.
        await().until(() -> !rebuild.running());
        client.get("/api/checkout/products/1001", "X-Forwarded-For", "192.0.2.30");
        assertThat(client.get("/api/checkout/products/1001", "X-Forwarded-For", ip)
                        .status())
                .isEqualTo(200);

        assertMissesStopAtTheBudget(i -> ip);

        assertThat(client.get("/api/checkout/products/1001", "X-Forwarded-For", ip)
                        .status())
                .as("a cached product is still served")
                .isEqualTo(200);
        assertThat(client.get("/api/checkout/products/cold-" + UUID.randomUUID(), "X-Forwarded-For", "192.0.2.32")
                        .status())
                .as("another client has its own budget")
                .isNotEqualTo(429);
    }

    @Test
    void anIpv6ClientsBudgetIsItsSlash64() {
        assertMissesStopAtTheBudget(i -> "2001:db8:5:6::" + Integer.toHexString(i + 1));
    }

    /**
     * Misses from {@code client(i)} until the first 429: the bucket starts full (60) and refills one a second, so the
     * refusal comes after at least 60 misses and at most 60 plus one per second elapsed.
     */
    private void assertMissesStopAtTheBudget(java.util.function.IntFunction<String> client) {
        ShopperClient shopper = new ShopperClient(port);
        long started = System.nanoTime();
        int served = 0;
        Reply reply = null;
        for (int i = 0; i < 1000; i++) {
            reply = shopper.get("/api/checkout/products/cold-" + UUID.randomUUID(), "X-Forwarded-For", client.apply(i));
            if (reply.status() == 429) {
                break;
            }
            served++;
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.header("Retry-After")).isNotBlank();
        assertThat(served).isBetween(BUDGET, BUDGET + (int) seconds + 1);
    }
}
