package io.centrabff.webhook;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * What one webhook call asks the cache to forget, read from either plugin version: Checkout API keys ({@code products},
 * {@code categories}, …) or Storefront API keys ({@code DisplayItems}, {@code Categories}, …).
 *
 * @param products product (display item) ids to evict precisely
 * @param categories category ids to evict precisely
 * @param broad types that may change any price or listing (markets, pricelists, campaigns, unknown): clear all
 * @param ignored types that never show in the catalog (e.g. CMS articles, affiliates)
 */
record WebhookEvent(Set<String> products, Set<String> categories, Set<String> broad, Set<String> ignored) {

    private enum Scope {
        PRODUCTS,
        CATEGORIES,
        IGNORED
    }

    /** Types by lowercase key; both versions' names land here. Anything not listed is broad. */
    private static final Map<String, Scope> SCOPES = Map.ofEntries(
            Map.entry("products", Scope.PRODUCTS),
            Map.entry("displayitems", Scope.PRODUCTS),
            Map.entry("categories", Scope.CATEGORIES),
            Map.entry("affiliates", Scope.IGNORED),
            Map.entry("giftcertificates", Scope.IGNORED),
            Map.entry("statics", Scope.IGNORED),
            Map.entry("cmsarticles", Scope.IGNORED),
            Map.entry("mapslocations", Scope.IGNORED),
            Map.entry("mapsregion", Scope.IGNORED),
            Map.entry("brickandmortars", Scope.IGNORED));

    /** Known type names for bounded metric tags. */
    static final Set<String> KNOWN = Set.of(
            "products",
            "displayitems",
            "categories",
            "pricelists",
            "markets",
            "campaigns",
            "campaignsites",
            "brands",
            "collections",
            "languages",
            "warehouses",
            "warehousegroups",
            "affiliates",
            "giftcertificates",
            "statics",
            "cmsarticles",
            "mapslocations",
            "mapsregion",
            "brickandmortars");

    static WebhookEvent of(JsonNode payload) {
        Set<String> products = new TreeSet<>();
        Set<String> categories = new TreeSet<>();
        Set<String> broad = new TreeSet<>();
        Set<String> ignored = new TreeSet<>();
        payload.properties().forEach(field -> {
            String type = field.getKey().toLowerCase(java.util.Locale.ROOT);
            Scope scope = SCOPES.get(type);
            if (scope == Scope.IGNORED) {
                ignored.add(type);
                return;
            }
            Set<String> ids = ids(field.getValue());
            if (scope == Scope.PRODUCTS && ids != null) {
                products.addAll(ids);
            } else if (scope == Scope.CATEGORIES && ids != null) {
                categories.addAll(ids);
            } else {
                broad.add(type);
            }
        });
        return new WebhookEvent(products, categories, broad, ignored);
    }

    /** Ids as Centra sends them (strings), numbers, objects with an id, or a map keyed by id; null if unreadable. */
    private static Set<String> ids(JsonNode value) {
        Set<String> ids = new TreeSet<>();
        if (value.isValueNode() && !value.isNull()) {
            ids.add(value.asText());
        } else if (value.isArray()) {
            for (JsonNode item : value) {
                JsonNode id = item.isObject() ? item.path("id") : item;
                if (!id.isValueNode() || id.isNull()) {
                    return null;
                }
                ids.add(id.asText());
            }
        } else if (value.isObject()) {
            value.propertyNames().forEach(ids::add);
        } else {
            return null;
        }
        return ids;
    }

    static String tag(String type) {
        return KNOWN.contains(type) ? type : "unknown";
    }
}
