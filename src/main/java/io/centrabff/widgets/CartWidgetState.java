package io.centrabff.widgets;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the BFF knows about one cart's widgets, rebuilt from Centra's answers. Mutated only inside the cart's lane (or
 * under its monitor for signals), read by any thread.
 */
final class CartWidgetState {

    enum SessionStatus {
        NONE,
        ACTIVE,
        EXPIRED,
        FAILED,
        COMPLETED
    }

    private long cartVersion;
    private boolean answered;
    private BigDecimal total;
    private String currency;
    private Set<WidgetKind> active = EnumSet.noneOf(WidgetKind.class);
    private SessionStatus kcoStatus = SessionStatus.NONE;
    private Instant kcoLastActivity;
    private String paymentMethod;
    private String kcoMethod;
    private long kcoOrders;
    private long reinitFor = -1;
    private String lockReason;
    private Instant lockUntil;

    /** Whether Centra has answered with this cart's selection. */
    synchronized boolean answered() {
        return answered;
    }

    synchronized void answeredByCentra() {
        answered = true;
    }

    synchronized long cartVersion() {
        return cartVersion;
    }

    synchronized long mutated() {
        return ++cartVersion;
    }

    synchronized BigDecimal total() {
        return total;
    }

    synchronized String currency() {
        return currency;
    }

    synchronized void totals(BigDecimal total, String currency) {
        if (total != null) {
            this.total = total;
            this.currency = currency;
        }
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
    synchronized boolean takeReinit(Instant now, java.time.Duration validity) {
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
        lockReason = null;
        lockUntil = null;
    }

    /** The KCO status as of {@code now}; an ACTIVE session past its validity reads as EXPIRED. */
    synchronized SessionStatus kcoStatus(Instant now, java.time.Duration validity) {
        if (kcoStatus == SessionStatus.ACTIVE && !now.isBefore(kcoLastActivity.plus(validity))) {
            kcoStatus = SessionStatus.EXPIRED;
        }
        return kcoStatus;
    }

    synchronized Instant kcoExpiresAt(java.time.Duration validity) {
        return kcoStatus == SessionStatus.ACTIVE ? kcoLastActivity.plus(validity) : null;
    }

    synchronized void lock(String reason, Instant until) {
        lockReason = reason;
        lockUntil = until;
    }

    synchronized void unlock() {
        lockReason = null;
        lockUntil = null;
    }

    /** The reason of a payment lock in force at {@code now}, or null. */
    synchronized String lockedFor(Instant now) {
        if (lockReason != null && !now.isBefore(lockUntil)) {
            lockReason = null;
            lockUntil = null;
        }
        return lockReason;
    }

    /** Everything but the payment lock, for the instances that share this cart. */
    synchronized ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("cartVersion", cartVersion);
        json.put("answered", answered);
        json.put("total", total == null ? null : total.toPlainString());
        json.put("currency", currency);
        var kinds = json.putArray("active");
        active.forEach(kind -> kinds.add(kind.name()));
        json.put("kcoStatus", kcoStatus.name());
        json.put("kcoLastActivity", kcoLastActivity == null ? null : kcoLastActivity.toEpochMilli());
        json.put("paymentMethod", paymentMethod);
        json.put("kcoMethod", kcoMethod);
        json.put("kcoOrders", kcoOrders);
        json.put("reinitFor", reinitFor);
        return json;
    }

    /** Takes over what {@link #toJson()} wrote on another instance. */
    synchronized void restore(JsonNode json) {
        cartVersion = json.path("cartVersion").asLong();
        answered = json.path("answered").asBoolean(true);
        total = json.path("total").isTextual()
                ? new BigDecimal(json.path("total").asText())
                : null;
        currency = json.path("currency").isTextual() ? json.path("currency").asText() : null;
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

    /** The payment lock as "reason until-epoch-millis", or null; shared separately from the rest. */
    synchronized String lockText() {
        return lockReason == null ? null : lockUntil.toEpochMilli() + " " + lockReason;
    }

    synchronized void restoreLock(String text) {
        int space = text == null ? -1 : text.indexOf(' ');
        if (space < 0) {
            lockReason = null;
            lockUntil = null;
        } else {
            lockUntil = Instant.ofEpochMilli(Long.parseLong(text.substring(0, space)));
            lockReason = text.substring(space + 1);
        }
    }
}
