package io.centrabff.widgets;

import io.centrabff.cart.CartEvents;
import io.centrabff.cart.CartKeys;
import io.centrabff.cart.CartProperties;
import io.centrabff.cart.CartState;
import io.centrabff.cart.CartStates;
import io.centrabff.session.SessionRelay;
import io.centrabff.session.ShopperSession;
import io.centrabff.web.BffException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The event stream for other tabs of a cart, and the widgets' payment signals. */
@RestController
@RequestMapping("${bff.api.base-path:/api/checkout}")
class WidgetsController {

    private final SessionRelay relay;
    private final CartKeys keys;
    private final CartStates states;
    private final CartEvents events;
    private final WidgetAnswers answers;
    private final Clock clock;
    private final CartProperties properties;

    WidgetsController(
            SessionRelay relay,
            CartKeys keys,
            CartStates states,
            CartEvents events,
            WidgetAnswers answers,
            Clock clock,
            CartProperties properties) {
        this.relay = relay;
        this.keys = keys;
        this.states = states;
        this.events = events;
        this.answers = answers;
        this.clock = clock;
        this.properties = properties;
    }

    /** Server-Sent Events for every open tab of the caller's cart; starts with a snapshot (also on reconnect). */
    @GetMapping(path = "/selection/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(HttpServletRequest request) {
        ShopperSession session = relay.session(request);
        String cart = keys.cartOf(session.token());
        // Only for a cart Centra has answered for: a made-up token or cookie opens no stream and creates no state.
        CartState state = cart == null ? null : states.answered(cart);
        if (state == null) {
            throw noSelection();
        }
        // The snapshot reads the cart afresh once this instance receives the cart's events: nothing falls between.
        return events.open(cart, session.clientIp(), () -> answers.snapshot(states.pull(cart)));
    }

    /**
     * A widget reports its payment starting (Qliro {@code onPaymentProcess} start, KCO {@code redirect_initiated}) or
     * ending; while started, cart mutations get 409.
     */
    @PostMapping("/widgets/signal")
    ResponseEntity<JsonNode> signal(HttpServletRequest request, @RequestBody JsonNode body) {
        String cart = keys.cartOf(relay.session(request).token());
        CartState state = cart == null ? null : states.answered(cart);
        if (state == null) {
            throw noSelection();
        }
        String kind = body == null ? "" : body.path("kind").asText("");
        String signal = body == null ? "" : body.path("signal").asText("");
        if (!kind.matches("[A-Za-z0-9_-]{1,32}")) {
            throw invalid("kind", "'kind' must name the widget, e.g. KCO, QLIRO or INGRID");
        }
        switch (signal) {
            case "payment-started" -> {
                state.lock(
                        "widget:" + kind.toUpperCase(Locale.ROOT),
                        clock.instant().plus(properties.paymentLockTimeout()));
                states.pushLock(cart);
                events.publish(cart, "payment-lock", state.event().put("reason", "widget"));
            }
            case "payment-ended" -> {
                state.unlock();
                states.pushLock(cart);
                events.publish(cart, "payment-unlock", state.event());
            }
            default -> throw invalid("signal", "'signal' must be payment-started or payment-ended");
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        WidgetInstructions.attach(out, answers.instructions(state));
        return ResponseEntity.ok(out);
    }

    private static BffException noSelection() {
        return new BffException(
                HttpStatus.NOT_FOUND, "no-selection", "No selection", "The caller has no cart yet", "selection");
    }

    private static BffException invalid(String field, String detail) {
        return new BffException(HttpStatus.BAD_REQUEST, "invalid-body", "Invalid request body", detail, field);
    }
}
