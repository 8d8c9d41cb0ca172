package io.centrabff.sandbox;

import io.centrabff.sandbox.Catalog.Category;
import io.centrabff.sandbox.Catalog.Item;
import io.centrabff.sandbox.Catalog.Price;
import io.centrabff.sandbox.Catalog.Product;
import java.math.BigDecimal;
import java.math.RoundingMode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Renders a product (Centra display item, §6) in one language and one pricelist, or all pricelists. */
final class ProductJson {

    static final String ALL_PRICELISTS = "all";

    private ProductJson() {}

    static ObjectNode render(Product product, String language, String pricelist) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        Category category = Catalog.category(product.categoryId()).orElseThrow();
        node.put("product", product.id());
        node.put("name", product.name(language));
        node.put("uri", product.uri());
        node.put("sku", "P" + product.id());
        node.put("productSku", "P" + product.id());
        node.put("brandName", "Sandbox Basics");
        node.put("brandUri", "sandbox-basics");
        node.put("variantName", "");
        node.put("excerpt", product.description().get(language));
        node.put("description", product.description().get(language));
        node.put("metaTitle", product.name(language));
        node.put("category", category.id());
        node.putArray("categoryName").add(category.name().get(language));
        node.put("categoryUri", category.uri());
        node.putArray("categories").add(categoryJson(category, language));
        node.put("centraProduct", "9" + product.id());
        node.put("centraVariant", "8" + product.id());
        node.put("itemQuantityMinimum", 1);
        node.put("itemQuantityMultipleOf", 1);
        if (ALL_PRICELISTS.equals(pricelist)) {
            ObjectNode prices = node.putObject("prices");
            Catalog.PRICELISTS.forEach(p -> {
                if (product.priceIn(p.id()) != null) {
                    putPrice(prices.putObject(p.id()), product, p.id());
                }
            });
            node.put("available", true);
        } else {
            putPrice(node, product, pricelist);
            node.put("available", product.priceIn(pricelist) != null);
        }
        ArrayNode items = node.putArray("items");
        product.items().forEach(item -> items.add(itemJson(item)));
        ObjectNode media = node.putObject("media");
        media.putArray("standard").add("https://picsum.photos/seed/" + product.uri() + "/600/800");
        media.putArray("full").add("https://picsum.photos/seed/" + product.uri() + "/1200/1600");
        node.putArray("relatedProducts");
        node.put("createdAt", product.createdAt());
        node.put("modifiedAt", product.createdAt());
        return node;
    }

    static ObjectNode categoryJson(Category category, String language) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("category", category.id());
        node.putArray("name").add(category.name().get(language));
        node.put("uri", category.uri());
        return node;
    }

    static ObjectNode itemJson(Item item) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("item", item.id());
        node.put("sizeId", item.sizeId());
        node.put("name", item.name());
        node.put("sku", item.sku());
        node.put("ean", "73" + item.id().replace("-", "0"));
        node.put("stock", item.stock() > 0 ? "yes" : "no");
        return node;
    }

    /** The §6 price fields; a product without a price in the pricelist is listed with nulls and can't be bought. */
    private static void putPrice(ObjectNode node, Product product, String pricelist) {
        Price price = product.priceIn(pricelist);
        node.put("showAsNew", product.isNew());
        if (price == null) {
            node.putNull("price");
            node.putNull("priceAsNumber");
            node.putNull("priceBeforeDiscount");
            node.putNull("priceBeforeDiscountAsNumber");
            node.put("discountPercent", 0);
            node.put("showAsOnSale", false);
            return;
        }
        String currency = Catalog.currencyOf(pricelist);
        Money.put(node, "price", price.price(), currency);
        Money.put(node, "priceBeforeDiscount", price.before(), currency);
        BigDecimal off = price.before().subtract(price.price());
        int percent = off.signum() <= 0
                ? 0
                : off.multiply(BigDecimal.valueOf(100))
                        .divide(price.before(), 0, RoundingMode.HALF_UP)
                        .intValue();
        node.put("discountPercent", percent);
        node.put("showAsOnSale", percent > 0);
    }
}
