package io.centrabff.widgets;

import io.centrabff.cart.CartState;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the BFF knows about one cart's widgets, rebuilt from Centra's answers and kept with the cart's state (so it is
 * shared and versioned with it). Mutated only inside the cart's lane, read by any thread.
 */
final class WidgetSession implements CartState.Part {

    enum SessionStatus {
        NONE,
        ACTIVE,
        EXPIRED,
        FAILED,
        COMPLETED
    }

    private Set<WidgetKind> active = EnumSet.noneOf(WidgetKind.class);
    private SessionStatus kcoStatus = SessionStatus.NONE;
    private Instant kcoLastActivity;
    private String paymentMethod;
    private String kcoMethod;
    private long kcoOrders;
    private long reinitFor = -1;

    /** The widget part of {@code state}. */
    static WidgetSession of(CartState state) {
        return state.part(WidgetSession.class);
    }

    synchronized Set<WidgetKind> active() {
        return EnumSet.copyOf(active.isEmpty() ? EnumSet.noneOf(WidgetKind.class) : active);
    }

    synchronized void active(Set<WidgetKind> kinds) {
        this.active = kinds.isEmpty() ? EnumSet.noneOf(WidgetKind.class) : EnumSet.copyOf(kinds);
    }

    /** The payment method of the last selection Centra answered with. */
    synchronized void paymentMethod(String method) {
        if (method != null) {
            paymentMethod = method;
        }
    }

    /** The payment method whose payment step answered with Klarna's snippet, or null. */
    synchronized String kcoMethod() {
        return kcoMethod;
    }

    /** Centra's payment step answered with a Klarna order's snippet: a widget order starts (or starts again). */
    synchronized void kcoCreated(Instant now) {
        kcoStatus = SessionStatus.ACTIVE;
        kcoLastActivity = now;
        kcoMethod = paymentMethod;
        kcoOrders++;
    }

    /**
     * Whether to ask for a reload now: the Klarna order expired or failed and no reload was asked for since Centra
     * last answered with a Klarna order. At most once per order, so a payment step that keeps failing cannot make the
     * storefront reload in a loop.
     */
    synchronized boolean takeReinit(Instant now, Duration validity) {
        SessionStatus status = kcoStatus(now, validity);
        if ((status == SessionStatus.EXPIRED || status == SessionStatus.FAILED) && reinitFor != kcoOrders) {
            reinitFor = kcoOrders;
            return true;
        }
        return false;
    }

    /** A merchant update or shopper interaction: Klarna keeps the order another validity period. */
    synchronized void kcoTouched(Instant now) {
        if (kcoStatus == SessionStatus.ACTIVE) {
            kcoLastActivity = now;
        }
    }

    synchronized void kcoFailed() {
        if (kcoStatus == SessionStatus.ACTIVE) {
            kcoStatus = SessionStatus.FAILED;
        }
    }

    synchronized void completed() {
        kcoStatus = kcoStatus == SessionStatus.NONE ? SessionStatus.NONE : SessionStatus.COMPLETED;
    }

    /** The KCO status as of {@code now}; an ACTIVE session past its validity reads as EXPIRED. */
    synchronized SessionStatus kcoStatus(Instant now, Duration validity) {
        if (kcoStatus == SessionStatus.ACTIVE && !now.isBefore(kcoLastActivity.plus(validity))) {
            kcoStatus = SessionStatus.EXPIRED;
        }
        return kcoStatus;
    }

    synchronized Instant kcoExpiresAt(Duration validity) {
        return kcoStatus == SessionStatus.ACTIVE ? kcoLastActivity.plus(validity) : null;
    }

    @Override
    public synchronized void write(ObjectNode json) {
        var kinds = json.putArray("active");
        active.forEach(kind -> kinds.add(kind.name()));
        json.put("kcoStatus", kcoStatus.name());
        json.put("kcoLastActivity", kcoLastActivity == null ? null : kcoLastActivity.toEpochMilli());
        json.put("paymentMethod", paymentMethod);
        json.put("kcoMethod", kcoMethod);
        json.put("kcoOrders", kcoOrders);
        json.put("reinitFor", reinitFor);
    }

    @Override
    public synchronized void restore(JsonNode json) {
        active = EnumSet.noneOf(WidgetKind.class);
        json.path("active").forEach(kind -> active.add(WidgetKind.valueOf(kind.asText())));
        kcoStatus = SessionStatus.valueOf(json.path("kcoStatus").asText(SessionStatus.NONE.name()));
        kcoLastActivity = json.path("kcoLastActivity").isNumber()
                ? Instant.ofEpochMilli(json.path("kcoLastActivity").asLong())
                : null;
        paymentMethod = json.path("paymentMethod").isTextual()
                ? json.path("paymentMethod").asText()
                : null;
        kcoMethod = json.path("kcoMethod").isTextual() ? json.path("kcoMethod").asText() : null;
        kcoOrders = json.path("kcoOrders").asLong();
        reinitFor = json.path("reinitFor").asLong(-1);
    }
}
