package io.centrabff.cart;

import static io.centrabff.centra.CentraOperation.PAYMENT_FIELDS;
import static io.centrabff.centra.CentraOperation.PAYMENT_RESULT;

import io.centrabff.centra.CentraOperation;
import io.centrabff.session.RelayAnswer;
import io.centrabff.session.RelayCall;
import io.centrabff.session.RelayInterceptor;
import io.centrabff.session.ShopperSession;
import io.centrabff.web.BffException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.core.annotation.Order;
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
@Order(CartRelay.ORDER)
final class CartRelay implements RelayInterceptor {

    /** Outermost: the cart's lane, replays and refusals come before anything else sees the call. */
    static final int ORDER = 0;

    private final CartKeys keys;
    private final CartLock lock;
    private final CartStates states;
    private final CartReplies replies;
    private final CartEvents events;
    private final CartAnswers answers;
    private final Clock clock;
    private final CartProperties properties;

    CartRelay(
            CartKeys keys,
            CartLock lock,
            CartStates states,
            CartReplies replies,
            CartEvents events,
            CartAnswers answers,
            Clock clock,
            CartProperties properties) {
        this.keys = keys;
        this.lock = lock;
        this.states = states;
        this.replies = replies;
        this.events = events;
        this.answers = answers;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public Mono<RelayAnswer> around(RelayCall relayCall, Chain call) {
        ShopperSession session = relayCall.session();
        CentraOperation operation = relayCall.operation();
        JsonNode body = relayCall.body();
        String cart = keys.cartOf(session.token());
        if (operation.cart() == CentraOperation.Cart.NONE) {
            // Not a cart change, but a token Centra replaces (e.g. on login) must keep naming the same cart.
            return call.proceed().doOnNext(answer -> {
                if (cart != null && answer.centra() != null && answer.centra().tokenChanged()) {
                    keys.follow(cart, answer.centra().token());
                }
            });
        }
        if (!operation.changesCart()) {
            if (cart != null) {
                states.pull(cart);
            }
            return call.proceed().map(answer -> answers.read(cart, answer));
        }
        String requestHash = CartReplies.requestHash(session.method(), session.path(), body);
        if (cart == null) {
            // The first call creates the session: no cart yet that another request could change. Its key is scoped
            // to the caller's address, so a retry after a lost answer gets the same new cart, and nobody else does.
            String key = CartReplies.idempotencyKey(
                    session.clientIp() == null ? null : "new:" + session.clientIp(), session.idempotencyKey());
            return replies.replay(key, requestHash).map(RelayAnswer::kept).switchIfEmpty(Mono.defer(() -> call.proceed()
                    .flatMap(relayed -> answers.mutated(null, session, operation, body, false, relayed)
                            .doOnNext(response -> {
                                // Share the new cart at once, so a tab on another instance finds it.
                                String created = relayed.centra() == null
                                        ? null
                                        : keys.cartOf(relayed.centra().token());
                                if (created != null) {
                                    states.push(created);
                                }
                            }))
                    .doOnNext(answer -> replies.remember(key, requestHash, answer.snapshot()))));
        }
        String key = CartReplies.idempotencyKey(cart, session.idempotencyKey());
        return replies.replay(key, requestHash)
                .map(replay -> answers.replayed(cart, RelayAnswer.kept(replay)))
                .switchIfEmpty(Mono.defer(() -> {
                    // An early refusal asks the shared state only if this instance's copy knows of a payment lock:
                    // the lane reads the shared state anyway (in the lease's own trip with Redis) and refuses there.
                    if (states.of(cart).lockedFor(clock.instant()) != null) {
                        refuseWhileLocked(states.pull(cart), operation);
                    }
                    return lock.enter(cart).flatMap(lease -> Mono.defer(
                                    () -> inLane(cart, session, operation, body, call, key, requestHash))
                            .doFinally(signal -> leave(cart, lease)));
                }))
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

    private Mono<RelayAnswer> inLane(
            String cart,
            ShopperSession session,
            CentraOperation operation,
            JsonNode body,
            Chain call,
            String key,
            String requestHash) {
        CartState state = states.pull(cart);
        // Whoever waited in the lane behind the first of a double click gets the first one's answer.
        return replies.replay(key, requestHash)
                .map(replay -> answers.replayed(cart, RelayAnswer.kept(replay)))
                .switchIfEmpty(Mono.defer(() -> {
                    refuseWhileLocked(state, operation);
                    String eventKey =
                            operation == PAYMENT_FIELDS ? CartReplies.eventKey(cart, body, state.cartVersion()) : null;
                    Mono<RelayAnswer> repeated = eventKey == null
                            ? Mono.empty()
                            : replies.event(eventKey).map(RelayAnswer::kept);
                    return repeated.switchIfEmpty(
                            Mono.defer(() -> change(cart, session, operation, body, call, key, requestHash, state)));
                }));
    }

    /** The change itself, in the lane: nothing kept answers it. */
    private Mono<RelayAnswer> change(
            String cart,
            ShopperSession session,
            CentraOperation operation,
            JsonNode body,
            Chain call,
            String key,
            String requestHash,
            CartState state) {
        boolean suspended = answers.suspended(state);
        Instant now = clock.instant();
        if (operation == PAYMENT_RESULT) {
            state.lock("payment-result", now.plus(properties.paymentLockTimeout()));
            states.pushLock(cart);
            events.publish(cart, "payment-lock", state.event().put("reason", "payment-result"));
        }
        // Before the answer goes out (not after, as doFinally would), so the lease still holds while it runs.
        Runnable unlock = () -> {
            if (operation == PAYMENT_RESULT && "payment-result".equals(state.lockedFor(clock.instant()))) {
                state.unlock();
                states.pushLock(cart);
                events.publish(cart, "payment-unlock", state.event());
            }
        };
        events.publish(cart, "suspend", state.event());
        return call.proceed()
                .flatMap(relayed -> answers.mutated(cart, session, operation, body, suspended, relayed))
                .onErrorResume(
                        ErrorResponseException.class, error -> answers.failed(cart, session, operation, body, error))
                .doOnNext(answer -> {
                    ResponseEntity<JsonNode> kept = answer.snapshot();
                    replies.remember(key, requestHash, kept);
                    if (operation == PAYMENT_FIELDS) {
                        replies.rememberEvent(CartReplies.eventKey(cart, body, state.cartVersion()), kept);
                    }
                })
                .doOnTerminate(unlock)
                .doOnCancel(unlock);
    }

    private void refuseWhileLocked(CartState state, CentraOperation operation) {
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
