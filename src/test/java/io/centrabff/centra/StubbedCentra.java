package io.centrabff.centra;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.centrabff.ShopperClient;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The BFF against a WireMock Centra on a dynamic loopback port, with short time limits and retry waits so fault tests
 * stay fast, and metrics export on. Test classes extending this share one application context (and this one WireMock server); every test
 * starts with no stubs, an empty request journal and closed breakers.
 */
// Boot turns metrics export off in tests; this context is where /actuator/prometheus is tested.
@AutoConfigureMetrics
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "centra.shared-secret=" + StubbedCentra.SHARED_SECRET,
            "centra.timeouts.catalog=500ms",
            "centra.timeouts.cart=500ms",
            "centra.timeouts.payment=500ms",
            "resilience4j.retry.instances.centra-read.wait-duration=10ms",
            "resilience4j.retry.instances.centra-read.exponential-max-wait-duration=40ms",
            "resilience4j.bulkhead.instances.payment.max-concurrent-calls=2",
            "bff.rate-limits.enabled=false",
            "bff.cors.allowed-origins=" + StubbedCentra.STOREFRONT,
            "bff.session.trusted-proxies=127.0.0.1",
            "bff.session.cookie-secure=false",
            "logging.structured.format.console=ecs"
        })
public abstract class StubbedCentra {

    public static final String SHARED_SECRET = "stub-shared-secret-5f2c9a";
    public static final String STOREFRONT = "https://shop.example";
    /** Centra's Checkout API path on the stub, as in a real permalink. */
    public static final String API = "/api/checkout";

    public static final WireMockServer CENTRA = new WireMockServer(options().dynamicPort());

    static {
        CENTRA.start();
    }

    @DynamicPropertySource
    static void centra(DynamicPropertyRegistry registry) {
        registry.add("centra.base-url", () -> CENTRA.baseUrl() + API);
    }

    @LocalServerPort
    protected int port;

    /** The actuator's own port (management.server.port). */
    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected CircuitBreakerRegistry breakers;

    protected ShopperClient client;

    /** Calls to the actuator, on its own port. */
    protected ShopperClient management;

    @BeforeEach
    void freshCentra() {
        CENTRA.resetAll();
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        client = new ShopperClient(port);
        management = new ShopperClient(managementPort);
    }

    /** How many requests the stub received for {@code method} on {@code path} (under the API path). */
    protected static int upstreamCalls(String method, String path) {
        return (int) CENTRA.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals(method)
                        && e.getRequest().getUrl().equals(API + path))
                .count();
    }

    protected static int upstreamCalls() {
        return CENTRA.getAllServeEvents().size();
    }
}
