package io.centrabff;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The centra-bff service: a backend-for-frontend in front of Centra's Checkout API.
 *
 * <p>Auto-configurations for what the service never uses are left out, so no start-up loads, evaluates or builds them:
 * Spring Data web support and repository metrics (no repositories, no {@code Pageable}), persistence exception
 * translation and transactions (no database), OpenTelemetry logs (only traces are exported), and Resilience4j's rate
 * limiters, time limiters, timer annotations and breaker event streams (rate limits are {@code RateLimiter}'s buckets,
 * time limits are {@code centra.timeouts.*}, breakers are used from code, not through annotations or endpoints).
 */
@SpringBootApplication(
        excludeName = {
            "org.springframework.boot.data.autoconfigure.web.DataWebAutoConfiguration",
            "org.springframework.boot.data.autoconfigure.metrics.DataRepositoryMetricsAutoConfiguration",
            "org.springframework.boot.persistence.autoconfigure.PersistenceExceptionTranslationAutoConfiguration",
            "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
            "org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration",
            "org.springframework.boot.opentelemetry.autoconfigure.logging.OpenTelemetryLoggingAutoConfiguration",
            "org.springframework.boot.opentelemetry.autoconfigure.logging.otlp.OtlpLoggingAutoConfiguration",
            "io.github.resilience4j.springboot.ratelimiter.autoconfigure.RateLimiterAutoConfiguration",
            "io.github.resilience4j.springboot.ratelimiter.autoconfigure.RateLimiterMetricsAutoConfiguration",
            "io.github.resilience4j.springboot.ratelimiter.autoconfigure.RateLimitersHealthIndicatorAutoConfiguration",
            "io.github.resilience4j.springboot.timelimiter.autoconfigure.TimeLimiterAutoConfiguration",
            "io.github.resilience4j.springboot.timelimiter.autoconfigure.TimeLimiterMetricsAutoConfiguration",
            "io.github.resilience4j.springboot.micrometer.autoconfigure.TimerAutoConfiguration",
            "io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerStreamEventsAutoConfiguration"
        })
@ConfigurationPropertiesScan
public class CentraBffApplication {

    public static void main(String[] args) {
        SpringApplication.run(CentraBffApplication.class, args);
    }
}
