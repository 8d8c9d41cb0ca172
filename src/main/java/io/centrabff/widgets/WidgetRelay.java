package io.centrabff.widgets;

import static io.centrabff.centra.CentraOperation.PAYMENT;
import static io.centrabff.centra.CentraOperation.PAYMENT_FIELDS;
import static io.centrabff.centra.CentraOperation.PAYMENT_RESULT;
import static io.centrabff.centra.CentraOperation.SELECTION;

import io.centrabff.centra.CentraOperation;
import io.centrabff.centra.OperationClass;
import io.centrabff.session.RelayHook;
import io.centrabff.session.ShopperSession;
import io.centrabff.web.BffException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs every mutation of a cart inside the cart's lane, one at a time in arrival order, and answers with the widget
 * instructions: replays for repeated Idempotency-Keys and widget events, the stored KCO form for reloads while the
 * Klarna order is fresh, 409 while a payment is in progress.
 */
final class WidgetRelay implements RelayHook {

    private final CartKeys keys;
    private final CartLock lock;
    private final WidgetStates states;
    private final WidgetReplies replies;
    private final CartEvents events;
    private final WidgetAnswers answers;
    private final Clock clock;
    private final WidgetsProperties properties;

    WidgetRelay(
            CartKeys keys,
            CartLock lock,
            WidgetStates states,
            WidgetReplies replies,
            CartEvents events,
            WidgetAnswers answers,
            Clock clock,
            WidgetsProperties properties) {
        this.keys = keys;
        this.lock = lock;
        this.states = states;
        this.replies = replies;
        this.events = events;
        this.answers = answers;
        this.clock = clock;
        this.properties = properties;
    }

    static boolean mutation(CentraOperation operation) {
        return operation == PAYMENT
                || operation == PAYMENT_RESULT
                || (operation.operationClass() == OperationClass.CART && !operation.read());
    }

    @Override
    public Mono<ResponseEntity<JsonNode>> around(
            ShopperSession session, CentraOperation operation, JsonNode body, Call call) {
        if (!mutation(operation) && operation != SELECTION) {
            return call.run().map(Relayed::response);
        }
        String cart = keys.cartOf(session.token());
        if (!mutation(operation)) {
            if (cart != null) {
                states.pull(cart);
            }
            return call.run().map(relayed -> answers.read(cart, relayed));
        }
        if (cart == null) {
            // The first call creates the session: there is no cart yet that another request could change.
            return call.run().flatMap(relayed -> answers.mutated(null, session, operation, body, false, relayed));
        }
        CartWidgetState state = states.pull(cart);
        String idempotencyKey = WidgetReplies.idempotencyKey(cart, header("Idempotency-Key"));
        ResponseEntity<JsonNode> replay = replies.replay(idempotencyKey);
        if (replay != null) {
            return Mono.just(replay);
        }
        refuseWhileLocked(state, operation);
        CartLock.Lease lease = lock.enter(cart);
        if (lease.threadBound() != null) {
            // A Redis lease is released by the thread that took it: the mutation runs to its end on this thread. The
            // Centra time limits end it long before the lease; the bound is a last resort.
            try {
                states.pull(cart);
                return Mono.justOrEmpty(inLane(cart, state, session, operation, body, call, idempotencyKey)
                        .timeout(lease.threadBound(), Mono.error(WidgetRelay::outlivedLease))
                        .block());
            } catch (RuntimeException e) {
                return Mono.error(e);
            } finally {
                leave(cart, lease);
            }
        }
        try {
            return inLane(cart, state, session, operation, body, call, idempotencyKey)
                    .doFinally(signal -> leave(cart, lease));
        } catch (RuntimeException e) {
            leave(cart, lease);
            throw e;
        }
    }

    /** Shares the state the mutation left (fenced by the lease) and lets the next mutation of the cart in. */
    private void leave(String cart, CartLock.Lease lease) {
        try {
            states.push(cart);
        } finally {
            lease.close();
        }
    }

    private Mono<ResponseEntity<JsonNode>> inLane(
            String cart,
            CartWidgetState state,
            ShopperSession session,
            CentraOperation operation,
            JsonNode body,
            Call call,
            String idempotencyKey) {
        // Whoever waited in the lane behind the first of a double click gets the first one's answer.
        ResponseEntity<JsonNode> replay = replies.replay(idempotencyKey);
        if (replay != null) {
            return Mono.just(replay);
        }
        refuseWhileLocked(state, operation);
        String eventKey = operation == PAYMENT_FIELDS ? WidgetReplies.eventKey(cart, body, state.cartVersion()) : null;
        ResponseEntity<JsonNode> repeated = eventKey == null ? null : replies.event(eventKey);
        if (repeated != null) {
            return Mono.just(repeated);
        }
        Instant now = clock.instant();
        if (operation == PAYMENT
                && state.active().contains(WidgetKind.KCO)
                && state.kcoStatus(now, properties.kcoValidity()) == CartWidgetState.SessionStatus.ACTIVE
                && state.kcoForm() != null) {
            // A reload of the checkout: Centra's payment step would create a second Klarna order.
            return Mono.just(answers.storedForm(cart, state));
        }
        boolean wasActive = !state.active().isEmpty();
        if (operation == PAYMENT_RESULT) {
            state.lock("payment-result", now.plus(properties.paymentLockTimeout()));
            states.pushLock(cart);
            events.publish(cart, "payment-lock", answers.event(state).put("reason", "payment-result"));
        }
        // Before the answer goes out (not after, as doFinally would), so the lease still holds while it runs.
        Runnable unlock = () -> {
            if (operation == PAYMENT_RESULT && "payment-result".equals(state.lockedFor(clock.instant()))) {
                state.unlock();
                states.pushLock(cart);
                events.publish(cart, "payment-unlock", answers.event(state));
            }
        };
        events.publish(cart, "suspend", answers.event(state));
        return call.run()
                .flatMap(relayed -> answers.mutated(cart, session, operation, body, wasActive, relayed))
                .onErrorResume(
                        org.springframework.web.ErrorResponseException.class,
                        error -> answers.failed(cart, session, operation, body, error))
                .doOnNext(response -> {
                    replies.remember(idempotencyKey, response);
                    if (operation == PAYMENT_FIELDS) {
                        replies.rememberEvent(WidgetReplies.eventKey(cart, body, state.cartVersion()), response);
                    }
                })
                .doOnTerminate(unlock)
                .doOnCancel(unlock);
    }

    private static BffException outlivedLease() {
        return new BffException(
                HttpStatus.SERVICE_UNAVAILABLE,
                "cart-operation-timeout",
                "Cart change took too long",
                "The change did not finish while this instance held the cart; read the cart before trying again",
                "selection",
                Duration.ofSeconds(1),
                null);
    }

    private void refuseWhileLocked(CartWidgetState state, CentraOperation operation) {
        if (operation != PAYMENT_RESULT && state.lockedFor(clock.instant()) != null) {
            throw new BffException(
                    HttpStatus.CONFLICT,
                    "payment-in-progress",
                    "Payment in progress",
                    "The cart cannot change while its payment is in progress",
                    "selection",
                    Duration.ofSeconds(5),
                    null);
        }
    }

    private static String header(String name) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getHeader(name);
        }
        return null;
    }

    static ObjectNode copyOf(JsonNode body) {
        return body instanceof ObjectNode object ? object.deepCopy() : null;
    }
}
