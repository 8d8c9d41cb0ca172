package io.centrabff.cart;

import java.math.BigDecimal;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the BFF knows about one cart: its version (one more per change Centra applied), whether Centra has answered
 * for it, its last total, the payment lock, and the part another capability keeps with it (the widgets' state).
 * Mutated only inside the cart's lane (or under its monitor for signals), read by any thread.
 */
public final class CartState {

    /** State another capability keeps per cart, shared with the cart's own between instances. */
    public interface Part {

        /** The part's fields, written next to the cart's own (names must not clash with them). */
        void write(ObjectNode json);

        /** Takes over what {@link #write} wrote on another instance. */
        void restore(JsonNode json);
    }

    /** Makes the part kept with each new cart's state; declared as a bean by the capability that keeps one. */
    @FunctionalInterface
    public interface Parts {
        Part create();
    }

    static final Part NO_PART = new Part() {
        @Override
        public void write(ObjectNode json) {}

        @Override
        public void restore(JsonNode json) {}
    };

    private final Part part;
    private long cartVersion;
    private boolean answered;
    private BigDecimal total;
    private String currency;
    private String lockReason;
    private Instant lockUntil;

    public CartState() {
        this(NO_PART);
    }

    CartState(Part part) {
        this.part = part;
    }

    /** The part kept with this cart by the capability that supplied {@code type}'s instances. */
    public <P extends Part> P part(Class<P> type) {
        return type.cast(part);
    }

    /** Whether Centra has answered with this cart's selection. */
    public synchronized boolean answered() {
        return answered;
    }

    public synchronized void answeredByCentra() {
        answered = true;
    }

    public synchronized long cartVersion() {
        return cartVersion;
    }

    public synchronized long mutated() {
        return ++cartVersion;
    }

    public synchronized BigDecimal total() {
        return total;
    }

    public synchronized String currency() {
        return currency;
    }

    public synchronized void totals(BigDecimal total, String currency) {
        if (total != null) {
            this.total = total;
            this.currency = currency;
        }
    }

    /** The cart became an order: nothing holds it any more. */
    public synchronized void completed() {
        lockReason = null;
        lockUntil = null;
    }

    public synchronized void lock(String reason, Instant until) {
        lockReason = reason;
        lockUntil = until;
    }

    public synchronized void unlock() {
        lockReason = null;
        lockUntil = null;
    }

    /** The reason of a payment lock in force at {@code now}, or null. */
    public synchronized String lockedFor(Instant now) {
        if (lockReason != null && !now.isBefore(lockUntil)) {
            lockReason = null;
            lockUntil = null;
        }
        return lockReason;
    }

    /** The fields every pushed event carries. */
    public synchronized ObjectNode event() {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("cartVersion", cartVersion);
        data.put("total", total);
        data.put("currency", currency);
        return data;
    }

    /** Everything but the payment lock, for the instances that share this cart. */
    public synchronized ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("cartVersion", cartVersion);
        json.put("answered", answered);
        json.put("total", total == null ? null : total.toPlainString());
        json.put("currency", currency);
        part.write(json);
        return json;
    }

    /** Takes over what {@link #toJson()} wrote on another instance. */
    public synchronized void restore(JsonNode json) {
        cartVersion = json.path("cartVersion").asLong();
        answered = json.path("answered").asBoolean(true);
        total = json.path("total").isTextual()
                ? new BigDecimal(json.path("total").asText())
                : null;
        currency = json.path("currency").isTextual() ? json.path("currency").asText() : null;
        part.restore(json);
    }

    /** The payment lock as "reason until-epoch-millis", or null; shared separately from the rest. */
    public synchronized String lockText() {
        return lockReason == null ? null : lockUntil.toEpochMilli() + " " + lockReason;
    }

    public synchronized void restoreLock(String text) {
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
