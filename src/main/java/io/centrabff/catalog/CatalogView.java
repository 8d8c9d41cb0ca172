package io.centrabff.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One shopper's view of a cached entry: prices projected to their pricelist, then (for listings) Centra's
 * {@code onlyAvailable}, price sorting and paging applied here, because they depend on the pricelist and the entry
 * holds the whole unpaged result. {@code productCount} and the filter counts describe what the shopper can see.
 *
 * @param pricelist the shopper's pricelist, or {@code all} for server callers
 * @param onlyAvailable drop products without a price in the pricelist
 * @param skipFirst products to skip
 * @param limit page size; negative means all
 */
record CatalogView(String pricelist, boolean onlyAvailable, int skipFirst, int limit) {

    static CatalogView of(String pricelist, JsonNode query) {
        return new CatalogView(
                pricelist,
                query.path("onlyAvailable").asBoolean(false),
                Math.max(0, query.path("skipFirst").asInt(0)),
                query.path("limit").canConvertToInt() ? query.path("limit").asInt() : -1);
    }

    ObjectNode render(CatalogKey key, CatalogEntry entry) {
        ObjectNode body = entry.body;
        if (!entry.isSuccess()) {
            return body;
        }
        return switch (key.kind()) {
            case LISTING -> listing(key, body);
            case PRODUCT, URI -> projectFields(body);
            case CATEGORIES -> body;
        };
    }

    private ObjectNode projectFields(ObjectNode body) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        body.properties()
                .forEach(field -> out.set(
                        field.getKey(),
                        switch (field.getKey()) {
                            case "product" -> PriceProjection.project(field.getValue(), pricelist);
                            case "products" -> PriceProjection.projectAll(field.getValue(), pricelist);
                            default -> field.getValue();
                        }));
        return out;
    }

    private ObjectNode listing(CatalogKey key, ObjectNode body) {
        List<JsonNode> visible = new ArrayList<>();
        List<JsonNode> hidden = new ArrayList<>();
        for (JsonNode product : body.path("products")) {
            JsonNode projected = PriceProjection.project(product, pricelist);
            boolean show = !onlyAvailable
                    || CatalogLoader.ALL_PRICELISTS.equals(pricelist)
                    || PriceProjection.priced(projected);
            (show ? visible : hidden).add(projected);
        }
        sortByPrice(key.queryBody().path("sortOrder"), visible);
        ArrayNode page = JsonNodeFactory.instance.arrayNode();
        visible.stream()
                .skip(skipFirst)
                .limit(limit < 0 ? Long.MAX_VALUE : limit)
                .forEach(page::add);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        body.properties().forEach(field -> {
            switch (field.getKey()) {
                case "products" -> out.set("products", page);
                case "productCount" -> out.put("productCount", visible.size());
                case "filter" -> out.set(
                        "filter", hidden.isEmpty() ? field.getValue() : recount(field.getValue(), hidden));
                default -> out.set(field.getKey(), field.getValue());
            }
        });
        return out;
    }

    /**
     * Centra sorted with all pricelists, where prices are not comparable; a sort by {@code priceAsNumber} is redone
     * here on the shopper's prices (stable, so the other sort fields keep Centra's order within equal prices).
     */
    private void sortByPrice(JsonNode sortOrder, List<JsonNode> products) {
        for (JsonNode sort : sortOrder) {
            if ("priceAsNumber".equals(sort.path("field").asText())) {
                Comparator<JsonNode> byPrice = Comparator.comparing(
                        (JsonNode p) -> p.hasNonNull("priceAsNumber")
                                ? p.get("priceAsNumber").decimalValue()
                                : null,
                        Comparator.nullsLast(Comparator.<BigDecimal>naturalOrder()));
                products.sort("desc".equalsIgnoreCase(sort.path("order").asText()) ? byPrice.reversed() : byPrice);
                return;
            }
        }
    }

    /** Centra's filter {@code count} is "in the current result"; take out the products this shopper can't see. */
    private static JsonNode recount(JsonNode filter, List<JsonNode> hidden) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode field : filter) {
            ObjectNode copy = (ObjectNode) field.deepCopy();
            String name = field.path("field").asText();
            for (JsonNode value : copy.path("values")) {
                String v = value.path("value").asText();
                long gone = hidden.stream()
                        .filter(p -> valuesOf(p, name).contains(v))
                        .count();
                if (gone > 0 && value.has("count")) {
                    ((ObjectNode) value)
                            .put("count", Math.max(0, value.path("count").asLong() - gone));
                }
            }
            out.add(copy);
        }
        return out;
    }

    private static Set<String> valuesOf(JsonNode product, String field) {
        Set<String> values = new HashSet<>();
        if ("categories".equals(field)) {
            values.addAll(CatalogJson.categoryIds(
                    JsonNodeFactory.instance.objectNode().set("product", product)));
            return values;
        }
        // Centra's filter fields name the product's fields in the plural (brands → brand, collections → collection)
        // or as a path into a custom attribute (swatch.desc → swatch.desc).
        JsonNode node =
                switch (field) {
                    case "brands" -> product.path("brand");
                    case "collections" -> product.path("collection");
                    default -> field.contains("~") ? product.path(field) : product.at("/" + field.replace(".", "/"));
                };
        if (node.isArray()) {
            node.forEach(n -> values.add(n.asText()));
        } else if (node.isValueNode()) {
            values.add(node.asText());
        }
        return values;
    }
}
