package io.centrabff.widgets;

import io.centrabff.cart.CartState;
import io.centrabff.widgets.WidgetSession.SessionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the {@code bff.widgets} block added to selection responses: which widgets are active (so the storefront
 * suspends before its next change) and what to do after this answer, in order.
 */
final class WidgetInstructions {

    /** What the answer was to. */
    enum Answer {
        /** A read of the selection: nothing to resume. */
        READ,
        /** A cart change, its error, its refusal (409) or its replay: resume what was suspended. */
        MUTATION,
        /** A widget event forwarded from the CheckoutScript, which suspended the widgets itself. */
        WIDGET_EVENT,
        /** The current instructions for a new event stream or a signal: never consumes a reload. */
        SNAPSHOT
    }

    private WidgetInstructions() {}

    /**
     * @param wasActive whether the storefront, following the previous answer, suspended the widgets before this change
     */
    static ObjectNode build(
            CartState state,
            Answer answer,
            boolean wasActive,
            JsonNode suspendIgnore,
            String replacement,
            Instant now,
            Duration kcoValidity) {
        WidgetSession session = WidgetSession.of(state);
        Set<WidgetKind> active = session.active();
        ObjectNode widgets = JsonNodeFactory.instance.objectNode();
        ArrayNode kinds = widgets.putArray("active");
        active.forEach(kind -> kinds.add(kind.name()));
        widgets.put("cartVersion", state.cartVersion());
        // For the storefront's next change, whatever this answer was to (a widget event's answer included: the next
        // change must be suspended too). The storefront never suspends inside the widget-event handler itself.
        if (!active.isEmpty()) {
            widgets.put("before", "suspend");
        }
        ArrayNode after = widgets.putArray("after");
        if (answer == Answer.MUTATION || answer == Answer.WIDGET_EVENT) {
            if (active.contains(WidgetKind.QLIRO) && state.total() != null) {
                // Qliro One compares its order total with the global totalPrice on resume (Centra's recipe).
                after.addObject().put("set", "totalPrice").put("value", state.total());
            }
            // Resume what the storefront suspended (it followed the previous answer), and what the script suspended
            // itself for a widget event.
            if (wasActive || answer == Answer.WIDGET_EVENT) {
                after.addObject().put("call", "resume").set("arg", suspendIgnore);
            }
        }
        ArrayNode replace = widgets.putArray("replace");
        if (replacement != null) {
            replace.addObject().put("kind", WidgetKind.QLIRO.name()).put("html", replacement);
        }
        ArrayNode reinit = widgets.putArray("reinit");
        if (active.contains(WidgetKind.KCO) && answer != Answer.SNAPSHOT && session.takeReinit(now, kcoValidity)) {
            // Klarna must not be re-initialised inside a live page; a reload re-runs the payment step. Asked for once
            // per Klarna order, so a payment step that keeps failing cannot reload the page in a loop.
            reinit.addObject().put("kind", WidgetKind.KCO.name()).put("how", "reload");
        }
        SessionStatus kco = session.kcoStatus(now, kcoValidity);
        widgets.put("paymentLocked", state.lockedFor(now) != null);
        if (state.total() != null) {
            widgets.putObject("total").put("value", state.total()).put("currency", state.currency());
        }
        ArrayNode sessions = widgets.putArray("sessions");
        if (kco != SessionStatus.NONE) {
            Instant expires = session.kcoExpiresAt(kcoValidity);
            sessions.addObject()
                    .put("kind", WidgetKind.KCO.name())
                    .put("status", kco.name())
                    .put("expiresAt", expires == null ? null : expires.toString());
        }
        return widgets;
    }

    /** Adds {@code widgets} as {@code bff.widgets} to {@code body}; Centra's own fields stay as they are. */
    static void attach(JsonNode body, ObjectNode widgets) {
        if (body instanceof ObjectNode object) {
            JsonNode bff = object.get("bff");
            ObjectNode target = bff instanceof ObjectNode existing ? existing : object.putObject("bff");
            target.set("widgets", widgets);
        }
    }
}
