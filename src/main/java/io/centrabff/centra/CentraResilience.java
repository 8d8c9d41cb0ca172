package io.centrabff.centra;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Applies Resilience4j to one Centra call with its Reactor operators: a circuit breaker per operation class (so a
 * failing payment provider cannot open the catalog breaker), retries with backoff and jitter for reads only, and a
 * bulkhead on payment. Instances and their numbers come from {@code resilience4j.*} in application.yml; which errors
 * count is decided here, in code, by {@link CentraResilienceConfiguration}.
 */
class CentraResilience {

    /** The one retry instance; applied only where {@link CentraOperation#read()} holds. */
    static final String READ_RETRY = "centra-read";

    private static final Logger log = LoggerFactory.getLogger(CentraResilience.class);

    private final Map<OperationClass, CircuitBreaker> breakers = new EnumMap<>(OperationClass.class);
    private final Map<OperationClass, Bulkhead> bulkheads = new EnumMap<>(OperationClass.class);
    /** When each breaker last opened ({@link System#nanoTime()}), so a refusal can say how long is left. */
    private final Map<OperationClass, Long> openedAt = new java.util.concurrent.ConcurrentHashMap<>();

    private final Retry readRetry;
    private final CentraMetrics metrics;

    CentraResilience(
            CircuitBreakerRegistry breakerRegistry,
            RetryRegistry retryRegistry,
            BulkheadRegistry bulkheadRegistry,
            CentraMetrics metrics) {
        for (OperationClass operationClass : OperationClass.values()) {
            CircuitBreaker breaker = breakerRegistry.circuitBreaker(instanceName(operationClass));
            breaker.getEventPublisher()
                    .onStateTransition(event -> log.warn(
                            "Circuit breaker {} changed from {} to {}",
                            event.getCircuitBreakerName(),
                            event.getStateTransition().getFromState(),
                            event.getStateTransition().getToState()));
            breaker.getEventPublisher().onStateTransition(event -> {
                CircuitBreaker.State to = event.getStateTransition().getToState();
                if (to == CircuitBreaker.State.OPEN || to == CircuitBreaker.State.FORCED_OPEN) {
                    openedAt.put(operationClass, System.nanoTime());
                }
            });
            breakers.put(operationClass, breaker);
        }
        bulkheads.put(OperationClass.PAYMENT, bulkheadRegistry.bulkhead(instanceName(OperationClass.PAYMENT)));
        this.readRetry = retryRegistry.retry(READ_RETRY);
        this.metrics = metrics;
    }

    /** The Resilience4j instance name of a class's breaker (and bulkhead): {@code catalog}, {@code cart}, ... */
    static String instanceName(OperationClass operationClass) {
        return operationClass.name().toLowerCase(Locale.ROOT);
    }

    /** Guards {@code attempt}, which performs one upstream call per subscription. */
    Mono<CentraResponse> guard(CentraOperation operation, Mono<CentraResponse> attempt) {
        return guard(operation, attempt, operation.read());
    }

    /** Guards a single attempt: breaker and bulkhead, never a retry (a follow-up read after a failed change). */
    Mono<CentraResponse> guardOnce(CentraOperation operation, Mono<CentraResponse> attempt) {
        return guard(operation, attempt, false);
    }

    /** Whether calls of {@code operation}'s class go through now: its breaker is closed (not open, not probing). */
    boolean closed(CentraOperation operation) {
        return breakers.get(operation.operationClass()).getState() == CircuitBreaker.State.CLOSED;
    }

    private Mono<CentraResponse> guard(CentraOperation operation, Mono<CentraResponse> attempt, boolean retry) {
        CircuitBreaker breaker = breakers.get(operation.operationClass());
        // Innermost first: every attempt passes the breaker, so an open breaker also stops pending retries.
        Mono<CentraResponse> guarded = attempt.transformDeferred(CircuitBreakerOperator.of(breaker));
        if (retry) {
            guarded = guarded.transformDeferred(RetryOperator.of(readRetry));
        }
        Bulkhead bulkhead = bulkheads.get(operation.operationClass());
        if (bulkhead != null) {
            guarded = guarded.transformDeferred(BulkheadOperator.of(bulkhead));
        }
        return guarded.onErrorMap(CallNotPermittedException.class, error -> circuitOpen(operation, breaker))
                .onErrorMap(BulkheadFullException.class, error -> bulkheadFull(operation));
    }

    private CentraUnavailableException circuitOpen(CentraOperation operation, CircuitBreaker breaker) {
        metrics.rejected(operation);
        long waitMillis = breaker.getCircuitBreakerConfig()
                .getWaitIntervalFunctionInOpenState()
                .apply(1);
        Long opened = openedAt.get(operation.operationClass());
        if (opened != null) {
            waitMillis -= (System.nanoTime() - opened) / 1_000_000;
        }
        // Whole seconds, rounded up: a client that waits what it is told finds the breaker probing, not still open.
        long leftSeconds = Math.max(1, (waitMillis + 999) / 1000);
        return new CentraUnavailableException(
                operation,
                CentraOutcome.REJECTED,
                "circuit-open",
                "Centra is unavailable",
                "Centra has been failing for " + breaker.getName()
                        + " operations; calls are paused before trying again",
                Duration.ofSeconds(leftSeconds),
                null);
    }

    private CentraUnavailableException bulkheadFull(CentraOperation operation) {
        metrics.rejected(operation);
        return new CentraUnavailableException(
                operation,
                CentraOutcome.REJECTED,
                "payment-busy",
                "Too many payments in progress",
                "Too many payments are in progress at once; try again in a moment",
                Duration.ofSeconds(1),
                null);
    }
}
