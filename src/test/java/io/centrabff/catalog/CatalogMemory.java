package io.centrabff.catalog;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Cache;
import org.springframework.context.ApplicationContext;
import org.springframework.test.util.ReflectionTestUtils;

/** Empties the catalog's memory in a shared test context: entries and the country table and shopper locations. */
public final class CatalogMemory {

    private CatalogMemory() {}

    public static void forget(ApplicationContext context) {
        context.getBean(CatalogCache.class).clear();
        ShopperContexts contexts = context.getBean(ShopperContexts.class);
        // Private caches, reached by reflection so that production code needs no test-only method.
        ((Cache<?, ?>) ReflectionTestUtils.getField(contexts, "locations")).invalidateAll();
        ((AsyncLoadingCache<?, ?>) ReflectionTestUtils.getField(contexts, "countries"))
                .synchronous()
                .invalidateAll();
    }
}
