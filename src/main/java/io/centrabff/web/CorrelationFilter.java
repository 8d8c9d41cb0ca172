package io.centrabff.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Accepts or creates the correlation id, puts it in the MDC and echoes it on the response. */
@Component
@Order(FilterOrder.CORRELATION)
class CorrelationFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object existing = request.getAttribute(Correlation.ATTRIBUTE);
        String id = existing != null
                ? existing.toString()
                : Correlation.acceptOrCreate(request.getHeader(Correlation.HEADER));
        request.setAttribute(Correlation.ATTRIBUTE, id);
        response.setHeader(Correlation.HEADER, id);
        MDC.put(Correlation.MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(Correlation.MDC_KEY);
        }
    }
}
