package io.centrabff.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stateful, in-process simulation of Centra's Checkout API (on 127.0.0.1 unless told otherwise): same paths, headers, status codes and
 * JSON shapes, a small fixed catalog, carts, vouchers and fake payment providers. Used when no
 * {@code centra.base-url} is configured and as the upstream of integration tests. Controls live under
 * {@code /sandbox/} on the same port.
 */
public final class CentraSandbox {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final HttpServer server;
    private final ExecutorService executor;
    private final SandboxState state;
    private final String host;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private CentraSandbox(HttpServer server, ExecutorService executor, SandboxState state, String host) {
        this.server = server;
        this.executor = executor;
        this.state = state;
        this.host = host;
    }

    /** Starts a sandbox; the returned instance is already accepting requests. */
    public static CentraSandbox start(SandboxOptions options) {
        String secret = options.sharedSecret() == null || options.sharedSecret().isBlank()
                ? SandboxSelection.randomHex(24)
                : options.sharedSecret();
        SandboxState state = new SandboxState(secret, options.latency());
        state.latencyProfile(options.latencyProfile());
        try {
            InetAddress bind =
                    options.bindAddress() == null || options.bindAddress().isBlank()
                            ? InetAddress.getLoopbackAddress()
                            : InetAddress.getByName(options.bindAddress());
            HttpServer server = HttpServer.create(new InetSocketAddress(bind, options.port()), 0);
            // Daemon threads: a sandbox someone forgot to stop must not keep the JVM alive.
            ExecutorService executor = Executors.newFixedThreadPool(32, runnable -> {
                Thread thread = new Thread(runnable, "centra-sandbox-" + THREADS.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            server.createContext(CheckoutHandler.BASE_PATH, new CheckoutHandler(state));
            server.createContext("/sandbox/", new AdminHandler(state));
            server.createContext("/sandbox/customers/", new CustomerAdminHandler(state));
            server.createContext("/", exchange -> {
                try (exchange) {
                    SandboxHttp.send(exchange, 404, AdminHandler.error("path", "not found"), false);
                }
            });
            server.start();
            state.port(server.getAddress().getPort());
            return new CentraSandbox(server, executor, state, host(bind));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not start the Centra sandbox on " + options.bindAddress() + " port " + options.port(), e);
        }
    }

    /** The checkout API base, e.g. {@code http://127.0.0.1:52345/api/checkout/52} (no trailing slash). */
    public URI baseUrl() {
        return URI.create("http://" + host + ":" + port() + CheckoutHandler.BASE_PATH);
    }

    /** How this process reaches the sandbox: over loopback when it listens there too (127.0.0.1 or 0.0.0.0). */
    private static String host(InetAddress bind) {
        if (bind.isAnyLocalAddress()
                || bind.isLoopbackAddress() && bind.getHostAddress().equals("127.0.0.1")) {
            return "127.0.0.1";
        }
        return bind instanceof Inet6Address ? "[" + bind.getHostAddress() + "]" : bind.getHostAddress();
    }

    /** The secret that unlocks the shared-secret endpoints. */
    public String sharedSecret() {
        return state.sharedSecret();
    }

    /** The bound TCP port. */
    public int port() {
        return state.port();
    }

    /** Arms a token rotation: the next response for an existing session carries a new token, the old one dies. */
    public void rotateNextResponse() {
        state.sessions.armRotation();
    }

    /** Delays every following checkout-API answer by {@code latency}. */
    public void setLatency(Duration latency) {
        state.latency(latency);
    }

    /**
     * Where product changes ({@code POST /sandbox/products/{id}}) post their signed webhook, like the Centra Webhook
     * plugin's endpoint URL and secret; null turns webhooks off.
     */
    public void webhookTarget(URI url, String secret) {
        state.webhooks.target(url, secret);
    }

    /** Stops the server and its threads; safe to call more than once. */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        SandboxRegistry.remove(this);
    }

    @Override
    public String toString() {
        // Never print the secret.
        return "CentraSandbox[" + baseUrl() + "]";
    }

    /** The running sandbox's state, for tests in this package. */
    SandboxState state() {
        return state;
    }
}
