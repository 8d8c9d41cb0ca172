package io.centrabff.centra;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.common.circuitbreaker.configuration.CircuitBreakerConfigCustomizer;
import io.github.resilience4j.common.retry.configuration.RetryConfigCustomizer;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Predicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires Resilience4j for the gateway. The numbers live in application.yml; what counts as a failure and what may be
 * retried are rules of this service, so they are set here where configuration cannot loosen them.
 */
@Configuration(proxyBeanMethods = false)
class CentraResilienceConfiguration {

    /**
     * Breaker failures: Centra unreachable, timing out, answering 5xx or garbage. Centra's 4xx business errors arrive
     * as {@link CentraResponse}s, not errors, so they never count; Centra's 429 is a request to slow down, passed on
     * with its Retry-After, not a sign that Centra is broken.
     */
    static final Predicate<Throwable> BREAKER_FAILURE =
            error -> !(error instanceof CentraUnavailableException unavailable
                    && unavailable.outcome() == CentraOutcome.RATE_LIMITED);

    /** Retried (reads only): transport failures, timeouts and 5xx. */
    static final Predicate<Throwable> RETRYABLE =
            error -> error instanceof CentraUnavailableException unavailable && unavailable.retryable();

    @Bean
    CircuitBreakerConfigCustomizer catalogBreakerRules() {
        return breakerRules(OperationClass.CATALOG);
    }

    @Bean
    CircuitBreakerConfigCustomizer cartBreakerRules() {
        return breakerRules(OperationClass.CART);
    }

    @Bean
    CircuitBreakerConfigCustomizer paymentBreakerRules() {
        return breakerRules(OperationClass.PAYMENT);
    }

    @Bean
    RetryConfigCustomizer readRetryRules() {
        return RetryConfigCustomizer.of(
                CentraResilience.READ_RETRY,
                builder -> builder.retryOnException(RETRYABLE).retryExceptions().ignoreExceptions());
    }

    @Bean
    CentraMetrics centraMetrics(MeterRegistry meters) {
        return new CentraMetrics(meters);
    }

    @Bean
    CentraResilience centraResilience(
            Environment environment,
            CircuitBreakerRegistry breakers,
            RetryRegistry retries,
            BulkheadRegistry bulkheads,
            CentraMetrics metrics) {
        CentraResilienceSettings.verify(environment);
        return new CentraResilience(breakers, retries, bulkheads, metrics);
    }

    private static CircuitBreakerConfigCustomizer breakerRules(OperationClass operationClass) {
        return CircuitBreakerConfigCustomizer.of(
                CentraResilience.instanceName(operationClass), builder -> builder.recordException(BREAKER_FAILURE)
                        .recordExceptions()
                        .ignoreExceptions());
    }
}
