package io.centrabff.web;

import org.springframework.core.Ordered;

/**
 * The order of the servlet filters, in one place: who runs before whom is part of the design (a refused origin costs
 * nothing, a cache hit skips the observation, limits run before any controller), not a detail of each filter.
 */
public final class FilterOrder {

    /** Correlation id on the request, the response and every log line (first, so everything after has it). */
    public static final int CORRELATION = Ordered.HIGHEST_PRECEDENCE;

    /** Hardening headers, set before anything can commit a response. */
    public static final int SECURITY_HEADERS = Ordered.HIGHEST_PRECEDENCE + 1;

    /** The one-time warning about requests arriving through an untrusted proxy. */
    public static final int PROXY_WARNING = Ordered.HIGHEST_PRECEDENCE + 1;

    /**
     * Answers known in full from the request (repeated catalog hits), ahead of the observation, which costs more than
     * such an answer; they get CORS, limits and the {@code http.server.requests} timer from {@link AheadOfDispatch}.
     */
    public static final int ANSWERS_AHEAD_OF_DISPATCH = Ordered.HIGHEST_PRECEDENCE + 2;

    /** The server observation: {@code http.server.requests} and the request's span. */
    public static final int OBSERVATION = Ordered.HIGHEST_PRECEDENCE + 3;

    /** CORS, before the size and rate limits, so a refused origin costs nothing and preflights use no tokens. */
    public static final int CORS = Ordered.HIGHEST_PRECEDENCE + 5;

    /** Request body size limit. */
    public static final int BODY_SIZE = Ordered.HIGHEST_PRECEDENCE + 10;

    /** Centra's webhook body, read and verified before form parsing. */
    public static final int WEBHOOK_BODY = Ordered.HIGHEST_PRECEDENCE + 15;

    /** Path-based rate limits. */
    public static final int RATE_LIMITS = Ordered.HIGHEST_PRECEDENCE + 20;

    private FilterOrder() {}
}
