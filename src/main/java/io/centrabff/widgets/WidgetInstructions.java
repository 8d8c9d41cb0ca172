package io.centrabff.widgets;

import io.centrabff.widgets.CartWidgetState.SessionStatus;
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
        READ,
        MUTATION,
        WIDGET_EVENT
    }

    private WidgetInstructions() {}

    static ObjectNode build(
            CartWidgetState state,
            Answer answer,
            boolean wasActive,
            JsonNode suspendIgnore,
            String replacement,
            Instant now,
            Duration kcoValidity) {
        Set<WidgetKind> active = state.active();
        ObjectNode widgets = JsonNodeFactory.instance.objectNode();
        ArrayNode kinds = widgets.putArray("active");
        active.forEach(kind -> kinds.add(kind.name()));
        widgets.put("cartVersion", state.cartVersion());
        // Never a suspend for a widget event's answer: the script suspended itself, and an extra suspend hangs KCO.
        if (!active.isEmpty() && answer != Answer.WIDGET_EVENT) {
            widgets.put("before", "suspend");
        }
        ArrayNode after = widgets.putArray("after");
        if (answer != Answer.READ) {
            if (active.contains(WidgetKind.QLIRO) && state.total() != null) {
                // Qliro One compares its order total with the global totalPrice on resume (Centra's recipe).
                after.addObject().put("set", "totalPrice").put("value", state.total());
            }
            // Resume only what the storefront was told to suspend; the script suspended itself for widget events.
            if (wasActive || answer == Answer.WIDGET_EVENT) {
                after.addObject().put("call", "resume").set("arg", suspendIgnore);
            }
        }
        ArrayNode replace = widgets.putArray("replace");
        if (replacement != null) {
            replace.addObject().put("kind", WidgetKind.QLIRO.name()).put("html", replacement);
        }
        ArrayNode reinit = widgets.putArray("reinit");
        SessionStatus kco = state.kcoStatus(now, kcoValidity);
        if (active.contains(WidgetKind.KCO) && (kco == SessionStatus.EXPIRED || kco == SessionStatus.FAILED)) {
            // Klarna must not be re-initialised inside a live page; a reload re-runs the payment step once.
            reinit.addObject().put("kind", WidgetKind.KCO.name()).put("how", "reload");
        }
        widgets.put("paymentLocked", state.lockedFor(now) != null);
        if (state.total() != null) {
            widgets.putObject("total").put("value", state.total()).put("currency", state.currency());
        }
        ArrayNode sessions = widgets.putArray("sessions");
        if (kco != SessionStatus.NONE) {
            Instant expires = state.kcoExpiresAt(kcoValidity);
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
