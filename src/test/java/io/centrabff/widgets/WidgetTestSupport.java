package io.centrabff.widgets;

import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.ShopperClient;
import io.centrabff.ShopperClient.Reply;
import io.centrabff.sandbox.CentraSandbox;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Shared steps: a cart with a line and a widget payment method, and the sandbox's counters. */
public final class WidgetTestSupport {

    public static final String RETURN_PAGE = "https://shop.example/checkout/return";

    private WidgetTestSupport() {}

    /** Adds item 1001-1 and selects {@code method}; returns the line id. */
    public static String cartWith(ShopperClient shopper, String method) {
        Reply added = shopper.post("/api/checkout/items/1001-1", null);
        assertThat(added.status()).isEqualTo(200);
        Reply chosen = shopper.put("/api/checkout/payment-methods/" + method, null);
        assertThat(chosen.status()).isEqualTo(200);
        return added.json().at("/selection/items/0/line").asText();
    }

    public static Map<String, Object> paymentBody() {
        return Map.of(
                "paymentReturnPage",
                RETURN_PAGE,
                "paymentFailedPage",
                "https://shop.example/checkout/failed",
                "address",
                Map.of("email", "shopper@example.com", "country", "SE"));
    }

    public static JsonNode sandbox(CentraSandbox sandbox, ShopperClient anyClient, String path) {
        return anyClient.get("http://127.0.0.1:" + sandbox.port() + path).json();
    }

    public static long upstreamCalls(CentraSandbox sandbox, ShopperClient anyClient, String method, String path) {
        JsonNode log = sandbox(sandbox, anyClient, "/sandbox/requests");
        long count = 0;
        for (JsonNode entry : log) {
            if (entry.path("method").asText().equals(method)
                    && entry.path("path").asText().endsWith(path)) {
                count++;
            }
        }
        return count;
    }

    public static JsonNode widgets(Reply reply) {
        return reply.json().path("bff").path("widgets");
    }
}
