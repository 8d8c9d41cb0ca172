package io.centrabff.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.ShopperClient;
import io.centrabff.ShopperClient.Reply;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Abuse-prone endpoints are limited per client IP; the limit answers 429 problem+json with Retry-After. */
@ActiveProfiles("sandbox")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"bff.rate-limits.rules.address-search.capacity=3"})
class RateLimitTests {

    @LocalServerPort
    int port;

    @Test
    void fourthAddressSearchInAMinuteIsRejectedWithRetryAfter() {
        ShopperClient client = new ShopperClient(port);
        Map<String, String> body = Map.of("identityNumber", "410321-9202", "paymentMethod", "klarna-invoice");
        for (int i = 0; i < 3; i++) {
            assertThat(client.post("/api/checkout/address-search", body).status())
                    .isEqualTo(200);
        }
        Reply rejected = client.post("/api/checkout/address-search", body);
        ProblemTests.assertProblem(rejected, 429);
        assertThat(Integer.parseInt(rejected.header("Retry-After"))).isBetween(1, 60);
        assertThat(client.get("/api/checkout/selection").status())
                .as("other endpoints are not limited")
                .isEqualTo(200);
    }
}
