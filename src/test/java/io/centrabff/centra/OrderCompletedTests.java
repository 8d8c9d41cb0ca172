package io.centrabff.centra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The one rule for "this answer made the cart an order", which the session's cookies and the cart's state share. */
class OrderCompletedTests {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Test
    void aPaymentResultAnswerWithAnOrderCompletesTheOrder() throws Exception {
        // Centra's documented answer to POST /payment-result (order-flow docs, "Receipt - payment result").
        ObjectNode documented;
        try (InputStream in = getClass().getResourceAsStream("/centra-documented/payment-result.json")) {
            documented = (ObjectNode) JSON.readTree(in).get("example");
        }
        assertThat(documented.path("order").isObject()).isTrue();

        assertThat(answer(200, documented).completesOrder(CentraOperation.PAYMENT_RESULT))
                .isTrue();
        // Older answers put the order's fields at the top level, the order number as "order".
        assertThat(answer(200, object("{\"order\":\"1001\",\"status\":\"untouched\"}"))
                        .completesOrder(CentraOperation.PAYMENT_RESULT))
                .isTrue();
    }

    @Test
    void aPaymentResultAnswerWithoutAnOrderDoesNot() throws Exception {
        // PayPal's opt-in 10486 handling: back to the provider, no order yet.
        assertThat(answer(200, object("{\"action\":\"redirect\",\"url\":\"https://psp.example/again\"}"))
                        .completesOrder(CentraOperation.PAYMENT_RESULT))
                .isFalse();
        assertThat(answer(200, object("{\"token\":\"t\"}")).completesOrder(CentraOperation.PAYMENT_RESULT))
                .isFalse();
        assertThat(answer(
                                400,
                                object(
                                        "{\"errors\":{\"paymentMethod\":\"Payment failed\"},\"order\":{\"order\":\"1\"}}"))
                        .completesOrder(CentraOperation.PAYMENT_RESULT))
                .as("Centra's error, whatever else it carries")
                .isFalse();
    }

    @Test
    void otherOperationsFollowTheirOwnSignals() throws Exception {
        assertThat(answer(200, object("{\"action\":\"success\",\"order\":{\"order\":\"1\"}}"))
                        .completesOrder(CentraOperation.PAYMENT))
                .isTrue();
        assertThat(answer(200, object("{\"action\":\"redirect\",\"url\":\"https://psp.example\"}"))
                        .completesOrder(CentraOperation.PAYMENT))
                .isFalse();
        assertThat(answer(200, object("{\"order\":{\"order\":\"1\"}}")).completesOrder(CentraOperation.SELECTION))
                .isTrue();
        assertThat(answer(200, object("{\"selection\":{\"items\":[]}}")).completesOrder(CentraOperation.SELECTION))
                .isFalse();
        assertThat(answer(200, object("{\"order\":{\"order\":\"1\"}}")).completesOrder(CentraOperation.RECEIPT))
                .as("reading a receipt completes nothing")
                .isFalse();
    }

    private static CentraResponse answer(int status, ObjectNode body) {
        return new CentraResponse(status, body, "sent-token");
    }

    private static ObjectNode object(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }
}
