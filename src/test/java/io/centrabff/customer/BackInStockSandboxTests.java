package io.centrabff.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.SandboxTest;
import io.centrabff.ShopperClient;
import io.centrabff.ShopperClient.Reply;
import io.centrabff.sandbox.CentraSandbox;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code POST /back-in-stock-subscription} through the BFF against the embedded sandbox. */
@SandboxTest
class BackInStockSandboxTests {

    @LocalServerPort
    int port;

    @Autowired
    CentraSandbox sandbox;

    @Test
    void subscriptionReachesCentraWithTheSessionsLanguage() {
        ShopperClient shopper = new ShopperClient(port);
        shopper.put("/api/checkout/languages/sv", null);

        Reply subscribed = shopper.post(
                "/api/checkout/back-in-stock-subscription",
                Map.of("item", "1004-1", "shipTo", Map.of("country", "SE"), "email", "waiting@example.com"));

        assertThat(subscribed.status()).as(subscribed.text()).isEqualTo(200);
        assertThat(subscribed.json().path("subscribed").asBoolean()).isTrue();
        assertThat(subscribed.json().has("token"))
                .as("cookie mode keeps the token out of bodies")
                .isFalse();
        JsonNode last = lastSubscription(shopper);
        assertThat(last.path("item").asText()).isEqualTo("1004-1");
        assertThat(last.path("email").asText()).isEqualTo("waiting@example.com");
        assertThat(last.path("country").asText()).isEqualTo("SE");
        assertThat(last.path("language").asText()).as("taken from the session").isEqualTo("sv");
    }

    @Test
    void centrasErrorsPassThroughAndAMissingItemNeverLeavesTheBff() {
        ShopperClient shopper = new ShopperClient(port);

        Reply unknownItem = shopper.post(
                "/api/checkout/back-in-stock-subscription",
                Map.of("item", "no-such-item", "shipTo", Map.of("country", "SE"), "email", "a@example.com"));
        Reply stateMissing = shopper.post(
                "/api/checkout/back-in-stock-subscription",
                Map.of("item", "1004-1", "shipTo", Map.of("country", "US"), "email", "a@example.com"));
        Reply noItem =
                shopper.post("/api/checkout/back-in-stock-subscription", Map.of("shipTo", Map.of("country", "SE")));

        assertThat(unknownItem.status()).isEqualTo(404);
        assertThat(unknownItem.json().at("/errors/item").asText()).isEqualTo("product item not found");
        assertThat(stateMissing.status()).isEqualTo(406);
        assertThat(stateMissing.json().path("errors").has("shipTo.state")).isTrue();
        assertThat(noItem.status()).isEqualTo(400);
        assertThat(noItem.header("Content-Type")).startsWith("application/problem+json");
        assertThat(noItem.json().path("errors").has("item")).isTrue();
    }

    private JsonNode lastSubscription(ShopperClient anyClient) {
        JsonNode list = anyClient
                .get("http://127.0.0.1:" + sandbox.port() + "/sandbox/back-in-stock")
                .json()
                .path("subscriptions");
        return list.get(list.size() - 1);
    }
}
