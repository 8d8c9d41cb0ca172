package io.centrabff.centra;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

import io.centrabff.CentraStubs;
import io.centrabff.FreshState;
import io.centrabff.ShopperClient;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The BFF on a random port against one WireMock Centra ({@link StubbedCentra#CENTRA}) shared by every test class
 * carrying this annotation, so they all share one application context. Short time limits (1 s instead of
 * the production defaults of 3 s and more; shorter ones failed calls to the instant stub on a busy machine) and retry
 * waits keep fault
 * tests fast, rate limits are off, 127.0.0.1 is a trusted proxy, logs are ECS JSON and metrics export is on (this is
 * where /actuator/prometheus is tested). Before each test the stub forgets its stubs and journal and the BFF its
 * breaker states, caches and buckets ({@link FreshState}).
 *
 * <p>Do not add properties, {@code @Import}s or {@code @DynamicPropertySource}s to a test class using this: each
 * difference starts another application context. Change what a test needs at run time instead (breaker states,
 * log levels, WireMock stubs). The one variant is header mode, {@code @TestPropertySource(properties =
 * "bff.session.mode=HEADER")}, for tests of the API-Token header.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
// Boot turns metrics export off in tests; this context is where /actuator/prometheus is tested.
@AutoConfigureMetrics
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // A stand-in for the start-up check that a Centra is configured, which runs before any initializer:
            // CentraUrl replaces it with the stub's address.
            "centra.base-url=http://centra.invalid",
            "centra.shared-secret=" + StubbedCentra.SHARED_SECRET,
            "centra.timeouts.catalog=1s",
            "centra.timeouts.cart=1s",
            "centra.timeouts.payment=1s",
            "resilience4j.retry.instances.centra-read.wait-duration=10ms",
            "resilience4j.retry.instances.centra-read.exponential-max-wait-duration=40ms",
            "resilience4j.bulkhead.instances.payment.max-concurrent-calls=2",
            "bff.rate-limits.enabled=false",
            "bff.cors.allowed-origins=" + StubbedCentra.STOREFRONT,
            "bff.session.trusted-proxies=127.0.0.1",
            "bff.webhook.secret=" + StubbedCentra.WEBHOOK_SECRET,
            "bff.catalog.server-key=test-server-key",
            "logging.structured.format.console=ecs"
        })
@ContextConfiguration(initializers = StubbedCentraTest.CentraUrl.class)
@ExtendWith(StubbedCentraTest.Fresh.class)
public @interface StubbedCentraTest {

    /** Where the warm-up payment would return to. */
    String STOREFRONT_RETURN = StubbedCentra.STOREFRONT + "/checkout/return";

    /** Points the BFF at the shared stub (its port is known only once it has started). */
    final class CentraUrl implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("centra.base-url=" + StubbedCentra.CENTRA.baseUrl() + StubbedCentra.API)
                    .applyTo(context);
        }
    }

    /** A clean stub and a BFF that remembers nothing of earlier tests. */
    final class Fresh implements BeforeEachCallback {

        private static final Set<ApplicationContext> WARM = ConcurrentHashMap.newKeySet();

        @Override
        public void beforeEach(ExtensionContext extension) {
            ApplicationContext context = SpringExtension.getApplicationContext(extension);
            if (WARM.add(context)) {
                warmUp(context);
            }
            StubbedCentra.CENTRA.resetAll();
            FreshState.reset(context);
        }

        /**
         * One call of each kind before the first test: a cold JVM's first cart, catalog and payment calls can take
         * longer than the short time limits on a busy machine, and no test should pay for that.
         */
        private static void warmUp(ApplicationContext context) {
            StubbedCentra.CENTRA.stubFor(any(anyUrl()).willReturn(okJson("{\"token\":\"warm-up\",\"selection\":{}}")));
            CentraStubs.countries(StubbedCentra.CENTRA);
            CentraStubs.listing(StubbedCentra.CENTRA, 0);
            ShopperClient shopper =
                    new ShopperClient(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
            shopper.get("/api/checkout/selection");
            shopper.post("/api/checkout/products", Map.of());
            shopper.post("/api/checkout/items/1001-1", null);
            shopper.post("/api/checkout/payment", Map.of("paymentReturnPage", STOREFRONT_RETURN));
        }
    }
}
