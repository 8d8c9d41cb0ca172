package io.centrabff.centra;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.centrabff.ShopperClient;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base class of {@link StubbedCentraTest} tests: the BFF's ports, a shopper and an actuator client, and counts of the
 * requests the stub received. Every test starts with no stubs, an empty request journal and closed breakers.
 */
@StubbedCentraTest
public abstract class StubbedCentra {

    public static final String SHARED_SECRET = "stub-shared-secret-5f2c9a";
    public static final String WEBHOOK_SECRET = "stub-webhook-secret-71d0";
    public static final String STOREFRONT = "https://shop.example";
    /** Centra's Checkout API path on the stub, as in a real permalink. */
    public static final String API = "/api/checkout/52";

    /**
     * The one stub every {@link StubbedCentraTest} context talks to. On a fixed free port so that a test can stop
     * and restart it (Centra unreachable) without the BFF's base URL going stale.
     */
    public static final WireMockServer CENTRA = new WireMockServer(options().port(freePort()));

    static {
        CENTRA.start();
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
    void clients() {
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
