package io.centrabff.widgets;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads widget facts from one Centra answer. Centra sends {@code centraCheckoutScript} only while KCO, Qliro One or
 * Ingrid is active; which ones is told by the payment method or form type and by {@code pluginFields}.
 */
final class WidgetDetector {

    private WidgetDetector() {}

    /** The active widgets, or null when the answer carries no selection to judge by. */
    static Set<WidgetKind> active(JsonNode body) {
        JsonNode selection = body.path("selection");
        if (!selection.isObject()) {
            return null;
        }
        Set<WidgetKind> kinds = EnumSet.noneOf(WidgetKind.class);
        String method = selection.path("paymentMethod").asText("").toLowerCase(Locale.ROOT);
        if (method.contains("klarna-checkout") || method.contains("kco")) {
            kinds.add(WidgetKind.KCO);
        }
        if (method.contains("qliro")) {
            kinds.add(WidgetKind.QLIRO);
        }
        JsonNode plugins = selection.path("pluginFields");
        if (plugins.has("ingrid") || plugins.has("shipwallet")) {
            kinds.add(WidgetKind.INGRID);
        }
        boolean script = selection.path("centraCheckoutScript").isTextual();
        return script || !kinds.isEmpty() ? kinds : EnumSet.noneOf(WidgetKind.class);
    }

    /**
     * The widget a payment-step answer created, or null. Qliro One's answer has {@code formType: "qliro"}; Klarna
     * Checkout's has only {@code action} and {@code formHtml} (payment-flows), so KCO is recognised by Klarna's
     * snippet container in {@code formHtml}.
     */
    static WidgetKind formKind(JsonNode body) {
        String type = body.path("formType").asText("").toLowerCase(Locale.ROOT);
        if (type.startsWith("kco")
                || type.contains("klarna")
                || body.path("formHtml").asText("").contains("klarna-checkout-container")) {
            return WidgetKind.KCO;
        }
        return type.contains("qliro") ? WidgetKind.QLIRO : null;
    }

    static BigDecimal total(JsonNode body) {
        JsonNode total = body.path("selection").path("totals").path("grandTotalPriceAsNumber");
        return total.isNumber() ? total.decimalValue() : null;
    }

    static String currency(JsonNode body) {
        JsonNode currency = body.path("selection").path("currency");
        return currency.isTextual() ? currency.asText() : null;
    }

    /** Qliro One's new snippet when Centra had to replace the session ({@code qliroReplaceSnippet}), or null. */
    static String replacement(JsonNode body) {
        for (JsonNode node : new JsonNode[] {body, body.path("selection")}) {
            if (node.path("qliroReplaceSnippet").asBoolean(false)
                    && node.path("paymentHTML").isTextual()) {
                return node.path("paymentHTML").asText();
            }
        }
        return null;
    }

    /** The script's hint which widget raised an event, echoed unchanged into resume. */
    static JsonNode suspendIgnore(JsonNode detail) {
        JsonNode ignore =
                detail == null ? null : detail.path("additionalFields").get("suspendIgnore");
        return ignore;
    }
}
