package io.centrabff.sandbox;

import io.centrabff.sandbox.Catalog.Product;
import io.centrabff.sandbox.Catalog.Voucher;
import io.centrabff.sandbox.SandboxSelection.Line;
import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Renders Centra's selection response (§5); every mutating cart call answers with it. */
final class SelectionJson {

    /** The selection's address fields, in Centra's order (order-flow); {@code shippingAddress} has the same. */
    static final List<String> ADDRESS_FIELDS = List.of(
            "firstName",
            "lastName",
            "email",
            "phoneNumber",
            "company",
            "address1",
            "address2",
            "zipCode",
            "city",
            "state",
            "country",
            "vatNumber");

    /** The order's address fields (order-flow "Receipt"); {@code shippingAddress} has them without vatNumber. */
    private static final List<String> ORDER_ADDRESS_FIELDS = List.of(
            "email",
            "firstName",
            "lastName",
            "company",
            "address1",
            "address2",
            "zipCode",
            "city",
            "state",
            "country",
            "countryName",
            "phoneNumber",
            "vatNumber");

    private SelectionJson() {}

    /** The full response; once the selection became an order, Centra answers with the order instead (§0.7). */
    static ObjectNode response(Call call) {
        SandboxSelection selection = call.selection();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (selection.completed()) {
            out.set("order", selection.order);
        } else {
            out.set("selection", selection(selection, call.state().ingrid()));
            out.set("paymentMethods", StoreJson.paymentMethods(selection.currency()));
            out.set("paymentFields", StoreJson.paymentFields());
            out.set("shippingMethods", StoreJson.shippingMethods(selection.currency()));
        }
        out.set("countries", StoreJson.countries(call.authorized(), false));
        // The selected language as an object next to all languages (selections-and-orders "Localization").
        out.set("language", StoreJson.language(selection.language));
        out.set("languages", StoreJson.languages());
        out.set("location", StoreJson.location(selection, call.authorized()));
        call.state().customers.loggedIn(selection).ifPresent(customer -> out.set("loggedIn", customer));
        return out;
    }

    static ObjectNode selection(SandboxSelection selection, SandboxWidgets.IngridMode ingrid) {
        String currency = selection.currency();
        SelectionTotals totals = SelectionTotals.of(selection);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("language", selection.language);
        node.put("currency", currency);
        node.put("paymentMethod", selection.paymentMethod);
        node.put(
                "paymentMethodName",
                Catalog.paymentMethod(selection.paymentMethod).orElseThrow().name());
        node.put("shippingMethod", selection.shippingMethod);
        node.put(
                "shippingMethodName",
                Catalog.shippingMethod(selection.shippingMethod).orElseThrow().name());
        ArrayNode items = node.putArray("items");
        selection.lines.forEach(line -> items.add(line(selection, line)));
        // A certificate shows only in the totals: Centra's pages show no selection holding one, and the sandbox
        // invents no field for it.
        node.set("discounts", discounts(selection, totals));
        node.set("totals", totals.toJson(currency));
        node.put("vatExempt", false);
        node.set("address", address(selection.address, selection.country));
        node.set("shippingAddress", address(selection.shippingAddress, selection.country));
        // Consents and terms sent to payment-fields are kept for the payment step, not echoed: Centra's selection
        // has only additionalNotes of them, always (order-flow).
        node.put("additionalNotes", selection.fields.path("additionalNotes").asText(""));
        node.set("currencyFormat", Money.currencyFormat(currency));
        // Centra only sends the CheckoutScript while a widget (KCO, Qliro One, Ingrid) is active (W1).
        SandboxWidgets.render(selection, node, ingrid);
        return node;
    }

    static ObjectNode line(SandboxSelection selection, Line line) {
        Product product = Catalog.productOfItem(line.item).orElseThrow();
        Catalog.Item item = Catalog.item(line.item).orElseThrow();
        String currency = selection.currency();
        BigDecimal each = SelectionTotals.priceEach(selection, line);
        BigDecimal total = each.multiply(BigDecimal.valueOf(line.quantity));
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("line", line.id);
        node.put("item", item.id());
        node.put("quantity", line.quantity);
        node.put("size", item.name());
        node.put("sku", item.sku());
        node.put("ean", "73" + item.id().replace("-", "0"));
        node.put("productUrl", product.uri());
        // Shown only as null in every documented line (order-flow).
        node.putNull("category");
        Money.put(node, "priceEach", each, currency);
        Money.put(node, "priceEachBeforeDiscount", each, currency);
        Money.put(node, "priceEachWithoutTax", each.multiply(BigDecimal.valueOf(0.8)), currency);
        Money.put(node, "priceEachReduction", BigDecimal.ZERO, currency);
        Money.put(node, "totalPrice", total, currency);
        node.put("anyDiscount", false);
        node.put("taxPercent", SelectionTotals.TAX_PERCENT);
        node.set("product", ProductJson.lineProduct(product, selection.language, selection.pricelist));
        return node;
    }

    /** {@code vouchers} is a list here, as in the types; newer Centra instances send a map (§0.11). */
    private static ObjectNode discounts(SandboxSelection selection, SelectionTotals totals) {
        String currency = selection.currency();
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        BigDecimal off = totals.discount().negate().add(totals.shippingSaved());
        node.put("anyDiscount", off.signum() > 0);
        Money.put(node, "discount", off, currency);
        node.putArray("automaticDiscounts");
        ArrayNode vouchers = node.putArray("vouchers");
        for (String code : selection.vouchers) {
            Voucher voucher = Catalog.voucher(code).orElseThrow();
            BigDecimal priceOff = voucher.freeShipping()
                    ? totals.shippingSaved()
                    : Money.round(totals.items()
                            .multiply(BigDecimal.valueOf(voucher.percentOff()))
                            .movePointLeft(2));
            ObjectNode entry = vouchers.addObject();
            entry.put("voucher", voucher.code());
            entry.put("type", "code");
            entry.put("description", voucher.description());
            Money.put(entry, "priceOff", priceOff, currency);
        }
        return node;
    }

    /** The documented fields only, each a string; other fields a client sent stay stored but are not echoed. */
    static ObjectNode address(ObjectNode stored, String country) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ADDRESS_FIELDS.forEach(field -> node.put(field, stored.path(field).asText("")));
        if (node.path("country").asText().isEmpty()) {
            node.put("country", country);
        }
        return node;
    }

    /** An order's address: the selection's plus {@code countryName}; the shipping one has no {@code vatNumber}. */
    static ObjectNode orderAddress(ObjectNode stored, String country, boolean billing) {
        ObjectNode selectionAddress = address(stored, country);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (String field : ORDER_ADDRESS_FIELDS) {
            if (field.equals("countryName")) {
                node.put(
                        field,
                        Catalog.country(selectionAddress.path("country").asText())
                                .map(Catalog.Country::name)
                                .orElse(""));
            } else if (billing || !field.equals("vatNumber")) {
                node.put(field, selectionAddress.path(field).asText(""));
            }
        }
        return node;
    }
}
