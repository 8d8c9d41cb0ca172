package io.centrabff.centra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.centrabff.CentraBffApplication;
import io.centrabff.SandboxTest;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.mock.env.MockEnvironment;

/**
 * The resilience configuration in force is the one intended: exactly the instances the gateway uses, with the
 * numbers from application.yml and the failure and retry rules from code; and a misspelt {@code resilience4j.*} or
 * {@code centra.*} property fails start-up instead of being silently ignored.
 */
@SandboxTest
class EffectiveConfigurationTests {

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    RetryRegistry retries;

    @Autowired
    BulkheadRegistry bulkheads;

    @Autowired
    ObjectProvider<TimeLimiterRegistry> timeLimiters;

    @Test
    void oneBreakerPerOperationClassWithTheConfiguredLimits() {
        assertThat(names(breakers.getAllCircuitBreakers())).containsExactlyInAnyOrder("catalog", "cart", "payment");
        for (String name : Set.of("catalog", "cart", "payment")) {
            CircuitBreakerConfig config = breakers.circuitBreaker(name).getCircuitBreakerConfig();
            assertThat(config.getSlidingWindowType()).isEqualTo(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED);
            assertThat(config.getSlidingWindowSize()).isEqualTo(20);
            assertThat(config.getMinimumNumberOfCalls()).isEqualTo(10);
            assertThat(config.getFailureRateThreshold()).isEqualTo(50f);
            assertThat(config.getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(3);
            assertThat(config.isAutomaticTransitionFromOpenToHalfOpenEnabled()).isTrue();
            long openMillis = config.getWaitIntervalFunctionInOpenState().apply(1);
            assertThat(openMillis).isEqualTo(name.equals("payment") ? 30_000 : 10_000);
        }
    }

    @Test
    void breakersCountOutagesButNeitherCentraRateLimitsNorBusinessErrors() {
        var records = breakers.circuitBreaker("cart").getCircuitBreakerConfig().getRecordExceptionPredicate();

        assertThat(records.test(unavailable(CentraOutcome.TIMEOUT))).isTrue();
        assertThat(records.test(unavailable(CentraOutcome.UNREACHABLE))).isTrue();
        assertThat(records.test(unavailable(CentraOutcome.SERVER_ERROR))).isTrue();
        assertThat(records.test(new CentraBadResponseException(CentraOperation.ADD_ITEM, "garbage")))
                .isTrue();
        assertThat(records.test(unavailable(CentraOutcome.RATE_LIMITED))).isFalse();
    }

    @Test
    void oneReadRetryWithJitteredExponentialBackoffForTransientFailuresOnly() {
        assertThat(retries.getAllRetries().stream().map(Retry::getName)).containsExactly("centra-read");
        RetryConfig config = retries.retry("centra-read").getRetryConfig();
        assertThat(config.getMaxAttempts()).isEqualTo(3);
        for (int i = 0; i < 50; i++) {
            assertThat(config.getIntervalBiFunction().apply(1, null)).isBetween(50L, 150L);
            assertThat(config.getIntervalBiFunction().apply(2, null)).isBetween(100L, 300L);
        }
        var retried = config.getExceptionPredicate();
        assertThat(retried.test(unavailable(CentraOutcome.TIMEOUT))).isTrue();
        assertThat(retried.test(unavailable(CentraOutcome.UNREACHABLE))).isTrue();
        assertThat(retried.test(unavailable(CentraOutcome.SERVER_ERROR))).isTrue();
        assertThat(retried.test(unavailable(CentraOutcome.RATE_LIMITED))).isFalse();
        assertThat(retried.test(unavailable(CentraOutcome.REJECTED))).isFalse();
        assertThat(retried.test(new CentraBadResponseException(CentraOperation.PRODUCTS, "garbage")))
                .isFalse();
        assertThat(retried.test(
                        CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("x"))))
                .isFalse();
    }

