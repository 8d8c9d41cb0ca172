package io.centrabff.sandbox;

import io.centrabff.sandbox.Catalog.Item;
import io.centrabff.sandbox.SandboxSelection.Line;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import tools.jackson.databind.JsonNode;
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
        checkStock(call, null);
    }

    /**
     * As {@link #checkStock(Call)}; with {@code cancellation} set (aggressive mode at payment-result, overselling
     * "Payment authorisation") the answer also says what the cancelled payment was.
     */
    static void checkStock(Call call, ObjectNode cancellation) {
        SandboxSelection selection = call.selection();
        ArrayNode unavailable = JsonNodeFactory.instance.arrayNode();
        for (Iterator<Line> lines = selection.lines.iterator(); lines.hasNext(); ) {
            Line line = lines.next();
            Item item = call.state().products.item(line.item).orElseThrow();
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
            if (cancellation != null) {
                body.set("cancellation", cancellation);
            }
            body.setAll(SelectionJson.response(call));
            throw new SandboxError(410, body);
        }
    }

    /**
     * Turns the selection into an order; from now on its token answers with the order (§0.7). The stored order is
     * what {@code GET /selection} shows afterwards (order-flow "Order summary"); the payment answers add
     * {@link #paymentAnswer} fields.
     */
    static ObjectNode complete(Call call) {
        SandboxSelection selection = call.selection();
        ObjectNode cart = SelectionJson.selection(selection, call.state().ingrid());
        ObjectNode order = JsonNodeFactory.instance.objectNode();
        order.put("order", call.state().nextOrderNumber());
        order.put("status", "untouched");
        order.put("statusDescription", "Pending");
        order.put("message", "");
        order.put("date", LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DATE));
        // Shown only as null in the documented orders.
        order.putNull("language");
        order.put("currency", selection.currency());
        order.put("paymentMethod", selection.paymentMethod);
        order.put("paymentMethodName", cart.get("paymentMethodName").asText());
        order.put("shippingMethod", selection.shippingMethod);
        order.put("shippingMethodName", cart.get("shippingMethodName").asText());
        ArrayNode items = order.putArray("items");
        cart.get("items").forEach(line -> {
            ObjectNode item = ((ObjectNode) line).deepCopy();
            item.put("storePickup", false);
            items.add(item);
        });
        order.set("discounts", cart.get("discounts"));
        order.set("totals", cart.get("totals"));
        order.put("vatExempt", false);
        order.set("address", SelectionJson.orderAddress(selection.address, selection.country, true));
        order.set("shippingAddress", SelectionJson.orderAddress(selection.shippingAddress, selection.country, false));
        JsonNode gift = selection.fields.get("giftMessage");
        if (gift != null && gift.isTextual()) {
            order.put("giftMessage", gift.asText());
        } else {
            order.putNull("giftMessage");
        }
        order.put("additionalNotes", cart.path("additionalNotes").asText(""));
        order.putArray("shipments");
        order.set("currencyFormat", cart.get("currencyFormat"));
        selection.order = order;
        selection.pendingPayment = null;
        return order;
    }

    /**
     * The order as the payment answers show it ({@code POST /payment-result}, {@code GET /receipt}, {@code action:
     * success}): the stored order plus {@code affiliateHtml} and {@code paymentMethodData} (order-flow "Receipt").
     */
    static ObjectNode paymentAnswer(Call call) {
        ObjectNode answer = SelectionJson.response(call);
        ObjectNode order = call.selection().order.deepCopy();
        order.put("affiliateHtml", "");
        order.putObject("paymentMethodData");
        answer.set("order", order);
        return answer;
    }

    /**
     * One entry of {@code POST /orders} (user-accounts "POST orders"): lines name their product by id with
     * {@code brandName} and {@code productName} instead of the product object; no language, notes or VAT number.
     */
    static ObjectNode listEntry(ObjectNode order) {
        ObjectNode entry = order.deepCopy();
        entry.remove("language");
        entry.remove("additionalNotes");
        ((ObjectNode) entry.get("address")).remove("vatNumber");
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        for (JsonNode line : order.path("items")) {
            JsonNode product = line.path("product");
            ObjectNode item = items.addObject();
            item.put("item", line.path("item").asText());
            item.put("product", product.path("product").asText());
            item.put("brandName", product.path("brandName").asText());
            item.put("productName", product.path("name").asText());
            for (String field : List.of("size", "sku", "ean", "quantity", "storePickup", "line")) {
                item.set(field, line.get(field));
            }
            for (String money : List.of("priceEach", "totalPrice", "priceEachBeforeDiscount")) {
                item.set(money, line.get(money));
                item.set(money + "AsNumber", line.get(money + "AsNumber"));
            }
            item.set("anyDiscount", line.get("anyDiscount"));
            item.set("taxPercent", line.get("taxPercent"));
            item.set("priceEachWithoutTax", line.get("priceEachWithoutTax"));
            item.set("priceEachWithoutTaxAsNumber", line.get("priceEachWithoutTaxAsNumber"));
        }
        entry.set("items", items);
        return entry;
    }
}
