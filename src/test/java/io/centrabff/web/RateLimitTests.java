package io.centrabff.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.SandboxTest;
import io.centrabff.ShopperClient;
import io.centrabff.ShopperClient.Reply;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Abuse-prone endpoints are limited per client IP; the limit answers 429 problem+json with Retry-After. */
@SandboxTest
class RateLimitTests {

    /** A client IP of its own (127.0.0.1 is a trusted proxy in {@link SandboxTest}). */
    static final String CLIENT = "203.0.113.41";

    @LocalServerPort
    int port;

    @Value("${bff.rate-limits.rules.address-search.capacity}")
    int capacity;

    @Test
    void addressSearchBeyondTheCapacityInAMinuteIsRejectedWithRetryAfter() {
        ShopperClient client = new ShopperClient(port);
        Map<String, String> body = Map.of("identityNumber", "410321-9202", "paymentMethod", "klarna-invoice");
        for (int i = 0; i < capacity; i++) {
            assertThat(client.post("/api/checkout/address-search", body, "X-Forwarded-For", CLIENT)
                            .status())
                    .as("search %d of %d", i + 1, capacity)
                    .isEqualTo(200);
        }
        Reply rejected = client.post("/api/checkout/address-search", body, "X-Forwarded-For", CLIENT);
        ProblemTests.assertProblem(rejected, 429);
        assertThat(Integer.parseInt(rejected.header("Retry-After"))).isBetween(1, 60);
        assertThat(client.get("/api/checkout/selection", "X-Forwarded-For", CLIENT)
                        .status())
                .as("other endpoints are not limited")
                .isEqualTo(200);
        assertThat(client.post("/api/checkout/address-search", body).status())
                .as("another client IP is not limited")
                .isEqualTo(200);
    }

    @Value("${bff.rate-limits.rules.cart-adds.capacity}")
    int cartAdds;

    /**
     * {@code API-Token: none} names no session: per-session budgets fall back to the client, not to one bucket shared
     * by every caller. Flexible bundles count as cart additions.
     */
    @Test
    void apiTokenNoneIsNotOneSessionSharedByEveryCaller() {
        // A new client per call: no session cookie either, so only the header could name a session. The budget
        // refills while the loop runs, so it runs until refused, at most three budgets long.
        Reply last = null;
        int calls = 0;
        while (calls < 3 * cartAdds && (last == null || last.status() != 429)) {
            last = new ShopperClient(port)
                    .post(
                            "/api/checkout/items/bundles/1001-1",
                            Map.of(),
                            "API-Token",
                            "none",
                            "X-Forwarded-For",
                            CLIENT);
            calls++;
        }
        Reply fromElsewhere = new ShopperClient(port)
                .post("/api/checkout/items/1001-1", null, "API-Token", "none", "X-Forwarded-For", "203.0.113.42");

        ProblemTests.assertProblem(last, 429);
        assertThat(calls).isGreaterThan(cartAdds);
        assertThat(fromElsewhere.status()).as(fromElsewhere.text()).isEqualTo(200);
    }
}
