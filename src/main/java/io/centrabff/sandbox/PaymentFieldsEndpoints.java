package io.centrabff.sandbox;

import io.centrabff.sandbox.CheckoutRoutes.Access;
import java.util.Iterator;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code PUT /payment-fields} (addresses, consents, forwarded widget events) and {@code POST /address-search}. */
final class PaymentFieldsEndpoints {

    private static final Set<String> ADDRESSES = Set.of("address", "shippingAddress");
    private static final Set<String> FLAGS = Set.of(
            "termsAndConditions", "newsletter", "additionalNotes", "cartAbandonmentEmail", "consents", "giftMessage");

    private PaymentFieldsEndpoints() {}

    static void register(CheckoutRoutes routes) {
        routes.add("PUT", "payment-fields", Access.CART, PaymentFieldsEndpoints::paymentFields)
                .add("POST", "address-search", Access.OPEN, PaymentFieldsEndpoints::addressSearch);
    }

    /**
     * Known checkout fields are merged into the selection. Anything else is a {@code centra_checkout_callback} detail
     * the storefront forwarded verbatim (W1): Centra would hand it to the widget's plugin; the sandbox records it
     * for {@code GET /sandbox/widget-events}.
     */
    private static ObjectNode paymentFields(Call call) {
        ObjectNode body = call.object();
        boolean widgetEvent = false;
        for (Iterator<String> names = body.propertyNames().iterator(); names.hasNext(); ) {
            String name = names.next();
            widgetEvent |= !ADDRESSES.contains(name) && !FLAGS.contains(name);
        }
        if (widgetEvent) {
            call.state().widgets.recordEvent(call.selection(), body.deepCopy());
        }
        merge(call.selection(), body);
        SandboxWidgets.apply(call.selection(), body);
        return SelectionJson.response(call);
    }

    /** Merges the address objects and the simple checkout flags of a request body into the selection. */
    static void merge(SandboxSelection selection, ObjectNode body) {
        mergeAddress(selection.address, body.path("address"));
        mergeAddress(selection.shippingAddress, body.path("shippingAddress"));
        for (String flag : FLAGS) {
            if (body.has(flag)) {
                selection.fields.set(flag, body.get(flag));
            }
        }
    }

    private static void mergeAddress(ObjectNode target, JsonNode source) {
        if (source instanceof ObjectNode object) {
            object.properties().forEach(field -> {
                if (field.getValue().isValueNode()) {
                    target.set(field.getKey(), field.getValue());
                }
            });
        }
    }

    /** Klarna's Swedish test person; real Centra asks Klarna for the address behind the identity number. */
    private static ObjectNode addressSearch(Call call) {
        if (call.object().path("identityNumber").asText("").isBlank()) {
            throw SandboxError.badRequest("identityNumber", "required");
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.putObject("address")
                .put("firstName", "Testperson-se")
                .put("lastName", "Approved")
                .put("address1", "Stårgatan 1")
                .put("zipCode", "12345")
                .put("city", "Ankeborg")
                .put("country", "SE");
        return out;
    }
}
