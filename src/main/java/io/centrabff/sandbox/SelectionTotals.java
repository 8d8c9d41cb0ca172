package io.centrabff.sandbox;

import io.centrabff.sandbox.Catalog.Price;
import io.centrabff.sandbox.Catalog.ShippingMethod;
import io.centrabff.sandbox.Catalog.Voucher;
import io.centrabff.sandbox.SandboxSelection.Line;
import java.math.BigDecimal;
import java.math.RoundingMode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Prices a selection in its pricelist: lines, voucher discount, shipping and the tax included in the total. */
record SelectionTotals(
        BigDecimal items, BigDecimal discount, BigDecimal shipping, BigDecimal shippingSaved, int quantity) {

    /** Swedish-style VAT, included in every price (taxDeducted/taxAdded stay false). */
    static final BigDecimal TAX_PERCENT = BigDecimal.valueOf(25);

    static SelectionTotals of(SandboxSelection selection) {
        BigDecimal items = BigDecimal.ZERO;
        int quantity = 0;
        for (Line line : selection.lines) {
            items = items.add(priceEach(selection, line).multiply(BigDecimal.valueOf(line.quantity)));
            quantity += line.quantity;
        }
        int percent = 0;
        boolean freeShipping = false;
        for (String code : selection.vouchers) {
            Voucher voucher = Catalog.voucher(code).orElseThrow();
            percent += voucher.percentOff();
            freeShipping |= voucher.freeShipping();
        }
        BigDecimal discount = Money.round(
                        items.multiply(BigDecimal.valueOf(percent)).movePointLeft(2))
                .negate();
        int products = quantity;
        if (selection.giftCertificate != null) {
            // Virtual: no voucher discount on it and nothing to ship (fe-development/07.gift-certs).
            items = items.add(selection.giftCertificate.amount());
            quantity++;
        }
        BigDecimal shipping = products == 0
                ? BigDecimal.ZERO
                : Catalog.shippingMethod(selection.shippingMethod)
                        .map(ShippingMethod::prices)
                        .map(prices -> prices.getOrDefault(selection.currency(), BigDecimal.ZERO))
                        .orElse(BigDecimal.ZERO);
        BigDecimal saved = freeShipping ? shipping : BigDecimal.ZERO;
        return new SelectionTotals(items, discount, shipping.subtract(saved), saved, quantity);
    }

    static BigDecimal priceEach(SandboxSelection selection, Line line) {
        return Catalog.productOfItem(line.item)
                .map(p -> p.priceIn(selection.pricelist))
                .map(Price::price)
                .orElse(BigDecimal.ZERO);
    }

    BigDecimal grandTotal() {
        return items.add(discount).add(shipping);
    }

    BigDecimal tax() {
        BigDecimal grand = grandTotal();
        BigDecimal net = grand.multiply(BigDecimal.valueOf(100))
                .divide(TAX_PERCENT.add(BigDecimal.valueOf(100)), 2, RoundingMode.HALF_UP);
        return grand.subtract(net);
    }

    ObjectNode toJson(String currency) {
        ObjectNode totals = JsonNodeFactory.instance.objectNode();
        Money.put(totals, "itemsTotalPrice", items, currency);
        if (discount.signum() == 0) {
            // Centra's quirk: no discount comes as boolean false in both fields, not "0.00"/0 (order-flow).
            totals.put("totalDiscountPrice", false);
            totals.put("totalDiscountPriceAsNumber", false);
        } else {
            Money.put(totals, "totalDiscountPrice", discount, currency);
        }
        Money.put(totals, "shippingPrice", shipping, currency);
        Money.put(totals, "handlingCostPrice", BigDecimal.ZERO, currency);
        totals.put("totalQuantity", quantity);
        // Prices include VAT, so nothing is deducted or added: false in both the string and the number field.
        totals.put("taxDeducted", false);
        totals.put("taxDeductedAsNumber", false);
        totals.put("taxAdded", false);
        totals.put("taxAddedAsNumber", false);
        totals.put("taxPercent", TAX_PERCENT);
        Money.put(totals, "grandTotalPrice", grandTotal(), currency);
        Money.put(totals, "grandTotalPriceTax", tax(), currency);
        return totals;
    }
}
