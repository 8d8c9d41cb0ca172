package io.centrabff.sandbox;

import io.centrabff.sandbox.SandboxSelection.PendingPayment;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

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

    private final Deque<ObjectNode> payments = new ArrayDeque<>();
    private final Deque<ObjectNode> backInStock = new ArrayDeque<>();
    private final AtomicInteger orderNumbers = new AtomicInteger(100_000);
    private final String sharedSecret;
    private volatile int port;
    private volatile Duration latency;
    private volatile LatencyProfile latencyProfile = LatencyProfile.NONE;
    private volatile SandboxWidgets.IngridMode ingrid = SandboxWidgets.IngridMode.ACTIVE;
    private volatile boolean aggressiveOverselling;

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

    LatencyProfile latencyProfile() {
        return latencyProfile;
    }

    void latencyProfile(LatencyProfile profile) {
        this.latencyProfile = profile == null ? LatencyProfile.NONE : profile;
    }

    SandboxWidgets.IngridMode ingrid() {
        return ingrid;
    }

    void ingrid(SandboxWidgets.IngridMode mode) {
        this.ingrid = mode;
    }

    /** Centra's aggressive overselling prevention: stock is checked on add and at payment-result too. */
    boolean aggressiveOverselling() {
        return aggressiveOverselling;
    }

    void aggressiveOverselling(boolean on) {
        this.aggressiveOverselling = on;
    }

    /** A payment step as it reached the sandbox, for {@code GET /sandbox/payments}. Bounded: the last 100. */
    void recordPayment(SandboxSelection selection, String ipAddress) {
        synchronized (payments) {
            payments.addLast(JsonNodeFactory.instance
                    .objectNode()
                    .put("selection", selection.id)
                    .put("paymentMethod", selection.paymentMethod)
                    .put("ipAddress", ipAddress));
            while (payments.size() > 100) {
                payments.removeFirst();
            }
        }
    }

    /** A back-in-stock subscription as the sandbox took it, for {@code GET /sandbox/back-in-stock}. */
    void recordBackInStock(ObjectNode subscription) {
        synchronized (backInStock) {
            backInStock.addLast(subscription);
            while (backInStock.size() > 100) {
                backInStock.removeFirst();
            }
        }
    }

    ObjectNode backInStock() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode list = out.putArray("subscriptions");
        synchronized (backInStock) {
            backInStock.forEach(list::add);
        }
        return out;
    }

    ObjectNode payments() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode list = out.putArray("payments");
        synchronized (payments) {
            payments.forEach(list::add);
        }
        return out;
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
        synchronized (payments) {
            payments.clear();
        }
        synchronized (backInStock) {
            backInStock.clear();
        }
        ingrid = SandboxWidgets.IngridMode.ACTIVE;
        aggressiveOverselling = false;
    }
}
