package io.centrabff.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.centrabff.catalog.CatalogCache.Lookup;
import io.centrabff.catalog.CatalogCache.Source;
import io.centrabff.web.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers a catalog read from the cache: the shopper's context picks the key, the entry is rendered for the shopper's
 * pricelist and paging, and rendered bytes and their ETag are memoised (an entry's views are shared by every shopper
 * of the same pricelist), so a hit costs a few map lookups and a byte copy.
 */
class CatalogReads {

    static final String CACHE_HEADER = "X-BFF-Cache";

    /** Request attribute naming the entry and view a hit was answered from, for {@link CatalogHitFilter}. */
    static final String ANSWERED = CatalogReads.class.getName() + ".answered";

    /** One view of one loaded entry; a new load gets a new generation and thus new views. */
    private record Rendered(CatalogKey key, long generation, CatalogView view) {}

    /**
     * The bytes of one rendered view, with their ETag (null unless the entry is a success), computed once.
     *
     * @param status the entry's status
     * @param body the JSON bytes
     * @param etag strong validator of {@code body}, or null for error answers
     */
    record View(int status, byte[] body, String etag) {}

    /** Which entry a read was answered from, through which view. */
    record Answered(CatalogKey key, CatalogView view) {}

    private record Answer(Answered answered, Source source, ResponseEntity<byte[]> response) {}

    /** The miss budget: a rate-limit rule applied in code, per client, to reads the cache cannot answer. */
    static final String MISS_BUDGET = "catalog-miss";

    /**
     * Who is reading.
     *
     * @param client the client key (its IP, an IPv6 /64) that misses are charged to
     * @param server whether it presented the server key (only such callers learn whether an answer came from the cache)
     * @param token the caller's session token, or null; in header mode it is echoed in the body, as Centra does
     */
    record Caller(String client, boolean server, String token) {}

    private final CatalogCache cache;
    private final CatalogCaching caching;
    private final Cache<Rendered, View> rendered;
    private final RateLimiter limiter;

    CatalogReads(CatalogCache cache, CatalogProperties properties, CatalogCaching caching, RateLimiter limiter) {
        this.cache = cache;
        this.caching = caching;
        this.limiter = limiter;
        // Views take at most a quarter of the catalog's budget on top of it; they are cheap to recompute.
        this.rendered = Caffeine.newBuilder()
                .maximumWeight(Math.max(1, properties.maxSize().toBytes() / 4))
                .weigher((Rendered key, View view) -> view.body().length)
                .expireAfterWrite(properties.refreshAfter())
                .build();
    }

    /**
     * The response for {@code key} as seen through {@code view}. Returns a ready {@link ResponseEntity} when the
     * entry is in memory, so a hit needs no asynchronous dispatch, else a future. Called on the request's thread: the
     * request's session and validators decide the caching headers and a 304.
     */
    Object read(
            HttpServletRequest request,
            Caller caller,
            CompletableFuture<ShopperContext> context,
            Function<ShopperContext, CatalogKey> keyOf,
            Function<ShopperContext, CatalogView> viewOf) {
        CatalogCaching.Policy policy = caching.policy(request);
        String ifNoneMatch = CatalogCaching.ifNoneMatch(request);
        CompletableFuture<Answer> answer = context.thenCompose(shopper -> {
            CatalogKey key = keyOf.apply(shopper);
            CatalogView view = viewOf.apply(shopper);
            if (!caller.server() && !cache.contains(key)) {
                // Hits are free; each miss costs Centra a call, so a client gets only so many.
                limiter.tryConsume(MISS_BUDGET, caller.client()).ifPresent(wait -> {
                    throw RateLimiter.tooManyRequests(MISS_BUDGET, wait);
                });
            }
            String echoed = caching.tokenInBody() ? caller.token() : null;
            return cache.get(key)
                    .thenApply(lookup -> respond(key, view, lookup, policy, ifNoneMatch, caller.server(), echoed));
        });
        if (answer.isDone() && !answer.isCompletedExceptionally()) {
            Answer done = answer.join();
            if (done.source() == Source.HIT) {
                request.setAttribute(ANSWERED, done.answered());
            }
            return done.response();
        }
        return answer.thenApply(Answer::response).exceptionally(error -> {
            throw error instanceof CompletionException && error.getCause() != null
                    ? new CompletionException(error.getCause())
                    : new CompletionException(error);
        });
    }

