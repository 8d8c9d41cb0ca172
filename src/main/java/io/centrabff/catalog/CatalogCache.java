package io.centrabff.catalog;

import com.github.benmanes.caffeine.cache.AsyncCacheLoader;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog in memory: a Caffeine {@link AsyncLoadingCache} so that however many requests miss one key at once,
 * Centra sees one call. Entries refresh in the background after {@code refresh-after}; a failed load is never stored
 * and a failed refresh keeps the old value, which is then reported as stale until a refresh succeeds. Webhooks evict
 * through the public methods.
 */
public class CatalogCache {

    /** How a value was obtained: already cached, loaded for this request, or cached but its refresh failed. */
    enum Source {
        HIT,
        MISS,
        STALE
    }

    record Lookup(CatalogEntry entry, Source source) {}

    private static final Logger log = LoggerFactory.getLogger(CatalogCache.class);

    private final AsyncLoadingCache<CatalogKey, CatalogEntry> cache;
    private final Set<CatalogKey> stale = ConcurrentHashMap.newKeySet();
    private final Counter staleServes;

    CatalogCache(CatalogLoader loader, CatalogProperties properties, MeterRegistry meters) {
        this.cache = Caffeine.newBuilder()
                .maximumWeight(properties.maxSize().toBytes())
                .weigher((CatalogKey key, CatalogEntry entry) -> entry.weight)
                .refreshAfterWrite(properties.refreshAfter())
                .expireAfterWrite(properties.expireAfter())
                .evictionListener((CatalogKey key, CatalogEntry entry, RemovalCause cause) -> stale.remove(key))
                .recordStats()
                .buildAsync(new StaleAwareLoader(loader));
        CaffeineCacheMetrics.monitor(meters, cache, "catalog");
        this.staleServes = Counter.builder("bff.catalog.stale.serves")
                .description("Catalog responses served from an entry whose refresh failed")
                .register(meters);
    }

    CompletableFuture<Lookup> get(CatalogKey key) {
        CompletableFuture<CatalogEntry> present = cache.asMap().get(key);
        boolean cached = present != null && present.isDone() && !present.isCompletedExceptionally();
        // get() (not the map view) so that statistics are recorded and a due refresh starts.
        CompletableFuture<CatalogEntry> future = cache.get(key);
        Source source = !cached ? Source.MISS : stale.contains(key) ? Source.STALE : Source.HIT;
        if (source == Source.STALE) {
            staleServes.increment();
        }
        return future.thenApply(entry -> new Lookup(entry, source));
    }

    /** Whether {@code key} is loaded or loading, so a read would not cost an upstream call of its own. */
    boolean contains(CatalogKey key) {
        CompletableFuture<CatalogEntry> present = cache.asMap().get(key);
        return present != null && !present.isCompletedExceptionally();
    }

    /**
     * The entry for {@code key} when it is in memory and its last refresh did not fail, else null (the caller takes
     * the full path). Counted as a hit and starts a due refresh, like {@link #get}.
     */
    CatalogEntry fresh(CatalogKey key) {
        CompletableFuture<CatalogEntry> present = cache.asMap().get(key);
        if (present == null || !present.isDone() || present.isCompletedExceptionally() || stale.contains(key)) {
            return null;
        }
        CompletableFuture<CatalogEntry> future = cache.get(key);
        return future.isDone() && !future.isCompletedExceptionally() ? future.join() : null;
    }

    /** Reloads an entry in the background, serving the current value until the new one is in. */
    CompletableFuture<CatalogEntry> reload(CatalogKey key) {
        return cache.synchronous().refresh(key);
    }

    List<CatalogKey> keys() {
        return List.copyOf(cache.asMap().keySet());
    }

    /** Evicts every entry showing one of {@code productIds}, single-product entries and unresolved URI lookups. */
    public int evictProducts(Collection<String> productIds) {
        return evict((key, entry) -> (key.kind() == CatalogKey.Kind.PRODUCT && productIds.contains(key.query()))
                || entry.productIds.stream().anyMatch(productIds::contains)
                || (key.kind() == CatalogKey.Kind.URI && !entry.isSuccess()));
    }

    /** Evicts category lists, URI lookups and every entry showing or filtering by one of {@code categoryIds}. */
    public int evictCategories(Collection<String> categoryIds) {
        return evict((key, entry) -> key.kind() == CatalogKey.Kind.CATEGORIES
                || key.kind() == CatalogKey.Kind.URI
                || entry.categoryIds.stream().anyMatch(categoryIds::contains));
    }

    /** Drops everything, for changes that touch all prices or markets (and as the fallback when the queue is full). */
    public void clear() {
        cache.synchronous().invalidateAll();
        stale.clear();
    }

    public long size() {
        return cache.synchronous().estimatedSize();
    }

    /**
     * Removes matching entries. Loads still in flight may have read the old data and can't be inspected yet, so they
     * are dropped too; Caffeine then discards their result instead of storing it.
     */
    private int evict(BiPredicate<CatalogKey, CatalogEntry> matches) {
        int evicted = 0;
        for (var mapping : cache.asMap().entrySet()) {
            CompletableFuture<CatalogEntry> future = mapping.getValue();
            CatalogKey key = mapping.getKey();
            boolean remove =
                    !future.isDone() || (!future.isCompletedExceptionally() && matches.test(key, future.join()));
            if (remove && cache.asMap().remove(key, future)) {
                stale.remove(key);
                evicted++;
            }
        }
        return evicted;
    }

    /** Tracks which keys' last refresh failed, so their old values can be marked as stale. */
    private final class StaleAwareLoader implements AsyncCacheLoader<CatalogKey, CatalogEntry> {

        private final CatalogLoader loader;

        StaleAwareLoader(CatalogLoader loader) {
            this.loader = loader;
        }

        @Override
        public CompletableFuture<CatalogEntry> asyncLoad(CatalogKey key, Executor executor) {
            return loader.load(key).toFuture().whenComplete((entry, error) -> {
                if (error == null) {
                    stale.remove(key);
                }
            });
        }

        @Override
        public CompletableFuture<CatalogEntry> asyncReload(CatalogKey key, CatalogEntry old, Executor executor) {
            return loader.load(key).toFuture().whenComplete((entry, error) -> {
                if (error == null) {
                    stale.remove(key);
                } else if (stale.add(key)) {
                    log.warn(
                            "Refreshing catalog entry {} failed, serving the old value: {}",
                            key.kind(),
                            error.toString());
                }
            });
        }
    }
}
