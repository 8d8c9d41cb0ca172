package io.centrabff.catalog;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What one cache entry holds: a kind of read in one market and language, plus the normalised query. Nothing personal
 * (token, pricelist) is part of it, so every shopper of a market and language shares the entry.
 *
 * @param kind listing, single product, categories or URI lookup
 * @param market Centra market id
 * @param language Centra language code
 * @param query canonical JSON of the query (sorted keys, noise removed), or the product id
 */
record CatalogKey(Kind kind, String market, String language, String query) {

    enum Kind {
        LISTING,
        PRODUCT,
        CATEGORIES,
        URI
    }

    /** Fields that never change what Centra's result set is: session, context and paging/availability (applied here). */
    private static final Set<String> LISTING_NOISE =
            Set.of("token", "market", "pricelist", "language", "skipFirst", "limit", "onlyAvailable");

    private static final Set<String> URI_NOISE = Set.of("token", "market", "pricelist", "language");

    /** Arrays whose order matters; every other array of scalars is a set (OR within a field). */
    private static final Set<String> ORDERED = Set.of("sortOrder");

    static CatalogKey listing(String market, String language, ObjectNode query) {
        return new CatalogKey(Kind.LISTING, market, language, canonical(query, LISTING_NOISE));
    }

    static CatalogKey product(String market, String language, String product) {
        return new CatalogKey(Kind.PRODUCT, market, language, product);
    }

    static CatalogKey categories(String market, String language) {
        return new CatalogKey(Kind.CATEGORIES, market, language, "");
    }

    static CatalogKey uri(String market, String language, ObjectNode query) {
        return new CatalogKey(Kind.URI, market, language, canonical(query, URI_NOISE));
    }

    /** The normalised query as an object again, for the upstream call. */
    ObjectNode queryBody() {
        return (ObjectNode) CatalogJson.MAPPER.readTree(query.isEmpty() ? "{}" : query);
    }

    static String canonical(ObjectNode query, Set<String> noise) {
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        if (query != null) {
            query.properties().forEach(field -> {
                if (!noise.contains(field.getKey())) {
                    copy.set(field.getKey(), field.getValue());
                }
            });
        }
        return sorted(copy, false).toString();
    }

    private static JsonNode sorted(JsonNode node, boolean keepOrder) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            node.properties().forEach(f -> fields.put(f.getKey(), sorted(f.getValue(), ORDERED.contains(f.getKey()))));
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.setAll(fields);
            return out;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            for (Iterator<JsonNode> it = node.values().iterator(); it.hasNext(); ) {
                items.add(sorted(it.next(), keepOrder));
            }
            if (!keepOrder && items.stream().allMatch(JsonNode::isValueNode)) {
                items = items.stream()
                        .distinct()
                        .sorted((a, b) -> a.asText().compareTo(b.asText()))
                        .toList();
            }
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            out.addAll(items);
            return out;
        }
        return node;
    }
}
