package io.centrabff.widgets;

import io.centrabff.cart.CartAnswers;
import io.centrabff.cart.CartEvents;
import io.centrabff.cart.CartKeys;
import io.centrabff.cart.CartState;
import io.centrabff.cart.CartStates;
import io.centrabff.centra.CentraGateway;
import io.centrabff.centra.CentraOperation;
import io.centrabff.centra.CentraRequest;
import io.centrabff.centra.CentraResponse;
import io.centrabff.session.RelayAnswer;
import io.centrabff.session.ShopperSession;
import io.centrabff.widgets.WidgetInstructions.Answer;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Turns Centra's answers into widget state, pushed events and the {@code bff.widgets} block of the response. */
final class WidgetAnswers implements CartAnswers {

    private final CartKeys keys;
    private final CartStates states;
    private final CartEvents events;
    private final CentraGateway gateway;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final WidgetsProperties properties;
    private final WidgetDetector detector;

    WidgetAnswers(
            CartKeys keys,
            CartStates states,
            CartEvents events,
            CentraGateway gateway,
            ObjectMapper mapper,
            Clock clock,
            WidgetsProperties properties) {
        this.detector = new WidgetDetector(properties.kcoPaymentMethods(), properties.qliroPaymentMethods());
        this.keys = keys;
        this.states = states;
        this.events = events;
        this.gateway = gateway;
        this.mapper = mapper;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public boolean suspended(CartState state) {
        return !WidgetSession.of(state).active().isEmpty();
    }

    /** A read of the selection: state refreshed, instructions for the next change, nothing to do now. */
    @Override
    public RelayAnswer read(String cart, RelayAnswer relayed) {
        cart = relayed.centra() == null ? null : follow(cart, relayed.centra());
        if (cart == null) {
            return relayed;
        }
        CartState state = states.of(cart);
        observe(state, relayed.centra().body());
        attach(state, relayed.body(), Answer.READ, false, null, null);
        return relayed;
    }

    /** A mutation Centra answered (successfully or with its own errors). */
    @Override
    public Mono<RelayAnswer> mutated(
            String cart,
            ShopperSession session,
            CentraOperation operation,
            JsonNode request,
            boolean suspended,
            RelayAnswer relayed) {
        CentraResponse centra = relayed.centra();
        String current = centra == null ? null : follow(cart, centra);
        if (current == null) {
            return Mono.just(relayed);
        }
        CartState state = states.of(current);
        WidgetSession widgets = WidgetSession.of(state);
        Instant now = clock.instant();
        JsonNode body = relayed.body();
        Mono<JsonNode> truth;
        if (centra.isSuccess()) {
            state.mutated();
            if (operation == CentraOperation.PAYMENT && WidgetDetector.formKind(body) == WidgetKind.KCO) {
                widgets.kcoCreated(now);
            } else {
                widgets.kcoTouched(now);
            }
            if (centra.completesOrder(operation)) {
                state.completed();
                widgets.completed();
            }
            truth = Mono.just(body);
        } else {
            if (operation == CentraOperation.PAYMENT && widgets.active().contains(WidgetKind.KCO)) {
                widgets.kcoFailed();
            }
            // Centra's error may not carry the selection: re-read it so the widgets resume with Centra's real total.
            // Only while widgets show a total: for other carts a second call to Centra would tell nothing.
            truth = body.path("selection").isObject() || widgets.active().isEmpty()
                    ? Mono.just(body)
                    : reread(centra.token(), session, null);
        }
        String replacement = WidgetDetector.replacement(body);
        return truth.map(selection -> {
            observe(state, selection);
            JsonNode ignore =
                    operation == CentraOperation.PAYMENT_FIELDS ? WidgetDetector.suspendIgnore(request) : null;
            Answer answer = operation == CentraOperation.PAYMENT_FIELDS ? Answer.WIDGET_EVENT : Answer.MUTATION;
            ObjectNode instructions = attach(state, body, answer, suspended, ignore, replacement);
            publishAfter(current, state, instructions, ignore);
            return relayed;
        });
    }

    /** The BFF's own error (Centra unreachable, bad answer): problem+json plus the instructions to resume. */
    @Override
    public Mono<RelayAnswer> failed(
            String cart,
            ShopperSession session,
            CentraOperation operation,
            JsonNode request,
            ErrorResponseException error) {
        CartState state = states.of(cart);
        WidgetSession widgets = WidgetSession.of(state);
        if (operation == CentraOperation.PAYMENT && widgets.active().contains(WidgetKind.KCO)) {
            widgets.kcoFailed();
        }
        Mono<JsonNode> truth = widgets.active().isEmpty()
                ? Mono.just(JsonNodeFactory.instance.objectNode())
                : reread(session.token(), session, error);
        return truth.map(selection -> {
            observe(state, selection);
            ObjectNode body = mapper.valueToTree(error.getBody());
            JsonNode ignore =
                    operation == CentraOperation.PAYMENT_FIELDS ? WidgetDetector.suspendIgnore(request) : null;
            Answer answer = operation == CentraOperation.PAYMENT_FIELDS ? Answer.WIDGET_EVENT : Answer.MUTATION;
            ObjectNode instructions = attach(state, body, answer, true, ignore, null);
            publishAfter(cart, state, instructions, ignore);
            return problem(error, body);
        });
    }

    /**
     * A change refused before it reached Centra (409 {@code cart-busy}, {@code payment-in-progress}): the storefront
     * suspended the widgets for it, so the answer says to resume them.
     */
    @Override
    public RelayAnswer refused(String cart, ErrorResponseException error, JsonNode request) {
        CartState state = states.of(cart);
        ObjectNode body = mapper.valueToTree(error.getBody());
        attach(state, body, Answer.MUTATION, suspended(state), WidgetDetector.suspendIgnore(request), null);
        return problem(error, body);
    }

    /**
     * A kept answer replayed for a retry under the same Idempotency-Key: Centra's part as first answered, the
     * instructions as of now (the storefront suspended for the retry and must resume; a reload is not asked twice).
     */
    @Override
    public RelayAnswer replayed(String cart, RelayAnswer kept) {
        CartState state = states.of(cart);
        attach(state, kept.body(), Answer.MUTATION, suspended(state), null, null);
        return kept;
    }

    private static RelayAnswer problem(ErrorResponseException error, ObjectNode body) {
        return RelayAnswer.own(error.getStatusCode(), error.getHeaders(), MediaType.APPLICATION_PROBLEM_JSON, body);
    }

    /** Current state as the first event of a new stream. */
    ObjectNode snapshot(CartState state) {
        ObjectNode data = state.event();
        data.set(
                "widgets",
                WidgetInstructions.build(
                        state, Answer.SNAPSHOT, false, null, null, clock.instant(), properties.kcoValidity()));
        return data;
    }

    ObjectNode instructions(CartState state) {
        return WidgetInstructions.build(
                state, Answer.SNAPSHOT, false, null, null, clock.instant(), properties.kcoValidity());
    }

    private void publishAfter(String cart, CartState state, ObjectNode widgets, JsonNode ignore) {
        widgets.path("replace").forEach(replace -> events.publish(cart, "replace", ((ObjectNode) replace).deepCopy()));
        if (!widgets.path("reinit").isEmpty()) {
            events.publish(
                    cart,
                    "reload",
                    state.event().set("reinit", widgets.get("reinit").deepCopy()));
        }
        ObjectNode resume = state.event();
        resume.set("suspendIgnore", ignore);
        events.publish(cart, "resume", resume);
    }

    private ObjectNode attach(
            CartState state, JsonNode body, Answer answer, boolean wasActive, JsonNode ignore, String replacement) {
        ObjectNode widgets = WidgetInstructions.build(
                state, answer, wasActive, ignore, replacement, clock.instant(), properties.kcoValidity());
        WidgetInstructions.attach(body, widgets);
        return widgets;
    }

    private void observe(CartState state, JsonNode body) {
        WidgetSession widgets = WidgetSession.of(state);
        widgets.paymentMethod(WidgetDetector.paymentMethod(body));
        Set<WidgetKind> active = detector.active(body, widgets.kcoMethod());
        if (active != null) {
            state.answeredByCentra();
            widgets.active(active);
            state.totals(WidgetDetector.total(body), WidgetDetector.currency(body));
        }
    }

    /** At most one read, within the failed change's budget and never past its open breaker (the gateway's rule). */
    private Mono<JsonNode> reread(String token, ShopperSession session, Throwable failure) {
        if (token == null) {
            return Mono.just(JsonNodeFactory.instance.objectNode());
        }
        return gateway.followUp(
                        CentraRequest.forSession(CentraOperation.SELECTION, token, null, session.correlationId()),
                        failure)
                .<JsonNode>map(CentraResponse::body)
                .onErrorReturn(JsonNodeFactory.instance.objectNode());
    }

    private String follow(String cart, CentraResponse centra) {
        String token = centra.token();
        if (cart == null) {
            return keys.cartOf(token);
        }
        if (token != null && centra.tokenChanged()) {
            keys.follow(cart, token);
        }
        return cart;
    }
}
