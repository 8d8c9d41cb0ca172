package io.centrabff.sandbox;

import io.centrabff.sandbox.Catalog.Item;
import io.centrabff.sandbox.Catalog.Price;
import io.centrabff.sandbox.Catalog.Product;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Products as changed through {@code POST /sandbox/products/{id}} (price, name, stock), over the fixed catalog, so
 * the catalog reads of one sandbox show the change, as Centra would after an edit in its admin.
 */
final class ProductChanges {

    private final Map<String, Product> changed = new ConcurrentHashMap<>();

    List<Product> all() {
        return Catalog.PRODUCTS.stream()
                .map(p -> changed.getOrDefault(p.id(), p))
                .toList();
    }

    /**
     * Applies {@code {price?, pricelist?, name?, stock?}}: the price goes to {@code pricelist}, or to every pricelist
     * the product has a price in; the name to every language; the stock to every item.
     */
    synchronized Product change(String id, JsonNode body) {
        Product current = all().stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow(() -> SandboxError.notFound("product", "not found"));
        Map<String, String> name = new LinkedHashMap<>(current.name());
        if (body.hasNonNull("name")) {
            name.replaceAll((language, old) -> body.get("name").asText());
        }
        Map<String, Price> prices = new LinkedHashMap<>(current.prices());
        if (body.hasNonNull("price")) {
            BigDecimal price = body.get("price").decimalValue();
            String only = body.path("pricelist").asText(null);
            if (only != null) {
                prices.put(
                        only,
                        new Price(
                                price,
                                price.max(prices.getOrDefault(only, new Price(price, price))
                                        .before())));
            } else {
                prices.replaceAll((pricelist, old) -> new Price(price, price.max(old.before())));
            }
        }
        List<Item> items = current.items();
        if (body.hasNonNull("stock")) {
            int stock = body.get("stock").asInt();
            items = items.stream()
                    .map(i -> new Item(i.id(), i.sizeId(), i.name(), i.sku(), stock))
                    .toList();
        }
        Product updated = current.withChanges(Map.copyOf(name), Map.copyOf(prices), items);
        changed.put(id, updated);
        return updated;
    }

    /** The item as changed, e.g. its current stock. */
    java.util.Optional<Item> item(String itemId) {
        return all().stream()
                .flatMap(p -> p.items().stream())
                .filter(i -> i.id().equals(itemId))
                .findFirst();
    }

    void clear() {
        changed.clear();
    }
}
