package io.centrabff.sandbox;

import io.centrabff.sandbox.SandboxSelection.PendingPayment;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Everything one running sandbox remembers; {@link #reset()} returns it to a fresh start. */
final class SandboxState {

    final SessionStore sessions = new SessionStore();
    final RequestLog requests = new RequestLog();
    final SandboxCustomers customers = new SandboxCustomers();
    final SandboxWidgets widgets = new SandboxWidgets();
    /** PSP page reference → the payment it belongs to, so the fake PayPal page knows where to send the shopper. */
    final Map<String, PendingPayment> pspPayments = new ConcurrentHashMap<>();

    final ProductChanges products = new ProductChanges();
    final WebhookSender webhooks = new WebhookSender();

    private final AtomicInteger orderNumbers = new AtomicInteger(100_000);
    private final String sharedSecret;
    private volatile int port;
    private volatile Duration latency;

    SandboxState(String sharedSecret, Duration latency) {
        this.sharedSecret = sharedSecret;
        this.latency = latency == null ? Duration.ZERO : latency;
    }

    String sharedSecret() {
        return sharedSecret;
    }

    int port() {
        return port;
    }

    void port(int port) {
        this.port = port;
    }

    Duration latency() {
        return latency;
    }

    void latency(Duration latency) {
        this.latency = latency == null || latency.isNegative() ? Duration.ZERO : latency;
    }

    String nextOrderNumber() {
        return Integer.toString(orderNumbers.incrementAndGet());
    }

    String pspBaseUrl() {
        return "http://127.0.0.1:" + port + "/sandbox/psp";
    }

    void reset() {
        sessions.clear();
        requests.clear();
        pspPayments.clear();
        products.clear();
        customers.clear();
        widgets.reset();
    }
}
