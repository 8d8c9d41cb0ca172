package io.centrabff.cart;

import static io.centrabff.widgets.WidgetTestSupport.cartWith;
import static io.centrabff.widgets.WidgetTestSupport.widgets;
import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.SandboxTest;
import io.centrabff.ShopperClient;
import io.centrabff.ShopperClient.Reply;
import io.centrabff.centra.CentraOperation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Per-cart serialization, instructions, idempotency and the payment lock, against the embedded sandbox. */
@SandboxTest
class CartRelayTests {

    @LocalServerPort
    int port;

    @Autowired
    CartEvents events;

    @Autowired
    CartKeys keys;

    ShopperClient shopper;

    @BeforeEach
    void newShopper() {
        shopper = new ShopperClient(port);
    }

    @Test
    void fiftyConcurrentQuantityChangesEndExactAndSuspendResumeStrictlyAlternate() throws Exception {
        String line = cartWith(shopper, "klarna-checkout");
        String cart = keys.cartOf(shopper.cookie("centra-session"));
        int before = events.log(cart).size();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                replies.add(pool.submit(() -> shopper.post("/api/checkout/lines/" + line + "/quantity/1", null)));
            }
            Set<Long> versions = new HashSet<>();
            for (Future<Reply> reply : replies) {
                Reply answer = reply.get();
                assertThat(answer.status()).isEqualTo(200);
                versions.add(widgets(answer).path("cartVersion").asLong());
            }
            assertThat(versions).as("each mutation got its own cart version").hasSize(50);
        } finally {
            pool.shutdownNow();
        }
        Reply selection = shopper.get("/api/checkout/selection");
        assertThat(selection.json().at("/selection/items/0/quantity").asInt()).isEqualTo(51);
        List<String> record = events.log(cart).subList(before, events.log(cart).size()).stream()
                .map(CartEvents.Event::name)
                .filter(name -> name.equals("suspend") || name.equals("resume"))
                .toList();
        assertThat(record).hasSize(100);
        for (int i = 0; i < record.size(); i++) {
            assertThat(record.get(i)).as("event %d", i).isEqualTo(i % 2 == 0 ? "suspend" : "resume");
        }
    }

    @Test
    void everySelectionResponseSaysWhatToDoAroundTheChange() {
        String line = cartWith(shopper, "klarna-checkout");
        Reply changed = shopper.put("/api/checkout/lines/" + line + "/quantity/3", null);
        JsonNode widgets = widgets(changed);
        assertThat(widgets.path("active").toString()).contains("KCO").contains("INGRID");
        assertThat(widgets.path("before").asText()).isEqualTo("suspend");
        assertThat(widgets.path("after").toString()).isEqualTo("[{\"call\":\"resume\",\"arg\":null}]");
        assertThat(widgets.at("/total/value").decimalValue())
                .isEqualByComparingTo(changed.json()
                        .at("/selection/totals/grandTotalPriceAsNumber")
                        .decimalValue());
        assertThat(changed.json().at("/selection/centraCheckoutScript").isTextual())
                .as("Centra's fields untouched")
                .isTrue();

        Reply qliro = shopper.put("/api/checkout/payment-methods/qliro-one", null);
        JsonNode after = widgets(qliro).path("after");
        assertThat(after.get(0).path("set").asText()).isEqualTo("totalPrice");
        assertThat(after.get(0).path("value").decimalValue())
                .isEqualByComparingTo(qliro.json()
                        .at("/selection/totals/grandTotalPriceAsNumber")
                        .decimalValue());
        assertThat(after.get(1).path("call").asText()).isEqualTo("resume");

        Reply read = shopper.get("/api/checkout/selection");
        assertThat(widgets(read).path("after")).isEmpty();
        assertThat(widgets(read).path("before").asText()).isEqualTo("suspend");
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswer() {
        String line = cartWith(shopper, "invoice");
        Reply first = shopper.post("/api/checkout/lines/" + line + "/quantity/2", null, "Idempotency-Key", "click-1");
        Reply again = shopper.post("/api/checkout/lines/" + line + "/quantity/2", null, "Idempotency-Key", "click-1");
        assertThat(again.status()).isEqualTo(first.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        Reply selection = shopper.get("/api/checkout/selection");
        assertThat(selection.json().at("/selection/items/0/quantity").asInt()).isEqualTo(3);
    }

    @Test
    void mutationWhilePaymentIsInProgressGets409UntilItEnds() {
        String line = cartWith(shopper, "qliro-one");
        Reply started =
                shopper.post("/api/checkout/widgets/signal", Map.of("kind", "QLIRO", "signal", "payment-started"));
        assertThat(started.status()).isEqualTo(200);
        assertThat(widgets(started).path("paymentLocked").asBoolean()).isTrue();

        Reply refused = shopper.post("/api/checkout/lines/" + line + "/quantity/1", null);
        assertProblem(refused, 409);
        assertThat(refused.json().path("type").asText()).endsWith(":payment-in-progress");
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertProblem(shopper.post("/api/checkout/vouchers", Map.of("voucher", "FREESHIP")), 409);

        shopper.post("/api/checkout/widgets/signal", Map.of("kind", "QLIRO", "signal", "payment-ended"));
        Reply allowed = shopper.post("/api/checkout/lines/" + line + "/quantity/1", null);
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(widgets(allowed).path("paymentLocked").asBoolean()).isFalse();
    }

    @Test
    void customerOperationsNeitherWaitForTheCartNorCarryWidgetInstructions() {
        cartWith(shopper, "qliro-one");
        // A payment in progress refuses every cart change; a customer operation is not one.
        shopper.post("/api/checkout/widgets/signal", Map.of("kind", "QLIRO", "signal", "payment-started"));
        String email = "cart-relay-" + System.nanoTime() + "@example.com";
        Reply registered = shopper.post(
                "/api/checkout/register",
                Map.of("email", email, "password", "correct horse battery", "firstName", "A", "lastName", "B"));
        assertThat(registered.status()).as(registered.text()).isEqualTo(200);
        assertThat(registered.json().path("bff").path("widgets").isMissingNode())
                .as("no bff.widgets on a customer answer")
                .isTrue();
        Reply loggedOut = shopper.post("/api/checkout/logout", null);
        assertThat(loggedOut.status()).as(loggedOut.text()).isEqualTo(200);
        assertThat(loggedOut.json().path("bff").path("widgets").isMissingNode()).isTrue();
        assertThat(Arrays.stream(CentraOperation.values()).filter(CentraOperation::changesCart))
                .as("customer operations do not change the cart")
                .doesNotContain(
                        CentraOperation.REGISTER,
                        CentraOperation.LOGIN,
                        CentraOperation.LOGOUT,
                        CentraOperation.UPDATE_PASSWORD,
                        CentraOperation.PASSWORD_RESET);
    }

    static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("errors").isObject()).isTrue();
    }
}
