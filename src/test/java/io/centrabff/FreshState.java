package io.centrabff;

import io.centrabff.catalog.CatalogMemory;
import io.centrabff.web.RateLimitMemory;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Makes a shared application context forget what earlier tests left in memory: closed breakers, an empty catalog
 * cache and country table, fresh rate-limit buckets, the clock back at system time. Tests of one shared context can
 * then run in any order.
 */
public final class FreshState {

    private FreshState() {}

    public static void reset(ExtensionContext extension) {
        reset(SpringExtension.getApplicationContext(extension));
    }

    public static void reset(ApplicationContext context) {
        context.getBean(CircuitBreakerRegistry.class).getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        CatalogMemory.forget(context);
        RateLimitMemory.forget(context);
        context.getBeanProvider(MovableClock.class).ifAvailable(MovableClock::reset);
    }
}
