package io.centrabff.sandbox;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Centra selection (cart) and, once paid, its order. Not thread-safe by itself: callers hold its monitor for the
 * whole request so concurrent calls on one selection cannot interleave.
 */
final class SandboxSelection {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A cart line; ids are opaque hex like Centra's. */
    static final class Line {
        final String id;
        final String item;
        int quantity;

        Line(String item, int quantity) {
            this.id = randomHex(16);
            this.item = item;
            this.quantity = quantity;
        }
    }

    /** What {@code POST /payment} started and {@code POST /payment-result} must finish. */
    record PendingPayment(String method, String paymentId, String payerId, String returnPage, String failedPage) {}

    final String id = randomHex(16);
    // Geo-IP sees the caller's (the BFF's) own address, which for the sandbox is Sweden (§0.4).
    String country = "SE";
    String state;
    String market = "1";
    String pricelist = CatalogData.SEK;
    String language = "en";
    String paymentMethod = "paypal";
    String shippingMethod = "standard";
    final List<Line> lines = new ArrayList<>();
    final List<String> vouchers = new ArrayList<>();
    GiftCertificateEndpoints.Chosen giftCertificate;
    final ObjectNode address = JsonNodeFactory.instance.objectNode();
    final ObjectNode shippingAddress = JsonNodeFactory.instance.objectNode();
    final ObjectNode fields = JsonNodeFactory.instance.objectNode();
    PendingPayment pendingPayment;
    ObjectNode order;

    static String randomHex(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }

    Optional<Line> line(String lineId) {
        return lines.stream().filter(l -> l.id.equals(lineId)).findFirst();
    }

    Optional<Line> lineWithItem(String item) {
        return lines.stream().filter(l -> l.item.equals(item)).findFirst();
    }

    String currency() {
        return Catalog.currencyOf(pricelist);
    }

    boolean completed() {
        return order != null;
    }
}
