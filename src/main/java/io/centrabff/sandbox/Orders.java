package io.centrabff.sandbox;

import io.centrabff.sandbox.Catalog.Item;
import io.centrabff.sandbox.SandboxSelection.Line;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Stock checks and the selection → order conversion that ends a checkout. */
final class Orders {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Orders() {}

    /**
     * Centra's stock check (§0.6): trims the selection to what is in stock and answers 410 with {@code unavailable[]}
     * and the corrected selection, so the client can show what changed.
     */
    static void checkStock(Call call) {
        SandboxSelection selection = call.selection();
        ArrayNode unavailable = JsonNodeFactory.instance.arrayNode();
        for (Iterator<Line> lines = selection.lines.iterator(); lines.hasNext(); ) {
            Line line = lines.next();
            Item item = Catalog.item(line.item).orElseThrow();
            if (line.quantity <= item.stock()) {
                continue;
            }
            int available = Math.max(0, item.stock());
            unavailable
                    .addObject()
                    .put("item", line.item)
                    .put(
                            "product",
                            Catalog.productOfItem(line.item).orElseThrow().id())
                    .put("originalQuantity", line.quantity)
                    .put("unavailable", line.quantity - available)
                    .put("available", available);
            if (available == 0) {
                lines.remove();
            } else {
                line.quantity = available;
            }
        }
        if (!unavailable.isEmpty()) {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.putObject("errors").put("stock", "unavailable items");
            body.set("unavailable", unavailable);
            body.setAll(SelectionJson.response(call));
            throw new SandboxError(410, body);
        }
    }

    /** Turns the selection into an order; from now on its token answers with the order (§0.7). */
    static ObjectNode complete(Call call) {
        SandboxSelection selection = call.selection();
        ObjectNode cart = SelectionJson.selection(selection);
        ObjectNode order = JsonNodeFactory.instance.objectNode();
        order.put("order", call.state().nextOrderNumber());
        order.put("status", "untouched");
        order.put("statusDescription", "Pending");
        order.put("date", LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DATE));
        order.put("currency", selection.currency());
        order.set("currencyFormat", cart.get("currencyFormat"));
        order.put("paymentMethod", selection.paymentMethod);
        order.put("paymentMethodName", cart.get("paymentMethodName").asText());
        order.put("shippingMethod", selection.shippingMethod);
        order.put("shippingMethodName", cart.get("shippingMethodName").asText());
        order.set("items", cart.get("items"));
        order.set("discounts", cart.get("discounts"));
        order.set("totals", cart.get("totals"));
        order.set("address", cart.get("address"));
        order.set("shippingAddress", cart.get("shippingAddress"));
        // Not a Centra field: lets tests check the BFF passed the shopper's IP on POST /payment.
        order.put("ipAddress", selection.ipAddress);
        order.putArray("shipments");
        order.put("affiliateHtml", "");
        selection.order = order;
        selection.pendingPayment = null;
        return order;
    }
}
