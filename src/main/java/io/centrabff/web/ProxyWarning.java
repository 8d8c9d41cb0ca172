package io.centrabff.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With {@code bff.session.trusted-proxies} empty the TCP peer is taken as the client. Behind a load balancer that peer
 * is the balancer: every shopper then shares one rate-limit budget and Centra gets the balancer's address for fraud
 * checks. The first request carrying X-Forwarded-For shows that case; it is logged once, as an error outside the
 * sandbox.
 */
class ProxyWarning extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ProxyWarning.class);

    private final boolean sandbox;
    private final AtomicBoolean warned = new AtomicBoolean();

    ProxyWarning(boolean sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!warned.get() && request.getHeader("X-Forwarded-For") != null && warned.compareAndSet(false, true)) {
            String message = "Requests arrive through a proxy (X-Forwarded-For from {}) but bff.session.trusted-proxies"
                    + " is empty: every client behind it shares one rate-limit budget and Centra sees the proxy's"
                    + " address. Set bff.session.trusted-proxies to the proxy's addresses.";
            if (sandbox) {
                log.warn(message, request.getRemoteAddr());
            } else {
                log.error(message, request.getRemoteAddr());
            }
        }
        chain.doFilter(request, response);
    }
}
