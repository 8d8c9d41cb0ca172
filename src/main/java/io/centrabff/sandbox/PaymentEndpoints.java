package io.centrabff.sandbox;

import io.centrabff.sandbox.CheckoutRoutes.Access;
import io.centrabff.sandbox.SandboxSelection.PendingPayment;
import java.net.URI;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The payment step (§4). Validation failures and declines answer 406 with {@code errors} (Centra documents no
 * status for them); stock failures 410.
 */
final class PaymentEndpoints {

    private PaymentEndpoints() {}

    static void register(CheckoutRoutes routes) {
        routes.add("POST", "payment", Access.CART, PaymentEndpoints::payment)
                .add("POST", "payment-result", Access.CART, PaymentEndpoints::paymentResult)
                .add("GET", "receipt", Access.OPEN, PaymentEndpoints::receipt);
    }

    private static ObjectNode payment(Call call) {
        ObjectNode body = call.object();
        SandboxSelection selection = call.selection();
        if (body.hasNonNull("paymentMethod")) {
            selection.paymentMethod = Catalog.paymentMethod(
                            body.get("paymentMethod").asText())
                    .orElseThrow(() -> SandboxError.notAcceptable("paymentMethod", "not valid"))
                    .id();
        }
        PaymentFieldsEndpoints.merge(selection, body);
        String returnPage = absoluteUrl(body, "paymentReturnPage");
        String failedPage = absoluteUrl(body, "paymentFailedPage");
        if (selection.lines.isEmpty()) {
            throw SandboxError.notAcceptable("selection", "empty");
        }
        boolean initiateOnly = body.path("paymentInitiateOnly").asBoolean(false);
        if (!initiateOnly) {
            requireAddress(selection);
        }
        Orders.checkStock(call);
        selection.ipAddress = body.path("ipAddress").asText(null);
        String method = selection.paymentMethod;
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        switch (method) {
            case "paypal" -> {
                String paymentId = "PAY-" + SandboxSelection.randomHex(10).toUpperCase(Locale.ROOT);
                String payerId = SandboxSelection.randomHex(6).toUpperCase(Locale.ROOT);
                PendingPayment pending = new PendingPayment(method, paymentId, payerId, returnPage, failedPage);
                String ref = SandboxSelection.randomHex(12);
                call.state().pspPayments.put(ref, pending);
                selection.pendingPayment = pending;
                out.put("action", "redirect");
                out.put("url", call.state().pspBaseUrl() + "/paypal?ref=" + ref);
                out.put("orderId", paymentId);
            }
            case "klarna-checkout", "qliro-one" -> {
                selection.pendingPayment = new PendingPayment(method, null, null, returnPage, failedPage);
                out.put("action", "form");
                if ("qliro-one".equals(method)) {
                    out.put("formType", "qliro");
                }
                out.put(
                        "formHtml",
                        call.state()
                                .widgets
                                .createOrder(selection, method, call.state().port()));
            }
            case "adyen-drop-in" -> {
                selection.pendingPayment = new PendingPayment(method, null, null, returnPage, failedPage);
                out.put("action", "javascript");
                out.put("formType", "adyen-drop-in");
                out.put(
                        "code",
                        "window.dispatchEvent(new CustomEvent('centra_checkout_payment_response',"
                                + "{detail:{action:{type:'authorised'}}}));");
            }
            case "external-payment" -> {
                selection.pendingPayment = new PendingPayment(method, null, null, returnPage, failedPage);
                out.put("action", "external");
                out.put("selection", selection.id);
            }
            case "invoice" -> {
                Orders.complete(call);
                out.put("action", "success");
                out.setAll(SelectionJson.response(call));
            }
            case "declined-card" -> throw declined();
            default -> {
                out.put("action", "failed");
                out.put("url", failedPage);
            }
        }
        return out;
    }

    private static SandboxError declined() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("errors").put("paymentMethod", "declined");
        body.put("message", "The card was declined by the payment provider.");
        body.putArray("messages").add("The card was declined by the payment provider.");
        body.put("code", "CARD_DECLINED");
        return new SandboxError(406, body);
    }

    /**
     * Finishes the payment. For PayPal the return-page parameters must arrive untouched: {@code paymentId} and
     * {@code PayerID} with that exact casing, as Centra forwards them to the PSP for verification.
     */
    private static ObjectNode paymentResult(Call call) {
        SandboxSelection selection = call.selection();
        PendingPayment pending = selection.pendingPayment;
        if (pending == null) {
            throw SandboxError.notAcceptable("paymentMethod", "no payment in progress");
        }
        JsonNode fields = call.object().path("paymentMethodFields");
        if (!fields.isObject()) {
            throw SandboxError.badRequest("paymentMethodFields", "required");
        }
        if ("paypal".equals(pending.method())
                && (!pending.paymentId().equals(fields.path("paymentId").asText())
                        || !pending.payerId().equals(fields.path("PayerID").asText()))) {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.putObject("errors").put("paymentMethod", "payment could not be verified");
            body.put("message", "PayPal needs paymentId and PayerID exactly as sent to the return page.");
            throw new SandboxError(406, body);
        }
        Orders.complete(call);
        return SelectionJson.response(call);
    }

    private static ObjectNode receipt(Call call) {
        if (!call.selection().completed()) {
            throw SandboxError.notFound("order", "not found");
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("order", call.selection().order);
        return out;
    }

    private static String absoluteUrl(ObjectNode body, String field) {
        String value = body.path(field).asText("");
        try {
            URI uri = URI.create(value);
            if (uri.isAbsolute() && uri.getScheme().startsWith("http") && uri.getHost() != null) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the Centra-style error below
        }
        throw SandboxError.notAcceptable(field, "required, absolute URL");
    }

    private static void requireAddress(SandboxSelection selection) {
        if (!Catalog.country(selection.country).orElseThrow().shipTo()) {
            throw SandboxError.notAcceptable("country", "not shippable");
        }
        // The address country defaults to the selection's country, as in the rendered selection.
        ObjectNode address = SelectionJson.address(selection.address, selection.country);
        for (String field : new String[] {"country", "email"}) {
            if (address.path(field).asText("").isBlank()) {
                throw SandboxError.notAcceptable("address." + field, "required");
            }
        }
    }
}
