package io.centrabff.centra;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Centra as the health endpoint shows it: the state of each circuit breaker, as details, never from a live call per
 * probe. Always UP and not part of readiness: an open breaker says Centra is failing, not that this instance is, and
 * taking instances out of rotation would stop the catalog (served from memory) too, while a burst of bad requests
 * could otherwise take every instance out at once.
 */
@Component("centraHealthIndicator")
class CentraHealthIndicator implements HealthIndicator {

    private final CircuitBreakerRegistry breakers;

    CentraHealthIndicator(CircuitBreakerRegistry breakers) {
        this.breakers = breakers;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        for (OperationClass operationClass : OperationClass.values()) {
            CircuitBreaker breaker = breakers.circuitBreaker(CentraResilience.instanceName(operationClass));
            health.withDetail(breaker.getName(), breaker.getState().name());
        }
        return health.build();
    }
}
