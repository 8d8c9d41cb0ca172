package io.centrabff.catalog;

import io.centrabff.centra.CentraGateway;
import io.centrabff.centra.CentraOperation;
import io.centrabff.centra.CentraRequest;
import io.centrabff.centra.CentraResponse;
import java.util.Set;
import java.util.TreeSet;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fills cache entries from Centra: sessionless ({@code API-token: none}) server-side calls with the shared secret, in
 * the key's market and language and with {@code pricelist: "all"}, so one entry serves every pricelist. Listings are
 * fetched unpaged (page by page upstream) because availability and paging depend on the shopper's pricelist and are
 * applied on the way out.
 */
class CatalogLoader {

    static final String ALL_PRICELISTS = "all";

    private final CentraGateway gateway;
    private final int pageSize;

    CatalogLoader(CentraGateway gateway, int pageSize) {
        this.gateway = gateway;
        this.pageSize = pageSize;
    }

    Mono<CatalogEntry> load(CatalogKey key) {
        return switch (key.kind()) {
            case LISTING -> listing(key, 0, null).map(body -> entry(200, body, key));
            case PRODUCT -> product(key);
            case CATEGORIES -> call(
                            CentraOperation.SERVER_CATEGORIES, context(key, JsonNodeFactory.instance.objectNode()))
                    .map(response -> entry(response.status(), response.body(), key));
            case URI -> call(CentraOperation.SERVER_URI, context(key, key.queryBody()))
                    .map(response -> entry(response.status(), response.body(), key));
        };
    }

    /** Fetches page after page until Centra's productCount is reached; Centra may cap the page size (ref. §3.4). */
    private Mono<ObjectNode> listing(CatalogKey key, int skip, ObjectNode collected) {
        ObjectNode body = context(key, key.queryBody());
        body.put("skipFirst", skip).put("limit", pageSize);
        return call(CentraOperation.SERVER_PRODUCTS, body).flatMap(response -> {
            ObjectNode page = response.body();
            if (!response.isSuccess()) {
                return Mono.just(page);
            }
            ObjectNode merged = collected != null ? collected : page;
            if (collected != null) {
                ((ArrayNode) merged.withArray("products")).addAll((ArrayNode) page.withArray("products"));
            }
            int received = page.path("products").size();
            int total = merged.path("productCount").asInt(0);
            int have = merged.path("products").size();
            if (received == 0 || have >= total) {
                return Mono.just(merged);
            }
            return listing(key, skip + received, merged);
        });
    }

    /** Centra's GET /products/{id} takes no market or pricelist, so a single product is a one-id listing. */
    private Mono<CatalogEntry> product(CatalogKey key) {
        ObjectNode body = context(key, JsonNodeFactory.instance.objectNode());
        body.putArray("products").add(key.query());
        body.put("limit", 1);
        return call(CentraOperation.SERVER_PRODUCTS, body).map(response -> {
            JsonNode first = response.body().path("products").path(0);
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            if (!response.isSuccess()) {
                return entry(response.status(), response.body(), key);
            }
            if (!first.isObject()) {
                out.putObject("errors").put("product", "not found");
                return entry(404, out, key);
            }
            out.set("product", first);
            return entry(200, out, key);
        });
    }

    private static ObjectNode context(CatalogKey key, ObjectNode body) {
        body.put("market", key.market()).put("pricelist", ALL_PRICELISTS).put("language", key.language());
        return body;
    }

    private Mono<CentraResponse> call(CentraOperation operation, ObjectNode body) {
        return gateway.exchange(CentraRequest.sessionless(operation, body, null));
    }

    private static CatalogEntry entry(int status, ObjectNode body, CatalogKey key) {
        body.remove("token");
        Set<String> filtered = new TreeSet<>();
        if (key.kind() == CatalogKey.Kind.LISTING) {
            // A listing filtered by category must go when the category changes, even if it is empty now.
            key.queryBody().path("categories").forEach(c -> filtered.add(c.asText()));
        }
        try {
            return new CatalogEntry(status, body, filtered, CatalogJson.MAPPER.writeValueAsBytes(body).length);
        } catch (JacksonException e) {
            throw new IllegalStateException("Centra's catalog answer cannot be serialised", e);
        }
    }
}