    @Test
    void onlyReadsAreRetriedAndNeverAddItemPaymentOrPaymentResult() {
        Set<CentraOperation> retried = EnumSet.noneOf(CentraOperation.class);
        for (CentraOperation operation : CentraOperation.values()) {
            if (operation.read()) {
                retried.add(operation);
                assertThat(operation.method().name()).isIn("GET", "POST");
            }
        }
        assertThat(retried)
                .doesNotContain(CentraOperation.ADD_ITEM, CentraOperation.PAYMENT, CentraOperation.PAYMENT_RESULT)
                .contains(CentraOperation.PRODUCTS, CentraOperation.SELECTION, CentraOperation.CATEGORIES);
    }

    @Test
    void paymentBulkheadNeverWaitsForAPermit() {
        assertThat(bulkheads.getAllBulkheads().stream().map(Bulkhead::getName)).containsExactly("payment");
        var config = bulkheads.bulkhead("payment").getBulkheadConfig();
        assertThat(config.getMaxConcurrentCalls()).isEqualTo(200);
        assertThat(config.getMaxWaitDuration()).isEqualTo(Duration.ZERO);
    }

    @Test
    void timeLimitsHaveOneSourceCentraTimeouts() {
        // Resilience4j's time limiters are not even configured (CentraBffApplication leaves them out).
        assertThat(timeLimiters.getIfAvailable()).isNull();
        assertThatThrownBy(() -> CentraResilienceSettings.verify(
                        env("resilience4j.timelimiter.instances.catalog.timeout-duration", "2s")))
                .hasMessageContaining("resilience4j.timelimiter.instances.catalog.timeout-duration");
    }

    @Test
    void misspeltResilienceKeyFailsStartUp() {
        SpringApplicationBuilder app =
                new SpringApplicationBuilder(CentraBffApplication.class).web(WebApplicationType.NONE);

        assertThatThrownBy(() -> app.run(
                        "--centra.base-url=http://127.0.0.1:9/api/checkout",
                        "--resilience4j.circuitbreaker.instances.catalog.failure-rate-treshold=20"))
                .rootCause()
                .hasMessageContaining("failure-rate-treshold");
    }

    @Test
    void misspeltInstanceNameIsRefused() {
        assertThatThrownBy(() -> CentraResilienceSettings.verify(
                        env("resilience4j.circuitbreaker.instances.catalgo.sliding-window-size", "5")))
                .hasMessageContaining("catalgo")
                .hasMessageContaining("[cart, catalog, payment]");
        assertThatThrownBy(() -> CentraResilienceSettings.verify(
                        env("resilience4j.retry.instances.centra-reads.max-attempts", "5")))
                .hasMessageContaining("centra-reads");
        assertThatThrownBy(() -> CentraResilienceSettings.verify(env("resilience4j.circuit-breaker.x", "1")))
                .hasMessageContaining("resilience4j.circuit-breaker.x");
    }

    @Test
    void failureAndRetryRulesCannotBeChangedFromYaml() {
        assertThatThrownBy(() -> CentraResilienceSettings.verify(env(
                        "resilience4j.retry.instances.centra-read.retry-exceptions[0]", "java.lang.RuntimeException")))
                .hasMessageContaining("fixed in code");
    }

    @Test
    void validSettingsPass() {
        CentraResilienceSettings.verify(env("resilience4j.circuitbreaker.instances.cart.sliding-window-size", "40"));
    }

    @Test
    void misspeltCentraPropertyFailsStartUp() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(Properties.class)
                .withPropertyValues("centra.base-url=http://127.0.0.1:9", "centra.timeouts.cartt=1s")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("centra.timeouts.cartt");
                });
    }

    private static MockEnvironment env(String key, String value) {
        return new MockEnvironment().withProperty(key, value);
    }

    private static CentraUnavailableException unavailable(CentraOutcome outcome) {
        return new CentraUnavailableException(CentraOperation.PRODUCTS, outcome, "test", Duration.ofSeconds(1), null);
    }

    private static Set<String> names(Set<CircuitBreaker> all) {
        return all.stream().map(CircuitBreaker::getName).collect(Collectors.toSet());
    }

    // Not a @Configuration: a nested one would replace the application in @SpringBootTest.
    @EnableConfigurationProperties(CentraProperties.class)
    static class Properties {}
}
