package io.centrabff.catalog;

import io.centrabff.web.BffException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The catalog request bodies Centra documents, field by field (POST /products and POST /uri, reference §3.4), with
 * types and sizes. Anything else is refused with a 400 naming the field: an unknown field would otherwise be a new
 * cache key (one upstream call each) and would reach Centra on a call signed with the shared secret.
 */
final class CatalogQueries {

    private enum Type {
        /** A Centra id or code: string or integer, short. */
        ID,
        TEXT,
        BOOLEAN,
        COUNT,
        /** An array of ids, as the OR-filters take. */
        IDS,
        URI,
        SORT,
        FOR
    }

    private static final int MAX_ID = 128;
    private static final int MAX_SEARCH = 256;
    private static final int MAX_URI = 2048;
    private static final int MAX_IDS = 200;
    private static final int MAX_SORT = 10;
    private static final int MAX_SKIP = 1_000_000;
    private static final int MAX_LIMIT = 1000;

    /** Session and context fields: the token (ignored, it travels in a header) and what only the server key may set. */
    private static final Map<String, Type> CONTEXT =
            Map.of("token", Type.TEXT, "market", Type.ID, "pricelist", Type.ID, "language", Type.ID);

    private static final Map<String, Type> LISTING = Map.ofEntries(
            Map.entry("skipFirst", Type.COUNT),
            Map.entry("limit", Type.COUNT),
            Map.entry("categories", Type.IDS),
            Map.entry("collections", Type.IDS),
            Map.entry("brands", Type.IDS),
            Map.entry("products", Type.IDS),
            Map.entry("items.name", Type.IDS),
            Map.entry("silkProduct", Type.ID),
            Map.entry("search", Type.TEXT),
            Map.entry("relatedProducts", Type.BOOLEAN),
            Map.entry("onlyAvailable", Type.BOOLEAN),
            Map.entry("uri", Type.URI),
            Map.entry("sortOrder", Type.SORT));

    private static final Map<String, Type> URI_LOOKUP =
            Map.of("uri", Type.TEXT, "for", Type.FOR, "limit", Type.COUNT, "skipFirst", Type.COUNT);

    private static final Set<String> SORT_FIELDS =
            Set.of("uri", "categoryItemSort", "collectionUri", "priceAsNumber", "createdAt", "modifiedAt");
    private static final Set<String> FOR_VALUES = Set.of("product", "category");

    private final Set<String> filterFields;

    /** @param filterFields custom filter fields configured in Centra's plugin (arrays of values, e.g. swatch.desc) */
    CatalogQueries(List<String> filterFields) {
        this.filterFields = Set.copyOf(filterFields);
    }

    /** Checks a POST /products body; returns it unchanged. */
    ObjectNode listing(ObjectNode body) {
        body.properties().forEach(field -> {
            String name = field.getKey();
            Type type = LISTING.get(name);
            if (type == null) {
                type = CONTEXT.get(name);
            }
            if (type == null && filterFields.contains(name)) {
                type = Type.IDS;
            }
            check("POST /products", name, type, field.getValue());
        });
        return body;
    }

    /** Checks a POST /uri body (its {@code uri} is required, checked by the caller); returns it unchanged. */
    ObjectNode uri(ObjectNode body) {
        body.properties().forEach(field -> {
            String name = field.getKey();
            Type type = URI_LOOKUP.get(name);
            check("POST /uri", name, type != null ? type : CONTEXT.get(name), field.getValue());
        });
        String uri = body.path("uri").asText();
        if (uri.length() > MAX_URI) {
            throw invalid("uri", "Field 'uri' is longer than " + MAX_URI + " characters");
        }
        return body;
    }

    private static void check(String operation, String name, Type type, JsonNode value) {
        if (type == null) {
            throw new BffException(
                    HttpStatus.BAD_REQUEST,
                    "unknown-field",
                    "Unknown field",
                    "Field '" + abbreviate(name) + "' is not one Centra documents for " + operation,
                    abbreviate(name));
        }
        if (value.isNull()) {
            return;
        }
        boolean valid =
                switch (type) {
                    case ID -> id(value);
                    case TEXT -> value.isTextual()
                            && value.asText().length() <= MAX_URI
                            && (!name.equals("search") || value.asText().length() <= MAX_SEARCH);
                    case BOOLEAN -> value.isBoolean();
                    case COUNT -> value.canConvertToInt()
                            && value.isIntegralNumber()
                            && value.asInt() >= 0
                            && value.asInt() <= (name.equals("limit") ? MAX_LIMIT : MAX_SKIP);
                    case IDS -> ids(value);
                    case URI -> uriFilter(value);
                    case SORT -> sort(value);
                    case FOR -> forValues(value);
                };
        if (!valid) {
            throw invalid(name, "Field '" + name + "' has the wrong type or size for " + operation);
        }
    }

    private static boolean id(JsonNode value) {
        return (value.isTextual() && value.asText().length() <= MAX_ID) || value.isIntegralNumber();
    }

    private static boolean ids(JsonNode value) {
        if (!value.isArray() || value.size() > MAX_IDS) {
            return false;
        }
        for (JsonNode item : value) {
            if (!id(item)) {
                return false;
            }
        }
        return true;
    }

    private static boolean uriFilter(JsonNode value) {
        if (!value.isObject()
                || !value.path("uri").isTextual()
                || value.path("uri").asText().length() > MAX_URI) {
            return false;
        }
        for (String name : value.propertyNames()) {
            if (!name.equals("uri") && !name.equals("for")) {
                return false;
            }
        }
        return !value.has("for") || forValues(value.get("for"));
    }

    private static boolean forValues(JsonNode value) {
        if (!value.isArray() || value.size() > FOR_VALUES.size()) {
            return false;
        }
        for (JsonNode item : value) {
            if (!item.isTextual() || !FOR_VALUES.contains(item.asText())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sort(JsonNode value) {
        if (!value.isArray() || value.size() > MAX_SORT) {
            return false;
        }
        for (JsonNode item : value) {
            if (!item.isObject()
                    || item.size() > 2
                    || !SORT_FIELDS.contains(item.path("field").asText())
                    || (item.has("order")
                            && !"asc".equals(item.get("order").asText())
                            && !"desc".equals(item.get("order").asText()))) {
                return false;
            }
        }
        return true;
    }

    private static BffException invalid(String field, String detail) {
        return new BffException(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid field", detail, abbreviate(field));
    }

    /** A field name is the attacker's text: bounded before it goes into an answer. */
    private static String abbreviate(String name) {
        return name.length() <= 64 ? name : name.substring(0, 64) + "…";
    }
}
