package io.centrabff.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.SandboxTest;
import io.centrabff.ShopperClient;
import io.centrabff.ShopperClient.Reply;
import java.util.UUID;
import org.junit.jupiter.api.Test;
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

    @Test
    void aClientsCacheMissesAreBudgetedButItsHitsAreNot() {
        ShopperClient client = new ShopperClient(port);
        String ip = "192.0.2.31";
        assertThat(client.get("/api/checkout/products/1001", "X-Forwarded-For", ip)
                        .status())
                .isEqualTo(200);
        int refused = misses(client, ip, BUDGET + 10);

        assertThat(refused).as("misses beyond the budget").isBetween(5, 10);
        assertThat(client.get("/api/checkout/products/1001", "X-Forwarded-For", ip)
                        .status())
                .as("a cached product is still served")
                .isEqualTo(200);
        Reply refusedReply = client.get("/api/checkout/products/cold-" + UUID.randomUUID(), "X-Forwarded-For", ip);
        assertThat(refusedReply.status()).isEqualTo(429);
        assertThat(refusedReply.header("Retry-After")).isNotBlank();
        assertThat(misses(client, "192.0.2.32", 3))
                .as("another client has its own budget")
                .isZero();
    }

    @Test
    void anIpv6ClientsBudgetIsItsSlash64() {
        ShopperClient client = new ShopperClient(port);
        int refused = 0;
        for (int i = 0; i < BUDGET + 10; i++) {
            Reply reply = client.get(
                    "/api/checkout/products/cold-" + UUID.randomUUID(),
                    "X-Forwarded-For",
                    "2001:db8:5:6::" + Integer.toHexString(i + 1));
            refused += reply.status() == 429 ? 1 : 0;
        }

        assertThat(refused).as("70 addresses of one /64 share one budget").isBetween(5, 10);
    }

    private static int misses(ShopperClient client, String ip, int count) {
        int refused = 0;
        for (int i = 0; i < count; i++) {
            Reply reply = client.get("/api/checkout/products/cold-" + UUID.randomUUID(), "X-Forwarded-For", ip);
            refused += reply.status() == 429 ? 1 : 0;
        }
        return refused;
    }
}
