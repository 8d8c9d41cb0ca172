package io.centrabff.catalog;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a product fetched with {@code pricelist: "all"} ({@code prices: {pricelistId: {...}}}) into the product Centra
 * shows a shopper of one pricelist: that pricelist's price fields in place of {@code prices}, or null prices when the
 * product has none there (Centra lists it but cannot sell it). Never modifies the cached product.
 */
final class PriceProjection {

    /** Centra's price fields (reference §6), set to "no price" when the pricelist lacks the product. */
    private static final List<String> NULL_FIELDS =
            List.of("price", "priceAsNumber", "priceBeforeDiscount", "priceBeforeDiscountAsNumber");

    private PriceProjection() {}

    static JsonNode project(JsonNode product, String pricelist) {
        if (!product.isObject() || CatalogLoader.ALL_PRICELISTS.equals(pricelist)) {
            return product;
        }
        JsonNode prices = product.get("prices");
        JsonNode related = product.get("relatedProducts");
        if ((prices == null || !prices.isObject()) && (related == null || !related.isArray())) {
            return product;
        }
        JsonNode own = prices == null ? null : prices.get(pricelist);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        product.properties().forEach(field -> {
            switch (field.getKey()) {
                case "prices" -> putPrice(out, own, prices);
                case "available" -> out.put(
                        "available", own != null && field.getValue().asBoolean());
                case "relatedProducts" -> out.set("relatedProducts", projectAll(field.getValue(), pricelist));
                default -> out.set(field.getKey(), field.getValue());
            }
        });
        if (prices != null && own == null && out.has("available")) {
            out.put("available", false);
        }
        return out;
    }

    static ArrayNode projectAll(JsonNode products, String pricelist) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        products.forEach(p -> out.add(project(p, pricelist)));
        return out;
    }

    /** Whether the shopper's pricelist has a price for the (projected) product. */
    static boolean priced(JsonNode projected) {
        return projected.hasNonNull("price") || !projected.has("price") && !projected.has("prices");
    }

    private static void putPrice(ObjectNode out, JsonNode own, JsonNode prices) {
        if (own != null && own.isObject()) {
            out.setAll((ObjectNode) own);
            return;
        }
        // showAsNew belongs to the product, not the price; take it from any pricelist that has the product.
        boolean isNew = false;
        for (JsonNode other : prices) {
            isNew |= other.path("showAsNew").asBoolean(false);
        }
        out.put("showAsNew", isNew);
        NULL_FIELDS.forEach(out::putNull);
        out.put("discountPercent", 0);
        out.put("showAsOnSale", false);
    }
}
