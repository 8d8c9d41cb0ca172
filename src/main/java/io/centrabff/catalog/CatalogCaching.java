package io.centrabff.catalog;

import io.centrabff.session.SessionProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;

/**
 * HTTP caching of catalog answers. An answer that does not depend on the shopper's session (no session token, no
 * server key: only the edge country picks market, pricelist and language) may be kept by a CDN for a short while,
 * keyed by the headers that pick it ({@code Vary}); every other answer is private to the shopper and revalidated on
 * each use. Every successful answer carries a strong ETag of its exact bytes, so a repeated read with
 * {@code If-None-Match} costs a 304 without a body.
 */
final class CatalogCaching {

    /**
     * The response headers that tell caches how to treat one answer.
     *
     * @param cacheControl for a fresh successful answer
     * @param personalCacheControl for errors and stale answers, which no shared cache keeps
     * @param vary the request headers that pick the answer
     */
    record Policy(String cacheControl, String personalCacheControl, String vary) {}

    private static final String PRIVATE = CacheControl.noCache().cachePrivate().getHeaderValue();

    private final Policy shared;
    private final Policy personal;
    private final SessionProperties.Mode mode;
    private final String sessionCookie;

    CatalogCaching(CatalogHttpProperties http, SessionProperties session) {
        this.mode = session.mode();
        this.sessionCookie = session.cookieName();
        List<String> vary = new ArrayList<>();
        // The session token travels in the cookie, or in API-Token / Accept's api-token parameter (header mode).
        if (mode == SessionProperties.Mode.COOKIE) {
            vary.add(HttpHeaders.COOKIE);
        } else {
            vary.add("API-Token");
            vary.add(HttpHeaders.ACCEPT);
        }
        vary.add(CatalogController.SERVER_KEY_HEADER);
        vary.addAll(session.countryHeaders());
        String varyValue = String.join(", ", vary);
        this.shared = new Policy(
                CacheControl.maxAge(http.maxAge())
                        .cachePublic()
                        .staleWhileRevalidate(http.staleWhileRevalidate())
                        .getHeaderValue(),
                PRIVATE,
                varyValue);
        this.personal = new Policy(PRIVATE, PRIVATE, varyValue);
    }

    /** Header mode: Centra's answers carry the session token in the body, so catalog answers do too. */
    boolean tokenInBody() {
        return mode == SessionProperties.Mode.HEADER;
    }

    /** Private unless nothing in the request ties the answer to one shopper or one server caller. */
    Policy policy(HttpServletRequest request) {
        if (request == null || request.getHeader(CatalogController.SERVER_KEY_HEADER) != null) {
            return personal;
        }
        return hasSession(request) ? personal : shared;
    }

    private boolean hasSession(HttpServletRequest request) {
        if (mode == SessionProperties.Mode.HEADER) {
            // Centra's API-token: none is a call without a session: its answer is the shared one.
            String token = request.getHeader("API-Token");
            String accept = request.getHeader(HttpHeaders.ACCEPT);
            return (token != null && !token.trim().equalsIgnoreCase("none"))
                    || (accept != null
                            && accept.contains("api-token")
                            && !accept.toLowerCase(Locale.ROOT).contains("api-token=none"));
        }
        String cookies = request.getHeader(HttpHeaders.COOKIE);
        return cookies != null && cookies.contains(sessionCookie);
    }

    /** Every If-None-Match value of the request as one list, or null; read on the request's own thread. */
    static String ifNoneMatch(HttpServletRequest request) {
        if (request == null) {
            return null;
        }
        Enumeration<String> values = request.getHeaders(HttpHeaders.IF_NONE_MATCH);
        if (values == null || !values.hasMoreElements()) {
            return null;
        }
        String first = values.nextElement();
        return values.hasMoreElements() ? first + "," + String.join(",", Collections.list(values)) : first;
    }

    /** True when {@code ifNoneMatch} names {@code etag} (weak comparison, as RFC 9110 §13.1.2 asks) or is *. */
    static boolean notModified(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || etag == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** A strong validator: the first 128 bits of the SHA-256 of the exact bytes sent. */
    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            byte[] head = Arrays.copyOf(digest, 16);
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(head) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
