package io.centrabff.webhook;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the webhook's raw form body before anything can call {@code getParameter()}: Spring re-encodes parsed form
 * parameters, which would not match the bytes Centra signed (reference §0.10). Runs after the body size limit.
 */
class WebhookBodyFilter extends OncePerRequestFilter {

    static final String RAW_BODY = WebhookBodyFilter.class.getName() + ".rawBody";

    private final String path;

    WebhookBodyFilter(String path) {
        this.path = path;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !path.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(RAW_BODY, request.getInputStream().readAllBytes());
        chain.doFilter(request, response);
    }
}