    /** The rendered view of a fresh cached entry, or null when the entry or this view of it is not in memory. */
    View cached(CatalogKey key, CatalogView view) {
        CatalogEntry entry = cache.fresh(key);
        return entry == null ? null : rendered.getIfPresent(new Rendered(key, entry.generation, view));
    }

    /**
     * The caching headers of {@code view} under {@code policy}; true when the answer is a 304. Whether the answer came
     * from the cache tells what other shoppers asked for: only the storefront's own server ({@code server}) learns it.
     */
    static boolean headers(
            View view,
            Source source,
            CatalogCaching.Policy policy,
            String ifNoneMatch,
            boolean server,
            HttpHeaders headers) {
        if (server) {
            headers.set(CACHE_HEADER, source.name().toLowerCase(Locale.ROOT));
        }
        if (view.etag() == null) {
            // Shared data, but an error is never stored by shared caches (and never a cookie on a cached read).
            headers.setCacheControl(policy.personalCacheControl());
            return false;
        }
        headers.setETag(view.etag());
        headers.setCacheControl(source == Source.STALE ? policy.personalCacheControl() : policy.cacheControl());
        headers.set(HttpHeaders.VARY, policy.vary());
        return CatalogCaching.notModified(ifNoneMatch, view.etag());
    }

    private Answer respond(
            CatalogKey key,
            CatalogView view,
            Lookup lookup,
            CatalogCaching.Policy policy,
            String ifNoneMatch,
            boolean server,
            String token) {
        CatalogEntry entry = lookup.entry();
        View bytes = withToken(
                rendered.get(new Rendered(key, entry.generation, view), k -> render(key, view, entry)), token);
        HttpHeaders headers = new HttpHeaders();
        boolean notModified = headers(bytes, lookup.source(), policy, ifNoneMatch, server, headers);
        ResponseEntity<byte[]> response = notModified
                ? new ResponseEntity<>(headers, HttpStatus.NOT_MODIFIED)
                : ResponseEntity.status(bytes.status())
                        .headers(headers)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(bytes.body());
        return new Answer(new Answered(key, view), lookup.source(), response);
    }

    /**
     * {@code view} with the session token as its first member, as Centra's answers carry it in header mode (its
     * documented client code drops a session whose token is missing from an answer), or {@code view} itself when
     * {@code token} is null. The ETag then covers the token too, so it still names exactly these bytes.
     */
    static View withToken(View view, String token) {
        if (token == null) {
            return view;
        }
        byte[] body = view.body();
        if (body.length < 2 || body[0] != '{') {
            return view;
        }
        byte[] member;
        try {
            member = CatalogJson.MAPPER.writeValueAsBytes(token);
        } catch (JacksonException e) {
            throw new IllegalStateException("A token is a string", e);
        }
        boolean empty = body.length == 2;
        byte[] prefix = "{\"token\":".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[prefix.length + member.length + (empty ? 0 : 1) + body.length - 1];
        int at = 0;
        System.arraycopy(prefix, 0, out, at, prefix.length);
        at += prefix.length;
        System.arraycopy(member, 0, out, at, member.length);
        at += member.length;
        if (!empty) {
            out[at++] = ',';
        }
        System.arraycopy(body, 1, out, at, body.length - 1);
        // The view's validator and the token decide the bytes: hashing the two is as strong as hashing the bytes.
        return new View(
                view.status(),
                out,
                view.etag() == null
                        ? null
                        : CatalogCaching.etag((view.etag() + token).getBytes(StandardCharsets.UTF_8)));
    }

    private static View render(CatalogKey key, CatalogView view, CatalogEntry entry) {
        byte[] body = bytes(view.render(key, entry));
        return new View(entry.status, body, entry.status < 300 ? CatalogCaching.etag(body) : null);
    }

    private static byte[] bytes(ObjectNode body) {
        try {
            return CatalogJson.MAPPER.writeValueAsBytes(body);
        } catch (JacksonException e) {
            throw new IllegalStateException("Catalog entry cannot be rendered", e);
        }
    }
}
