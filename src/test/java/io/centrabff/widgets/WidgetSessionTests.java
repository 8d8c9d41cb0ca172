package io.centrabff.widgets;

import static io.centrabff.widgets.WidgetTestSupport.cartWith;
import static io.centrabff.widgets.WidgetTestSupport.paymentBody;
import static io.centrabff.widgets.WidgetTestSupport.sandbox;
import static io.centrabff.widgets.WidgetTestSupport.upstreamCalls;
import static io.centrabff.widgets.WidgetTestSupport.widgets;
import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.MovableClock;
import io.centrabff.SandboxTest;
import io.centrabff.ShopperClient;
import io.centrabff.ShopperClient.Reply;
import io.centrabff.sandbox.CentraSandbox;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Widget events, KCO session reuse and re-creation, against the embedded sandbox with a movable clock. */
@SandboxTest
class WidgetSessionTests {

    static final Map<String, Object> INGRID_EXPRESS = Map.of(
            "additionalFields",
            Map.of("event", "ingrid_v2_shipping_option_changed", "suspendIgnore", Map.of("ingrid", true)),
            "ingrid",
            Map.of("shippingMethod", "express"));

    @LocalServerPort
    int port;

    @Autowired
    CentraSandbox sandbox;

    @Autowired
    MovableClock clock;

    ShopperClient shopper;

    @BeforeEach
    void newShopper() {
        shopper = new ShopperClient(port);
    }

    @Test
    void tenReloadsOfTheCheckoutCreateNoSecondKlarnaOrder() {
        cartWith(shopper, "klarna-checkout");
        int before = kcoOrders();
        Reply first = shopper.post("/api/checkout/payment", paymentBody());
        assertThat(first.status()).isEqualTo(200);
        // Centra's KCO answer: action and formHtml only (payment-flows), the snippet in Klarna's container.
        assertThat(first.json().path("formHtml").asText()).contains("klarna-checkout-container");
        for (int i = 0; i < 10; i++) {
            Reply reload = shopper.post("/api/checkout/payment", paymentBody());
            assertThat(reload.status()).isEqualTo(200);
            assertThat(reload.json().path("formHtml").asText())
                    .isEqualTo(first.json().path("formHtml").asText());
            assertThat(widgets(reload).at("/sessions/0/status").asText()).isEqualTo("ACTIVE");
        }
        assertThat(kcoOrders() - before).isEqualTo(1);
    }

    @Test
    void klarnaSessionPastItsValidityIsRecreatedExactlyOnce() {
        String line = cartWith(shopper, "klarna-checkout");
        shopper.post("/api/checkout/payment", paymentBody());
        int before = kcoOrders();
        // A change extends the validity: 47 h later it still counts from the change.
        clock.advance(Duration.ofHours(47));
        shopper.post("/api/checkout/lines/" + line + "/quantity/1", null);
        clock.advance(Duration.ofHours(47));
        assertThat(widgets(shopper.get("/api/checkout/selection")).path("reinit"))
                .isEmpty();
        clock.advance(Duration.ofHours(2));

        Reply stale = shopper.get("/api/checkout/selection");
        assertThat(widgets(stale).path("reinit").toString()).isEqualTo("[{\"kind\":\"KCO\",\"how\":\"reload\"}]");
        for (int i = 0; i < 3; i++) {
            assertThat(shopper.post("/api/checkout/payment", paymentBody()).status())
                    .isEqualTo(200);
        }
        assertThat(kcoOrders() - before).isEqualTo(1);
        assertThat(widgets(shopper.get("/api/checkout/selection")).path("reinit"))
                .isEmpty();
    }

    @Test
    void widgetEventIsForwardedVerbatimAndAnsweredResumeOnly() {
        cartWith(shopper, "klarna-checkout");
        Reply answer = shopper.put("/api/checkout/payment-fields", INGRID_EXPRESS);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().at("/selection/shippingMethod").asText()).isEqualTo("express");
        JsonNode events = sandbox(sandbox, shopper, "/sandbox/widget-events").path("events");
        assertThat(events.get(events.size() - 1)
                        .at("/detail/additionalFields/event")
                        .asText())
                .isEqualTo("ingrid_v2_shipping_option_changed");
        JsonNode widgets = widgets(answer);
        assertThat(widgets.has("before"))
                .as("never a suspend for a widget event")
                .isFalse();
        assertThat(widgets.path("after").toString()).isEqualTo("[{\"call\":\"resume\",\"arg\":{\"ingrid\":true}}]");
    }

    @Test
    void identicalWidgetEventInsideTheWindowIsNotForwardedTwice() {
        cartWith(shopper, "klarna-checkout");
        long before = upstreamCalls(sandbox, shopper, "PUT", "/payment-fields");
        Reply first = shopper.put("/api/checkout/payment-fields", INGRID_EXPRESS);
        Reply second = shopper.put("/api/checkout/payment-fields", INGRID_EXPRESS);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(upstreamCalls(sandbox, shopper, "PUT", "/payment-fields") - before)
                .isEqualTo(1);
    }

    private int kcoOrders() {
        return sandbox(sandbox, shopper, "/sandbox/widgets").path("kcoOrders").asInt();
    }
}
