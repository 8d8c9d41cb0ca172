package io.centrabff.widgets;

import static io.centrabff.centra.CentraOperation.PAYMENT;
import static io.centrabff.centra.CentraOperation.PAYMENT_FIELDS;
import static io.centrabff.centra.CentraOperation.PAYMENT_RESULT;
import static io.centrabff.centra.CentraOperation.SELECTION;

import io.centrabff.centra.CentraOperation;
import io.centrabff.session.RelayHook;
import io.centrabff.session.ShopperSession;
import io.centrabff.web.BffException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Runs every mutation of a cart inside the cart's lane, one at a time in arrival order, and answers with the widget
 * instructions on every path: Centra's answer or error, a replay for a repeated Idempotency-Key or widget event, and
 * 409 while the cart is busy or a payment is in progress. The lane queues work, not threads. {@code POST /payment}
 * always reaches Centra: Centra keeps the Klarna or Qliro order of a selection itself.
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

    /**
     * The operations that change a cart and therefore run in its lane and answer with widget instructions, named one
     * by one. Customer operations (register, login, logout, password, account) are not among them: they neither wait
     * for the cart nor carry {@code bff.widgets}.
     */
    static final Set<CentraOperation> CART_CHANGES = EnumSet.of(
            CentraOperation.ADD_ITEM,
            CentraOperation.ADD_ITEM_QUANTITY,
            CentraOperation.ADD_GIFT_CERTIFICATE,
            CentraOperation.ADD_GIFT_CERTIFICATE_AMOUNT,
            CentraOperation.ADD_BUNDLE,
            CentraOperation.SET_SELECTION_CONTEXT,
            CentraOperation.UPDATE_ITEMS,
            CentraOperation.INCREASE_LINE,
            CentraOperation.INCREASE_LINE_BY,
            CentraOperation.SET_LINE_QUANTITY,
            CentraOperation.DECREASE_LINE_BY,
            CentraOperation.REMOVE_LINE,
            CentraOperation.SET_COUNTRY,
            CentraOperation.SET_COUNTRY_STATE,
            CentraOperation.SET_LANGUAGE,
            CentraOperation.SET_PAYMENT_METHOD,
            CentraOperation.SET_SHIPPING_METHOD,
            CentraOperation.ADD_VOUCHER,
            CentraOperation.REMOVE_VOUCHER,
            PAYMENT_FIELDS,
            PAYMENT,
            PAYMENT_RESULT);

    static boolean mutation(CentraOperation operation) {
        return CART_CHANGES.contains(operation);
    }

    @Override
    public Mono<ResponseEntity<JsonNode>> around(
            ShopperSession session, CentraOperation operation, JsonNode body, Call call) {
        String cart = keys.cartOf(session.token());
        if (!mutation(operation) && operation != SELECTION) {
            // Not a cart change, but a token Centra replaces (e.g. on login) must keep naming the same cart.
            return call.run().map(relayed -> {
                if (cart != null && relayed.centra().tokenChanged()) {
                    keys.follow(cart, relayed.centra().token());
                }
                return relayed.response();
            });
        }
        if (!mutation(operation)) {
            if (cart != null) {
                states.pull(cart);
            }
            return call.run().map(relayed -> answers.read(cart, relayed));
        }
        String requestHash = WidgetReplies.requestHash(session.method(), session.path(), body);
        if (cart == null) {
            // The first call creates the session: no cart yet that another request could change. Its key is scoped
            // to the caller's address, so a retry after a lost answer gets the same new cart, and nobody else does.
            String key = WidgetReplies.idempotencyKey(
                    session.clientIp() == null ? null : "new:" + session.clientIp(), session.idempotencyKey());
            ResponseEntity<JsonNode> replay = replies.replay(key, requestHash);
            if (replay != null) {
                return Mono.just(replay);
            }
            return call.run()
                    .flatMap(relayed -> answers.mutated(null, session, operation, body, false, relayed)
                            .doOnNext(response -> {
                                // Share the new cart at once, so a tab on another instance finds it.
                                String created = keys.cartOf(relayed.centra().token());
                                if (created != null) {
                                    states.push(created);
                                }
                            }))
                    .doOnNext(response -> replies.remember(key, requestHash, response));
        }
        String key = WidgetReplies.idempotencyKey(cart, session.idempotencyKey());
        return Mono.defer(() -> {
                    ResponseEntity<JsonNode> replay = replies.replay(key, requestHash);
                    if (replay != null) {
                        return Mono.just(answers.replayed(cart, replay));
                    }
                    refuseWhileLocked(states.pull(cart), operation);
                    return lock.enter(cart).flatMap(lease -> Mono.defer(
                                    () -> inLane(cart, session, operation, body, call, key, requestHash))
                            .doFinally(signal -> leave(cart, lease)));
                })
                .onErrorResume(
                        ErrorResponseException.class,
                        error -> isRefusal(error) ? Mono.just(answers.refused(cart, error, body)) : Mono.error(error));
    }

    /**
     * Refusals of a change that never reached Centra (409 cart busy or payment in progress, 422 Idempotency-Key
     * reused): the storefront suspended for it and must be told to resume.
     */
    private static boolean isRefusal(ErrorResponseException error) {
        int status = error.getStatusCode().value();
        return status == HttpStatus.CONFLICT.value() || status == HttpStatus.UNPROCESSABLE_CONTENT.value();
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
            ShopperSession session,
            CentraOperation operation,
            JsonNode body,
            Call call,
            String key,
            String requestHash) {
        CartWidgetState state = states.pull(cart);
        // Whoever waited in the lane behind the first of a double click gets the first one's answer.
        ResponseEntity<JsonNode> replay = replies.replay(key, requestHash);
        if (replay != null) {
            return Mono.just(answers.replayed(cart, replay));
        }
        refuseWhileLocked(state, operation);
        String eventKey = operation == PAYMENT_FIELDS ? WidgetReplies.eventKey(cart, body, state.cartVersion()) : null;
        ResponseEntity<JsonNode> repeated = eventKey == null ? null : replies.event(eventKey);
        if (repeated != null) {
            return Mono.just(repeated);
        }
        boolean wasActive = !state.active().isEmpty();
        Instant now = clock.instant();
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
                        ErrorResponseException.class, error -> answers.failed(cart, session, operation, body, error))
                .doOnNext(response -> {
                    replies.remember(key, requestHash, response);
                    if (operation == PAYMENT_FIELDS) {
                        replies.rememberEvent(WidgetReplies.eventKey(cart, body, state.cartVersion()), response);
                    }
                })
                .doOnTerminate(unlock)
                .doOnCancel(unlock);
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
}
