package io.centrabff.widgets;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads widget facts from one Centra answer, from the signals Centra documents: the selected payment method's
 * {@code paymentMethods[].paymentMethodType} (Centra documents {@code qliro}; other types per plugin), the payment
 * step's {@code formType} where Centra sends one and Klarna's snippet in {@code formHtml} (Centra's KCO answer has
 * no {@code formType}), {@code centraCheckoutScript} (sent only while KCO, Qliro One or Ingrid is active), Ingrid in
 * {@code pluginFields}, and {@code qliroReplaceSnippet} with {@code paymentHTML}. Merchants whose payment-method ids
 * and types say nothing list their ids in {@code bff.widgets.kco-payment-methods} and
 * {@code bff.widgets.qliro-payment-methods}.
 */
final class WidgetDetector {

    private final Set<String> kcoMethods;
    private final Set<String> qliroMethods;

    WidgetDetector(List<String> kcoMethods, List<String> qliroMethods) {
        this.kcoMethods = lower(kcoMethods);
        this.qliroMethods = lower(qliroMethods);
    }

    /**
     * The active widgets, or null when the answer carries no selection to judge by.
     *
     * @param knownKco the payment method whose payment step answered with a Klarna snippet before, or null
     */
    Set<WidgetKind> active(JsonNode body, String knownKco) {
        JsonNode selection = body.path("selection");
        if (!selection.isObject()) {
            return null;
        }
        Set<WidgetKind> kinds = EnumSet.noneOf(WidgetKind.class);
        String id = selection.path("paymentMethod").asText("");
        WidgetKind payment = paymentKind(id, typeOf(body, id));
        if (payment == null && !id.isEmpty() && id.equals(knownKco)) {
            payment = WidgetKind.KCO;
        }
        if (payment != null) {
            kinds.add(payment);
        }
        JsonNode plugins = selection.path("pluginFields");
        if (plugins.has("ingrid") || plugins.has("shipwallet")) {
            kinds.add(WidgetKind.INGRID);
        }
        if (kinds.isEmpty() && selection.path("centraCheckoutScript").isTextual()) {
            // Centra sends the script only while a widget it drives is active; suspend and resume apply to all.
            kinds.add(WidgetKind.OTHER);
        }
        return kinds;
    }

    /**
     * The widget a payment-step answer created, or null. Qliro One's answer has {@code formType: "qliro"}; Klarna
     * Checkout's has only {@code action} and {@code formHtml} (payment-flows), so KCO is recognised by Klarna's
     * snippet in {@code formHtml}.
     */
    static WidgetKind formKind(JsonNode body) {
        String type = body.path("formType").asText("").toLowerCase(Locale.ROOT);
        String html = body.path("formHtml").asText("");
        if (type.contains("qliro") || html.contains("qliro")) {
            return WidgetKind.QLIRO;
        }
        if (type.contains("klarna")
                || type.startsWith("kco")
                || html.contains("klarna-checkout-container")
                || html.contains("_klarnaCheckout")) {
            return WidgetKind.KCO;
        }
        return null;
    }

    private WidgetKind paymentKind(String id, String type) {
        String method = id.toLowerCase(Locale.ROOT);
        if (kcoMethods.contains(method) || klarnaCheckout(type) || klarnaCheckout(method)) {
            return WidgetKind.KCO;
        }
        if (qliroMethods.contains(method) || type.contains("qliro") || method.contains("qliro")) {
            return WidgetKind.QLIRO;
        }
        return null;
    }

    private static boolean klarnaCheckout(String value) {
        return value.contains("klarna-checkout")
                || value.contains("klarna_checkout")
                || value.contains("kco")
                || value.contains("kustom");
    }

    /** The {@code paymentMethodType} Centra lists for payment method {@code id}, lower case, or "". */
    private static String typeOf(JsonNode body, String id) {
        for (JsonNode method : body.path("paymentMethods")) {
            if (id.equals(method.path("paymentMethod").asText())) {
                return method.path("paymentMethodType").asText("").toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }

    static BigDecimal total(JsonNode body) {
        JsonNode total = body.path("selection").path("totals").path("grandTotalPriceAsNumber");
        return total.isNumber() ? total.decimalValue() : null;
    }

    static String currency(JsonNode body) {
        JsonNode currency = body.path("selection").path("currency");
        return currency.isTextual() ? currency.asText() : null;
    }

    static String paymentMethod(JsonNode body) {
        JsonNode method = body.path("selection").path("paymentMethod");
        return method.isTextual() ? method.asText() : null;
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
        return detail == null ? null : detail.path("additionalFields").get("suspendIgnore");
    }

    private static Set<String> lower(List<String> ids) {
        return ids.stream().map(id -> id.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
    }
}
