package io.centrabff.sandbox;

import io.centrabff.sandbox.Catalog.PaymentMethod;
import io.centrabff.sandbox.CheckoutRoutes.Access;
import io.centrabff.sandbox.SandboxSelection.PendingPayment;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The payment step (§4). Validation failures and declines answer 406 with {@code errors} (Centra documents no
 * status for them); stock failures 410.
 */
final class PaymentEndpoints {

    private static final Pattern US_ZIP = Pattern.compile("\\d{5}(-\\d{4})?");

    /** Methods whose provider authorises before payment-result, where aggressive mode re-checks stock (overselling). */
    private static final Set<String> AUTHORISED_BEFORE_RESULT = Set.of("adyen-drop-in", "stripe-checkout");

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
        if (selection.lines.isEmpty() && selection.giftCertificate == null) {
            throw SandboxError.notAcceptable("selection", "empty");
        }
        String method = selection.paymentMethod;
        PaymentMethod paymentMethod = Catalog.paymentMethod(method).orElseThrow();
        boolean initiateOnly = body.path("paymentInitiateOnly").asBoolean(false) && paymentMethod.initiateOnly();
        if (!initiateOnly) {
            validate(selection, paymentMethod);
        }
        Orders.checkStock(call);
        // Not part of any answer: tests read it through GET /sandbox/payments.
        call.state().recordPayment(selection, body.path("ipAddress").asText(null));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        PendingPayment widgetPending = new PendingPayment(method, null, null, returnPage, failedPage);
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
            case "klarna-checkout" -> {
                // Only action and formHtml for Klarna Checkout: no formType (payment-flows, selections-and-orders).
                selection.pendingPayment = widgetPending;
                out.put("action", "form");
                out.put(
                        "formHtml",
                        call.state()
                                .widgets
                                .createOrder(selection, method, call.state().port()));
            }
            case "qliro-one" -> {
                selection.pendingPayment = widgetPending;
                out.put("action", "form");
                out.put("formType", "qliro");
                out.put(
                        "formHtml",
                        call.state()
                                .widgets
                                .createOrder(selection, method, call.state().port()));
            }
            case "adyen-drop-in" -> {
                selection.pendingPayment = widgetPending;
                if (initiateOnly) {
                    adyenForm(selection, body, returnPage, out);
                } else {
                    adyenAction(out);
                }
            }
            case "paypal-commerce" -> {
                selection.pendingPayment = widgetPending;
                String id = SandboxSelection.randomHex(8).toUpperCase(Locale.ROOT);
                out.put("action", "form");
                out.put("formType", "paypal_commerce");
                out.putObject("formFields").put("id", id);
                out.put("formHtml", "<div id=\"paypal-button-" + id + "\"></div>");
            }
            case "stripe-checkout" -> {
                selection.pendingPayment = widgetPending;
                out.put("action", "form");
                out.put("formHtml", "<script id='stripe_" + SandboxSelection.randomHex(6) + "'></script>");
                out.put("formType", "stripe-checkout");
                out.putObject("formFields")
                        .put("sessionId", "cs_test_" + SandboxSelection.randomHex(8))
                        .put("publishableKey", "pk_test_sandbox")
                        .put("externalScript", "https://js.stripe.com/v3/");
            }
            case "stripe-payment-intents" -> {
                selection.pendingPayment = widgetPending;
                SelectionTotals totals = SelectionTotals.of(selection);
                ObjectNode parameters = JsonNodeFactory.instance
                        .objectNode()
                        .put(
                                "totalAmount",
                                totals.grandTotal().movePointRight(2).intValue())
                        .put("currency", selection.currency().toLowerCase(Locale.ROOT))
                        .put("country", selection.country)
                        .put("returnUrl", returnPage);
                out.put("action", "form");
                out.put(
                        "formHtml",
                        "<script type=\"application/json\" id=\"stripe-parameters\">" + parameters + "</script>");
                out.put("formType", "stripe-payment-intents");
                out.putObject("formFields")
                        .put("publishableKey", "pk_test_sandbox")
                        .put("stripeParameters", parameters.toString())
                        .put("externalScript", "https://js.stripe.com/v3/")
                        .put("clientSecret", "pi_" + SandboxSelection.randomHex(8) + "_secret");
            }
            case "dummy" -> {
                // A provider that takes a form POST (order-flow "Inject payment details"): it lands on the return page.
                selection.pendingPayment = widgetPending;
                String id = "form-" + SandboxSelection.randomHex(16);
                out.put("action", "form");
                out.put(
                        "formHtml",
                        "<form id=\"" + id + "\" action=\"" + html(returnPage)
                                + "\" accept-charset=\"UTF-8\" method=\"post\">"
                                + "<input type=\"hidden\" name=\"trans\" value=\"" + SandboxSelection.randomHex(16)
                                + "\" /><noscript><input type=\"submit\" /></noscript><script>document.getElementById('"
                                + id + "').submit();</script></form>");
            }
            case "external-payment" -> {
                selection.pendingPayment = widgetPending;
                out.put("action", "external");
                out.put("selection", selection.id);
            }
            case "invoice" -> {
                Orders.complete(call);
                out.put("action", "success");
                out.setAll(Orders.paymentAnswer(call));
            }
            case "declined-card" -> throw declined();
            default -> {
                out.put("action", "failed");
                out.put("url", failedPage);
            }
        }
        return out;
    }

    /** The initiating call of Adyen's drop-in (adyen-drop-in "Example implementation"). */
    private static void adyenForm(SandboxSelection selection, ObjectNode body, String returnPage, ObjectNode out) {
        out.put("action", "form");
        out.put("formType", "adyen-drop-in");
        ObjectNode fields = out.putObject("formFields");
        ArrayNode groups = fields.putObject("paymentMethodData").putArray("groups");
        groups.addObject().put("name", "Credit Card").put("type", "scheme");
        groups.addObject().put("name", "PayPal").put("type", "paypal");
        fields.put("returnUrl", returnPage);
        fields.put("paymentMethod", selection.paymentMethod);
        fields.put("locale", selection.language + "_" + selection.country);
        fields.put("environment", "test");
        fields.put("clientKey", "test_SANDBOX");
        if (body.path("address").isObject()) {
            fields.set("addressData", SelectionJson.address(selection.address, selection.country));
        } else {
            fields.putNull("addressData");
        }
        out.put("formHtml", "<div id=\"adyen-drop-in-container\"></div>");
    }

    /** The drop-in's follow-up answer: the storefront runs {@code code} or passes {@code formFields} to the widget. */
    private static void adyenAction(ObjectNode out) {
        out.put("action", "javascript");
        out.put("formType", "adyen-drop-in");
        ObjectNode action = out.putObject("formFields").putObject("action");
        action.put("paymentData", SandboxSelection.randomHex(8));
        action.put("paymentMethodType", "paypal");
        action.putObject("sdkData")
                .put("token", "EC-" + SandboxSelection.randomHex(8).toUpperCase(Locale.ROOT));
        action.put("type", "sdk");
        out.put(
                "code",
                "document.dispatchEvent(new CustomEvent('centra_checkout_payment_response'," + "{detail:"
                        + out.get("formFields") + "}));");
    }

    /** payment-flows "Error": {@code errors.paymentMethod: "failed"} and {@code messages}; the status is ours. */
    private static SandboxError declined() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("messages").add("The card was declined by the payment provider.");
        body.putObject("errors").put("paymentMethod", "failed");
        body.put("message", "The card was declined by the payment provider.");
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
            String message = "PayPal needs paymentId and PayerID exactly as sent to the return page.";
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("code", "PAYMENT_VERIFICATION_FAILED");
            body.put("message", message);
            body.putArray("messages").add(message);
            body.putObject("errors").put("paymentMethod", "PAYMENT_VERIFICATION_FAILED");
            throw new SandboxError(406, body);
        }
        if (call.state().aggressiveOverselling() && AUTHORISED_BEFORE_RESULT.contains(pending.method())) {
            SelectionTotals totals = SelectionTotals.of(selection);
            ObjectNode cancellation = JsonNodeFactory.instance.objectNode();
            Money.put(cancellation, "grandTotalPrice", totals.grandTotal(), selection.currency());
            cancellation.put("currency", selection.currency());
            Orders.checkStock(call, cancellation);
        }
        Orders.complete(call);
        return Orders.paymentAnswer(call);
    }

    private static ObjectNode receipt(Call call) {
        if (!call.selection().completed()) {
            throw SandboxError.notFound("order", "not found");
        }
        return Orders.paymentAnswer(call);
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

    /**
     * What {@code POST /payment} checks before it starts a payment: a shippable country, the terms and the address
     * fields {@code paymentFields} marks required, and US zip codes (the sandbox taxes US orders per zip code).
     * Widget methods that collect the address themselves (Klarna Checkout, Qliro One) need only the country.
     */
    private static void validate(SandboxSelection selection, PaymentMethod method) {
        if (!Catalog.country(selection.country).orElseThrow().shipTo()) {
            throw SandboxError.notAcceptable("country", "not shippable");
        }
        ObjectNode address = SelectionJson.address(selection.address, selection.country);
        if (method.addressAfterPayment()) {
            return;
        }
        ObjectNode required = StoreJson.paymentFields();
        if (required.at("/termsAndConditions/required").asBoolean()
                && !selection.fields.path("termsAndConditions").asBoolean(false)) {
            throw SandboxError.notAcceptable("termsAndConditions", "must be true");
        }
        required.path("address").properties().forEach(field -> {
            if (field.getValue().path("required").asBoolean()
                    && address.path(field.getKey()).asText("").isBlank()) {
                throw SandboxError.notAcceptable("address." + field.getKey(), "required");
            }
        });
        if ("US".equals(address.path("country").asText())
                && !US_ZIP.matcher(address.path("zipCode").asText("")).matches()) {
            throw SandboxError.notAcceptable(
                    "zipcode", "For taxes applied for the United States, the Zip Code must be a valid US Zip Code.");
        }
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
