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
        ObjectNode node = base(product, language);
        if (ALL_PRICELISTS.equals(pricelist)) {
            ObjectNode prices = node.putObject("prices");
            Catalog.PRICELISTS.forEach(p -> {
                if (product.priceIn(p.id()) != null) {
                    putPrice(prices.putObject(p.id()), product, p.id()).put("showAsNew", product.isNew());
                }
            });
            node.put("showAsNew", product.isNew());
            node.put("available", true);
        } else {
            putPrice(node, product, pricelist);
            node.put("showAsNew", product.isNew());
            node.put("available", product.priceIn(pricelist) != null);
        }
        ArrayNode items = node.putArray("items");
        for (int i = 0; i < product.items().size(); i++) {
            ObjectNode item = itemJson(product.items().get(i), i);
            item.put("sizeId", product.items().get(i).sizeId());
            item.put("stock", product.items().get(i).stock() > 0 ? "yes" : "no");
            items.add(item);
        }
        node.set("media", media(product));
        // Keyed by category id, as overview and products-and-categories show it.
        ObjectNode categories = node.putObject("categories");
        product.categories().forEach(id -> Catalog.category(id)
                .ifPresent(c -> categories.set(c.id(), categoryJson(c, language, false))));
        node.putObject("swatch")
                .put("desc", product.swatch().get("desc"))
                .put("hex", product.swatch().get("hex"));
        ArrayNode related = node.putArray("relatedProducts");
        product.related().forEach(id -> Catalog.product(id)
                .filter(r -> r.markets().stream().anyMatch(product.markets()::contains))
                .ifPresent(r -> related.add(related(r, language, pricelist, product))));
        node.put("createdAt", product.createdAt());
        node.put("modifiedAt", product.createdAt());
        return node;
    }

    /**
     * A related product (cross-sell "Full response example"): the display fields, prices, sized items with stock and
     * media, and the {@code relation}: {@code variant} for the same model, {@code standard} otherwise. With all
     * pricelists it carries {@code prices} like the product itself.
     */
    private static ObjectNode related(Product product, String language, String pricelist, Product of) {
        ObjectNode node = base(product, language);
        if (ALL_PRICELISTS.equals(pricelist)) {
            ObjectNode prices = node.putObject("prices");
            // No showAsNew here: a related product has none in a single pricelist either.
            Catalog.PRICELISTS.forEach(p -> {
                if (product.priceIn(p.id()) != null) {
                    putPrice(prices.putObject(p.id()), product, p.id());
                }
            });
        } else if (product.priceIn(pricelist) != null) {
            putPrice(node, product, pricelist);
        }
        ArrayNode items = node.putArray("items");
        for (int i = 0; i < product.items().size(); i++) {
            items.add(itemJson(product.items().get(i), i)
                    .put("stock", product.items().get(i).stock() > 0 ? "yes" : "no"));
        }
        node.set("media", media(product));
        node.put("relation", product.categoryId().equals(of.categoryId()) ? "variant" : "standard");
        return node;
    }

    /**
     * The product inside a selection line (order-flow): the display fields plus {@code presets} and
     * {@code tableMappings}, without the catalog-only {@code categories}, {@code available}, item stock and dates.
     */
    static ObjectNode lineProduct(Product product, String language, String pricelist) {
        ObjectNode node = base(product, language);
        putPrice(node, product, pricelist);
        node.put("showAsNew", product.isNew());
        ArrayNode items = node.putArray("items");
        for (int i = 0; i < product.items().size(); i++) {
            items.add(itemJson(product.items().get(i), i));
        }
        node.set("media", media(product));
        ObjectNode presets = node.putObject("presets");
        presets.putArray("prepacks");
        presets.putArray("distributions");
        node.putObject("tableMappings");
        return node;
    }

    /**
     * The product model of {@code POST /orders}' {@code products[]} (user-accounts "POST orders"), older than the one
     * of the catalog: {@code silkProduct}/{@code silkVariant}, {@code priceReduction}, {@code inStock},
     * {@code canonicalUri}.
     */
    static ObjectNode orderListProduct(Product product, String language, String pricelist) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        Category category = Catalog.category(product.categoryId()).orElseThrow();
        String description = product.description(language);
        node.put("product", product.id());
        node.put("name", product.name(language));
        node.put("uri", product.uri());
        node.put("sku", "P" + product.id());
        node.put("productSku", "P" + product.id());
        node.put("brandName", Catalog.brand(product.brand()).orElseThrow().name());
        node.put("silkProduct", "9" + product.id());
        node.put("silkVariant", "8" + product.id());
        node.put("variantName", "");
        node.put("primaryVariant", true);
        node.put("excerpt", description);
        node.put("description", description);
        node.put("metaTitle", product.name(language));
        node.put("metaDescription", description);
        node.put("metaKeywords", product.material().toLowerCase(java.util.Locale.ROOT));
        node.put("stockUnit", "");
        node.put("harmCode", "");
        node.put("harmCodeDescription", "");
        Price price = product.priceIn(pricelist);
        BigDecimal now = price == null ? BigDecimal.ZERO : price.price();
        BigDecimal before = price == null ? BigDecimal.ZERO : price.before();
        String currency = Catalog.currencyOf(pricelist);
        node.put("price", Money.format(now, currency));
        node.put("priceBeforeDiscount", Money.format(before, currency));
        node.put("priceReduction", Money.format(before.subtract(now), currency));
        node.put("priceAsNumber", Money.round(now));
        node.put("priceBeforeDiscountAsNumber", Money.round(before));
        node.put("priceReductionAsNumber", Money.round(before.subtract(now)));
        node.put(
                "discountPercent",
                before.signum() == 0
                        ? 0
                        : before.subtract(now)
                                .multiply(BigDecimal.valueOf(100))
                                .divide(before, 0, RoundingMode.HALF_UP)
                                .intValue());
        node.put("showAsOnSale", now.compareTo(before) < 0);
        node.put("newProduct", product.isNew());
        node.put("inStock", product.items().stream().anyMatch(i -> i.stock() > 0));
        ArrayNode items = node.putArray("items");
        product.items().forEach(item -> items.addObject()
                .put("item", item.id())
                .put("name", item.name())
                .put("ean", "73" + item.id().replace("-", "0"))
                .put("sku", item.sku())
                .put("inStock", item.stock() > 0));
        node.put("canonicalUri", category.uri() + "/" + product.uri());
        node.set("media", media(product));
        node.putArray("relatedProducts");
        return node;
    }

    /** The fields every documented product shape has, in the order Centra lists them. */
    private static ObjectNode base(Product product, String language) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        Category category = Catalog.category(product.categoryId()).orElseThrow();
        Catalog.Brand brand = Catalog.brand(product.brand()).orElseThrow();
        Catalog.Collection collection = Catalog.collection(product.collection()).orElseThrow();
        String description = product.description(language);
        node.put("product", product.id());
        node.put("name", product.name(language));
        node.put("uri", product.uri());
        node.put("sku", "P" + product.id());
        node.put("productSku", "P" + product.id());
        node.put("brand", brand.id());
        node.put("brandName", brand.name());
        node.put("brandUri", brand.uri());
        node.put("collection", collection.id());
        node.put("collectionName", collection.name());
        node.put("collectionUri", collection.uri());
        node.put("variantName", product.swatch().get("desc"));
        node.put("countryOrigin", product.countryOrigin());
        node.put("excerpt", description);
        node.put("excerptHtml", "<p>" + description + "</p>");
        node.put("description", description);
        node.put("descriptionHtml", "<p>" + description + "</p>");
        node.put("metaTitle", product.name(language));
        node.put("metaDescription", description);
        node.put("metaKeywords", product.material().toLowerCase(java.util.Locale.ROOT));
        node.put("stockUnit", "");
        node.put("category", category.id());
        category.path(language).forEach(node.putArray("categoryName")::add);
        node.put("categoryUri", category.uri());
        node.put("centraProduct", "9" + product.id());
        node.put("centraVariant", "8" + product.id());
        node.put("itemQuantityMinimum", 1);
        node.put("itemQuantityMultipleOf", 1);
        ObjectNode table = node.putObject("itemTable");
        ArrayNode x = table.putArray("x");
        product.items().forEach(item -> x.add(item.name()));
        table.putArray("y");
        table.put("dividerSymbol", "x");
        return node;
    }

    /**
     * Centra's media: an object keyed by image size ({@code standard} has no suffix), each a list of URLs, the same
     * images in the same order in every size: a front and a back view.
     */
    private static ObjectNode media(Product product) {
        ObjectNode media = JsonNodeFactory.instance.objectNode();
        String[][] sizes = {{"thumb", "150/200"}, {"standard", "600/800"}, {"full", "1200/1600"}};
        for (String[] size : sizes) {
            ArrayNode urls = media.putArray(size[0]);
            for (String view : new String[] {"front", "back"}) {
                urls.add("https://picsum.photos/seed/" + product.uri() + "-" + view + "/" + size[1]);
            }
        }
        return media;
    }

    /** A category as GET /categories lists it, with {@code inCategory} naming its parent. */
    static ObjectNode categoryJson(Category category, String language) {
        return categoryJson(category, language, true);
    }

    /** {@code name} is the path of names from the top ({@code ["Tops", "T-shirts"]}), as Centra gives it. */
    static ObjectNode categoryJson(Category category, String language, boolean withParent) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("category", category.id());
        category.path(language).forEach(node.putArray("name")::add);
        node.put("uri", category.uri());
        if (withParent && category.parent() != null) {
            node.put("inCategory", category.parent());
        }
        return node;
    }

    /** One size; {@code itemTableX}/{@code itemTableY} place it in the product's size table. */
    static ObjectNode itemJson(Item item, int column) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("item", item.id());
        node.put("itemTableX", column);
        node.put("itemTableY", 0);
        node.put("name", item.name());
        node.put("ean", "73" + item.id().replace("-", "0"));
        node.put("sku", item.sku());
        return node;
    }

    /** The §6 price fields; a product without a price in the pricelist is listed with nulls and can't be bought. */
    private static ObjectNode putPrice(ObjectNode node, Product product, String pricelist) {
        Price price = product.priceIn(pricelist);
        if (price == null) {
            node.putNull("price");
            node.putNull("priceAsNumber");
            node.putNull("priceBeforeDiscount");
            node.putNull("priceBeforeDiscountAsNumber");
            node.put("discountPercent", 0);
            node.put("showAsOnSale", false);
            return node;
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
        return node;
    }
}
