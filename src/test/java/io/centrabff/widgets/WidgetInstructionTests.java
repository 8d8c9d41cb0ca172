package io.centrabff.widgets;

import static io.centrabff.widgets.WidgetSessionTests.INGRID_EXPRESS;
import static io.centrabff.widgets.WidgetTestSupport.cartWith;
import static io.centrabff.widgets.WidgetTestSupport.paymentBody;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A storefront that follows every answer's {@code bff.widgets} block ends with its widgets resumed and showing the
 * cart's total, on every path: after widget events, refusals, replays, country changes and expired Klarna orders.
 */
@SandboxTest
class WidgetInstructionTests {

    private static final Pattern ORDER = Pattern.compile("/sandbox/widgets/kco\\?order=([0-9a-f]+)");

    @LocalServerPort
    int port;

    @Autowired
    CentraSandbox sandbox;

    @Autowired
    MovableClock clock;

    ShopperClient shopper;

    /** What a storefront following the contract has done to its widgets. */
    static final class Storefront {
        boolean suspendNext;
        boolean suspended;

        /** Before a change: suspend when the last answer said so. */
        void beforeChange() {
            if (suspendNext) {
                suspended = true;
            }
        }

        /** After any answer: run {@code after}, remember {@code before} for the next change. */
        void follow(Reply reply) {
            JsonNode widgets = widgets(reply);
            assertThat(widgets.isObject())
                    .as("every answer to a change carries bff.widgets")
                    .isTrue();
            for (JsonNode step : widgets.path("after")) {
                if ("resume".equals(step.path("call").asText())) {
                    suspended = false;
                }
            }
            suspendNext = "suspend".equals(widgets.path("before").asText());
        }

        /** A widget event: the CheckoutScript suspends the widgets itself. */
        void widgetEvent() {
            suspended = true;
        }
    }

    @BeforeEach
    void newShopper() {
        shopper = new ShopperClient(port);
    }

    @Test
    void ingridThenChangeEndsWithASuspendedThenResumedKlarnaShowingTheCartTotal() {
        Storefront storefront = new Storefront();
        cartWith(shopper, "klarna-checkout");
        storefront.follow(shopper.get("/api/checkout/selection"));
        Reply payment = shopper.post("/api/checkout/payment", paymentBody());
        storefront.follow(payment);
        String order = order(payment);

        storefront.widgetEvent();
        Reply event = shopper.put("/api/checkout/payment-fields", INGRID_EXPRESS);
        assertThat(event.status()).isEqualTo(200);
        storefront.follow(event);
        assertThat(storefront.suspended).isFalse();
        assertThat(storefront.suspendNext)
                .as("the change after a widget event is suspended")
                .isTrue();

        storefront.beforeChange();
        assertThat(storefront.suspended).isTrue();
        Reply added = shopper.post("/api/checkout/items/1001-1", null);
        assertThat(added.status()).isEqualTo(200);
        storefront.follow(added);

        assertThat(storefront.suspended).as("KCO resumed").isFalse();
        var total = added.json().at("/selection/totals/grandTotalPriceAsNumber").decimalValue();
        assertThat(widgets(added).at("/total/value").decimalValue()).isEqualByComparingTo(total);
        JsonNode klarna = shopper.get("http://127.0.0.1:" + sandbox.port() + "/sandbox/widgets/kco?order=" + order)
                .json();
        assertThat(klarna.path("total").decimalValue())
                .as("Klarna shows the cart's total")
                .isEqualByComparingTo(total);
    }

    @Test
    void conflictAnswersTellTheStorefrontToResume() {
        Storefront storefront = new Storefront();
        String line = cartWith(shopper, "qliro-one");
        storefront.follow(shopper.get("/api/checkout/selection"));
        shopper.post("/api/checkout/widgets/signal", Map.of("kind", "QLIRO", "signal", "payment-started"));

        storefront.beforeChange();
        assertThat(storefront.suspended).isTrue();
        Reply refused = shopper.post("/api/checkout/lines/" + line + "/quantity/1", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("type").asText()).endsWith(":payment-in-progress");
        storefront.follow(refused);
        assertThat(storefront.suspended).isFalse();
        assertThat(widgets(refused).path("paymentLocked").asBoolean()).isTrue();
    }

    @Test
    void paymentAfterACountryChangeReachesCentra() {
        cartWith(shopper, "klarna-checkout");
        assertThat(shopper.post("/api/checkout/payment", paymentBody()).status())
                .isEqualTo(200);
        long before = upstreamCalls(sandbox, shopper, "POST", "/payment");
        assertThat(shopper.put("/api/checkout/countries/DE", null).status()).isEqualTo(200);
        Map<String, Object> german = Map.of(
                "paymentReturnPage",
                WidgetTestSupport.RETURN_PAGE,
                "paymentFailedPage",
                "https://shop.example/checkout/failed",
                "address",
                Map.of("email", "shopper@example.com", "country", "DE"));
        Reply again = shopper.post("/api/checkout/payment", german);
        assertThat(again.status()).isEqualTo(200);
        assertThat(upstreamCalls(sandbox, shopper, "POST", "/payment") - before).isEqualTo(1);
    }

