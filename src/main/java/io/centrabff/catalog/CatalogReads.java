package io.centrabff.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.centrabff.catalog.CatalogCache.Lookup;
import io.centrabff.web.RateLimiter;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers a catalog read from the cache: the shopper's context picks the key, the entry is rendered for the shopper's
 * pricelist and paging, and rendered bytes are memoised (an entry's views are shared by every shopper of the same
 * pricelist), so a hit costs a few map lookups and a byte copy.
 */
class CatalogReads {

    static final String CACHE_HEADER = "X-BFF-Cache";

    /** Rendered bytes of one view of one loaded entry; a new load gets a new generation and thus new views. */
    private record Rendered(CatalogKey key, long generation, CatalogView view) {}

    /** The miss budget: a rate-limit rule applied in code, per client, to reads the cache cannot answer. */
    static final String MISS_BUDGET = "catalog-miss";

    /**
     * Who is reading: the client key (its IP, an IPv6 /64) that misses are charged to, and whether it presented the
     * server key (only such callers learn whether an answer came from the cache).
     */
    record Caller(String client, boolean server) {}

    private final CatalogCache cache;
    private final Cache<Rendered, byte[]> rendered;
    private final RateLimiter limiter;

    CatalogReads(CatalogCache cache, CatalogProperties properties, RateLimiter limiter) {
        this.cache = cache;
        this.limiter = limiter;
        // Views take at most a quarter of the catalog's budget on top of it; they are cheap to recompute.
        this.rendered = Caffeine.newBuilder()
                .maximumWeight(Math.max(1, properties.maxSize().toBytes() / 4))
                .weigher((Rendered key, byte[] bytes) -> bytes.length)
                .expireAfterWrite(properties.refreshAfter())
                .build();
    }

    /**
     * The response for {@code key} as seen through {@code view}. Returns a ready {@link ResponseEntity} when the
     * entry is in memory, so a hit needs no asynchronous dispatch, else a future.
     */
    Object read(
            Caller caller,
            CompletableFuture<ShopperContext> context,
            Function<ShopperContext, CatalogKey> keyOf,
            Function<ShopperContext, CatalogView> viewOf) {
        CompletableFuture<ResponseEntity<byte[]>> answer = context.thenCompose(shopper -> {
            CatalogKey key = keyOf.apply(shopper);
            CatalogView view = viewOf.apply(shopper);
            if (!caller.server() && !cache.contains(key)) {
                // Hits are free; each miss costs Centra a call, so a client gets only so many.
                limiter.tryConsume(MISS_BUDGET, caller.client()).ifPresent(wait -> {
                    throw RateLimiter.tooManyRequests(MISS_BUDGET, wait);
                });
            }
            return cache.get(key).thenApply(lookup -> respond(caller, key, view, lookup));
        });
        if (answer.isDone() && !answer.isCompletedExceptionally()) {
            return answer.join();
        }
        return answer.exceptionally(error -> {
            throw error instanceof CompletionException && error.getCause() != null
                    ? new CompletionException(error.getCause())
                    : new CompletionException(error);
        });
    }

    private ResponseEntity<byte[]> respond(Caller caller, CatalogKey key, CatalogView view, Lookup lookup) {
        CatalogEntry entry = lookup.entry();
        byte[] body = rendered.get(new Rendered(key, entry.generation, view), k -> bytes(view.render(key, entry)));
        // Shared data, but the view depends on the shopper's pricelist: never stored by shared caches, and never a
        // cookie on a cached read.
        ResponseEntity.BodyBuilder response = ResponseEntity.status(entry.status)
                .cacheControl(CacheControl.noCache().cachePrivate());
        if (caller.server()) {
            // Hit or miss tells what other shoppers asked for: only the storefront's own server may know.
            response.header(CACHE_HEADER, lookup.source().name().toLowerCase(Locale.ROOT));
        }
        return response.contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static byte[] bytes(ObjectNode body) {
        try {
            return CatalogJson.MAPPER.writeValueAsBytes(body);
        } catch (JacksonException e) {
            throw new IllegalStateException("Catalog entry cannot be rendered", e);
        }
    }
}
