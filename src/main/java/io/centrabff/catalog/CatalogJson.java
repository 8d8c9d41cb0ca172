package io.centrabff.catalog;

import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** JSON helpers of the catalog: one mapper for canonical keys and rendering, and id extraction for eviction. */
final class CatalogJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private CatalogJson() {}

    /** Every product id a body shows: listed products, the single product and their related products. */
    static Set<String> productIds(JsonNode body) {
        Set<String> ids = new TreeSet<>();
        body.path("products").forEach(p -> addProduct(p, ids));
        addProduct(body.path("product"), ids);
        return ids;
    }

    private static void addProduct(JsonNode product, Set<String> ids) {
        if (product.hasNonNull("product")) {
            ids.add(product.get("product").asText());
        }
        product.path("relatedProducts").forEach(r -> {
            if (r.hasNonNull("product")) {
                ids.add(r.get("product").asText());
            }
        });
    }

    /** Every category id a body shows, as a product's category, in a category list or a URI lookup's category. */
    static Set<String> categoryIds(JsonNode body) {
        Set<String> ids = new TreeSet<>();
        body.path("products").forEach(p -> addCategories(p, ids));
        addCategories(body.path("product"), ids);
        body.path("categories").forEach(c -> add(c.path("category"), ids));
        add(body.path("category").path("category"), ids);
        return ids;
    }

    private static void addCategories(JsonNode product, Set<String> ids) {
        add(product.path("category"), ids);
        // Centra documents categories as a map keyed by id; its types say array (reference §0.11). Accept both.
        JsonNode categories = product.path("categories");
        if (categories.isArray()) {
            categories.forEach(c -> add(c.isObject() ? c.path("category") : c, ids));
        } else if (categories.isObject()) {
            categories.propertyNames().forEach(ids::add);
        }
    }

    private static void add(JsonNode value, Set<String> ids) {
        if (value.isValueNode() && !value.isNull()) {
            ids.add(value.asText());
        }
    }
}