    @Test
    void anExpiredKlarnaOrderWithAFailingPaymentStepReloadsAtMostOnce() {
        cartWith(shopper, "klarna-checkout");
        assertThat(shopper.post("/api/checkout/payment", paymentBody()).status())
                .isEqualTo(200);
        // Norway is sold to but not shipped to: Centra's payment step fails from now on.
        assertThat(shopper.put("/api/checkout/countries/NO", null).status()).isEqualTo(200);
        clock.advance(Duration.ofHours(49));
        int reloads = 0;
        for (int pageLoad = 0; pageLoad < 10; pageLoad++) {
            reloads += widgets(shopper.get("/api/checkout/selection"))
                    .path("reinit")
                    .size();
            Reply payment = shopper.post("/api/checkout/payment", paymentBody());
            assertThat(payment.status()).isEqualTo(406);
            reloads += widgets(payment).path("reinit").size();
        }
        assertThat(reloads).isEqualTo(1);
    }

    @Test
    void aTokenRotationKeepsThePaymentLockAndTheCartVersion() {
        String line = cartWith(shopper, "qliro-one");
        String before = shopper.cookie("centra-session");
        long version = widgets(shopper.get("/api/checkout/selection"))
                .path("cartVersion")
                .asLong();
        shopper.post("/api/checkout/widgets/signal", Map.of("kind", "QLIRO", "signal", "payment-started"));
        sandbox.rotateNextResponse();
        Reply rotated = shopper.get("/api/checkout/selection");
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(shopper.cookie("centra-session")).isNotEqualTo(before);
        assertThat(widgets(rotated).path("paymentLocked").asBoolean()).isTrue();
        assertThat(widgets(rotated).path("cartVersion").asLong()).isEqualTo(version);

        Reply refused = shopper.post("/api/checkout/lines/" + line + "/quantity/1", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("type").asText()).endsWith(":payment-in-progress");
    }

    @Test
    void anIdempotencyKeyReusedForAnotherRequestGets422() {
        String line = cartWith(shopper, "klarna-checkout");
        Reply first = shopper.post("/api/checkout/lines/" + line + "/quantity/2", null, "Idempotency-Key", "k-1");
        assertThat(first.status()).isEqualTo(200);
        Reply replay = shopper.post("/api/checkout/lines/" + line + "/quantity/2", null, "Idempotency-Key", "k-1");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("selection")).isEqualTo(first.json().path("selection"));
        assertThat(widgets(replay).path("after").toString()).contains("resume");

        Reply other = shopper.post("/api/checkout/lines/" + line + "/quantity/5", null, "Idempotency-Key", "k-1");
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.header("Content-Type")).startsWith("application/problem+json");
        assertThat(other.json().path("type").asText()).endsWith(":idempotency-key-reused");
        assertThat(widgets(other).path("after").toString()).contains("resume");
        Reply voucher = shopper.post("/api/checkout/vouchers", Map.of("voucher", "A"), "Idempotency-Key", "k-2");
        Reply otherVoucher = shopper.post("/api/checkout/vouchers", Map.of("voucher", "B"), "Idempotency-Key", "k-2");
        assertThat(otherVoucher.status()).as("same path, another body").isEqualTo(422);
        assertThat(voucher.status()).isNotEqualTo(422);
        assertThat(shopper.get("/api/checkout/selection")
                        .json()
                        .at("/selection/items/0/quantity")
                        .asInt())
                .isEqualTo(3);
    }

    @Test
    void aCallerWithoutASessionDoesNotBypassTheKey() {
        Reply first = shopper.post("/api/checkout/items/1001-1", null, "Idempotency-Key", "first-add");
        assertThat(first.status()).isEqualTo(200);
        ShopperClient retry = new ShopperClient(port);
        Reply again = retry.post("/api/checkout/items/1001-1", null, "Idempotency-Key", "first-add");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("selection").path("items").size()).isEqualTo(1);
        assertThat(again.header("Set-Cookie"))
                .as("the retry gets the same new cart")
                .isEqualTo(first.header("Set-Cookie"));
        assertThat(shopper.get("/api/checkout/selection")
                        .json()
                        .at("/selection/items/0/quantity")
                        .asInt())
                .isEqualTo(1);
        Reply otherItem =
                new ShopperClient(port).post("/api/checkout/items/1002-1", null, "Idempotency-Key", "first-add");
        assertThat(otherItem.status()).isEqualTo(422);
    }

    private static String order(Reply payment) {
        Matcher matcher = ORDER.matcher(payment.json().path("formHtml").asText());
        assertThat(matcher.find())
                .as("the sandbox's Klarna snippet names its order")
                .isTrue();
        return matcher.group(1);
    }
}
