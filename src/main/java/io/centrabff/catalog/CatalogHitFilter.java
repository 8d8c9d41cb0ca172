package io.centrabff.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.centrabff.catalog.CatalogCache.Source;
import io.centrabff.catalog.CatalogReads.Answered;
import io.centrabff.catalog.CatalogReads.View;
import io.centrabff.session.SessionRelay;
import io.centrabff.session.ShopperSession;
import io.centrabff.web.AheadOfDispatch;
import io.centrabff.web.BufferedRequest;
import io.centrabff.web.FilterOrder;
import io.centrabff.web.Secret;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Answers repeated catalog reads whose answer is cached, from the pre-rendered bytes and ETag, ahead of the server
 * observation and MVC dispatch. Handler lookup, argument resolution, JSON body parsing, validation, message
 * conversion and the observation (a timer, a long-task timer and a span) cost several times what copying a few KB
 * does, and a hit's result is fully known from the request: when the controller has answered a hit, the request's
 * signature (method, path, query, body bytes, content type, accept, server-key validity and the shopper's resolved
 * market, pricelist and language) is remembered with the entry and view it was answered from. A later request with the
 * same signature whose entry is still fresh and whose view is still rendered is answered here with the same status,
 * headers and bytes; anything else (first request, miss, stale entry, a shopper whose location is not known yet, a
 * malformed session token, a body without a length or above the size limit, a route some rate-limit rule covers)
 * goes through the chain as before, so validation and errors stay in one place.
 *
 * <p>Runs at {@link FilterOrder#ANSWERS_AHEAD_OF_DISPATCH}: the correlation id and security headers are already set;
 * CORS (the chain's own filter), the rate-limit rules and the {@code http.server.requests} timer (with the route's
 * pattern, as MVC would set it) come from {@link AheadOfDispatch}. A hit gets no span of its own.
 */
class CatalogHitFilter extends OncePerRequestFilter {

    /** What a request was answered with by the controller: the entry and view, and the route's pattern. */
    private record Replay(Answered answered, String pattern) {}

    /** Everything the controller reads from a catalog request; the body as ISO-8859-1 text (lossless, comparable). */
    private record Signature(
            String method,
            String uri,
            String query,
            String contentType,
            String accept,
            String body,
            boolean serverCaller,
            ShopperContext context) {}

    /** Catalog bodies are a few hundred bytes; anything larger is read by the controller, not here. */
    private static final int MAX_BODY = 16 * 1024;

    private final String basePath;
    private final SessionRelay relay;
    private final ShopperContexts contexts;
    private final CatalogReads reads;
    private final CatalogCaching caching;
    private final Secret serverKey;
    private final AheadOfDispatch dispatch;
    private final long maxBody;
    private final Cache<Signature, Replay> replays =
            Caffeine.newBuilder().maximumSize(10_000).build();
    /** Per method and route, whether a rate-limit rule covers it (then this filter never answers it). */
    private final Map<String, Boolean> limited = new ConcurrentHashMap<>();

    CatalogHitFilter(
            String basePath,
            SessionRelay relay,
            ShopperContexts contexts,
            CatalogReads reads,
            CatalogCaching caching,
            Secret serverKey,
            AheadOfDispatch dispatch) {
        this.basePath = basePath;
        this.relay = relay;
        this.contexts = contexts;
        this.reads = reads;
        this.caching = caching;
        this.serverKey = serverKey;
        this.dispatch = dispatch;
        this.maxBody = Math.min(MAX_BODY, dispatch.maxBodySize());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String route = route(request);
        return route == null
                || limited.computeIfAbsent(
                        request.getMethod() + ' ' + route, key -> dispatch.rateLimited(request.getMethod(), route));
    }

    /**
     * The catalog route of a GET or POST request (a single product's route as one representative path), or null when
     * the request is not a catalog read.
     */
    private String route(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"POST".equals(method)) {
            return null;
        }
        String uri = request.getRequestURI();
        if (!uri.startsWith(basePath)) {
            return null;
        }
        String rest = uri.substring(basePath.length());
        if (rest.equals("/products") || rest.equals("/uri") || rest.equals("/categories")) {
            return uri;
        }
        if (rest.startsWith("/products/")
                && rest.length() > "/products/".length()
                && rest.indexOf('/', "/products/".length()) < 0) {
            return basePath + "/products/product";
        }
        return null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        HttpServletRequest forward = request;
        String body = "";
        if ("POST".equals(request.getMethod())) {
            long length = request.getContentLengthLong();
            if (length < 0 || length > maxBody) {
                // Not read here: the size filter and the controller deal with it.
                chain.doFilter(request, response);
                return;
            }
            byte[] bytes = request.getInputStream().readNBytes((int) length);
            body = new String(bytes, StandardCharsets.ISO_8859_1);
            forward = new BufferedRequest(request, bytes);
        }
        ShopperSession session = session(request);
        Signature signature = session == null ? null : signature(request, body, session);
        if (signature != null) {
            Replay replay = replays.getIfPresent(signature);
            View view = replay == null
                    ? null
                    : reads.cached(replay.answered().key(), replay.answered().view());
            if (view != null) {
                dispatch.withCors(
                        request,
                        response,
                        (req, res) ->
                                answer((HttpServletRequest) req, (HttpServletResponse) res, signature, session, view));
                dispatch.record(request, response, replay.pattern(), started);
                return;
            }
        }
        chain.doFilter(forward, response);
        if (signature != null
                && request.getAttribute(CatalogReads.ANSWERED) instanceof Answered answered
                && request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern) {
            replays.put(signature, new Replay(answered, pattern));
        }
    }

    /** The caller's session, read once for the signature and the answer; null when malformed. */
    private ShopperSession session(HttpServletRequest request) {
        try {
            return relay.session(request);
        } catch (RuntimeException malformed) {
            return null; // the controller answers it with the right problem
        }
    }

    /** The request's signature, or null when the shopper's context is not known without a call to Centra. */
    private Signature signature(HttpServletRequest request, String body, ShopperSession session) {
        // Never starts a call: the controller resolves what is not known yet, once.
        ShopperContext context = contexts.known(session);
        if (context == null) {
            return null;
        }
        return new Signature(
                request.getMethod(),
                request.getRequestURI(),
                request.getQueryString(),
                request.getContentType(),
                request.getHeader(HttpHeaders.ACCEPT),
                body,
                serverKey.matches(request.getHeader(CatalogController.SERVER_KEY_HEADER)),
                context);
    }

    private void answer(
            HttpServletRequest request,
            HttpServletResponse response,
            Signature signature,
            ShopperSession session,
            View shared)
            throws IOException {
        View view = caching.tokenInBody() ? CatalogReads.withToken(shared, session.token()) : shared;
        HttpHeaders headers = new HttpHeaders();
        boolean notModified = CatalogReads.headers(
                view,
                Source.HIT,
                caching.policy(request),
                CatalogCaching.ifNoneMatch(request),
                signature.serverCaller(),
                headers);
        // As MVC writes them: a list header's members one value each, after the ones filters added (CORS's Vary).
        headers.forEach((name, values) -> values.forEach(value -> {
            if (name.equalsIgnoreCase(HttpHeaders.VARY)) {
                for (String member : value.split(",")) {
                    response.addHeader(name, member.trim());
                }
            } else {
                response.addHeader(name, value);
            }
        }));
        if (notModified) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(view.status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(view.body().length);
        response.getOutputStream().write(view.body());
    }
}
