package io.centrabff.centra;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Centra as readiness sees it: derived from the circuit breakers, never from a live call per probe (probes would add
 * load to Centra exactly when it struggles). An open catalog or cart breaker means this instance cannot serve
 * shoppers: OUT_OF_SERVICE. An open payment breaker keeps the instance ready (browsing and carts still work) and
 * shows in the details.
 */
@Component("centraHealthIndicator")
class CentraHealthIndicator implements HealthIndicator {

    private static final Set<OperationClass> ESSENTIAL = EnumSet.of(OperationClass.CATALOG, OperationClass.CART);

    private final CircuitBreakerRegistry breakers;

    CentraHealthIndicator(CircuitBreakerRegistry breakers) {
        this.breakers = breakers;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        for (OperationClass operationClass : OperationClass.values()) {
            CircuitBreaker breaker = breakers.circuitBreaker(CentraResilience.instanceName(operationClass));
            CircuitBreaker.State state = breaker.getState();
            health.withDetail(breaker.getName(), state.name());
            if (ESSENTIAL.contains(operationClass)
                    && (state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN)) {
                health.outOfService();
            }
        }
        return health.build();
    }
}
