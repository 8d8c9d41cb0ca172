package io.centrabff.catalog;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.node.ObjectNode;

/**
 * One cached Centra answer with all pricelists, never modified after loading (views copy what they change). Identity
 * matters: {@link #generation} tells rendered views of an older load apart.
 */
final class CatalogEntry {

    private static final AtomicLong GENERATIONS = new AtomicLong();

    final int status;
    final ObjectNode body;
    final Set<String> productIds;
    final Set<String> categoryIds;
    final int weight;
    final long generation = GENERATIONS.incrementAndGet();

    CatalogEntry(int status, ObjectNode body, Set<String> extraCategoryIds, int weight) {
        this.status = status;
        this.body = body;
        this.productIds = CatalogJson.productIds(body);
        Set<String> categories = new java.util.TreeSet<>(CatalogJson.categoryIds(body));
        categories.addAll(extraCategoryIds);
        this.categoryIds = Set.copyOf(categories);
        this.weight = weight;
    }

    boolean isSuccess() {
        return status < 400;
    }
}
