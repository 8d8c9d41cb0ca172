package io.centrabff.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.ObjectMapper;

/**
 * Applies the path-based rate-limit rules before a request reaches a controller (or Centra): per client IP (an IPv6
 * /64), or per session for rules counted per cart. Every matching rule is applied, so a path can be limited both ways.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final ClientIp clientIp;
    private final ObjectMapper mapper;
    private final String sessionCookie;
    private final Problems problems;
    private final List<Matcher> matchers = new ArrayList<>();

    RateLimitFilter(
            RateLimitProperties properties,
            String basePath,
            RateLimiter limiter,
            ClientIp clientIp,
            ObjectMapper mapper,
            String sessionCookie,
            Problems problems) {
        this.problems = problems;
        this.limiter = limiter;
        this.clientIp = clientIp;
        this.mapper = mapper;
        this.sessionCookie = sessionCookie;
        for (Map.Entry<String, RateLimitProperties.Rule> rule :
                properties.rules().entrySet()) {
            for (String path : rule.getValue().paths()) {
                matchers.add(new Matcher(
                        rule.getKey(),
                        PathPatternParser.defaultInstance.parse(basePath + path),
                        rule.getValue().methods().stream()
                                .map(m -> m.toUpperCase(Locale.ROOT))
                                .toList(),
                        rule.getValue().per()));
            }
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Parsed only when a rule's method matches: most traffic (catalog reads, GETs) is never rate limited.
        PathContainer path = null;
        for (Matcher matcher : matchers) {
            if (!matcher.methods().contains(request.getMethod())) {
                continue;
            }
            if (path == null) {
                path = PathContainer.parsePath(request.getRequestURI());
            }
            if (matcher.pattern().matches(path)) {
                Optional<Duration> wait = limiter.tryConsume(matcher.rule(), key(matcher.per(), request));
                if (wait.isPresent()) {
                    reject(request, response, RateLimiter.tooManyRequests(matcher.rule(), wait.get()));
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    /** Whether any rule limits {@code method} on {@code path} (a request path, base path included). */
    boolean applies(String method, String path) {
        PathContainer parsed = PathContainer.parsePath(path);
        return matchers.stream()
                .anyMatch(matcher ->
                        matcher.methods().contains(method) && matcher.pattern().matches(parsed));
    }

    private String key(RateLimitProperties.Rule.Per per, HttpServletRequest request) {
        if (per == RateLimitProperties.Rule.Per.SESSION) {
            String token = sessionToken(request);
            if (token != null) {
                return "session:" + token;
            }
        }
        return RateLimiter.clientKey(clientIp.of(request));
    }

    /** The session token as the storefront sends it (header mode or cookie mode); whether it is valid does not matter. */
    private String sessionToken(HttpServletRequest request) {
        String header = request.getHeader("API-Token");
        // "none" is Centra's token-less mode, shared by every caller that uses it: not a session to key a bucket by.
        if (header != null && !header.isBlank() && header.length() <= 256 && !"none".equalsIgnoreCase(header.trim())) {
            return header;
        }
        jakarta.servlet.http.Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (jakarta.servlet.http.Cookie cookie : cookies) {
                if (sessionCookie.equals(cookie.getName()) && cookie.getValue().length() <= 256) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, BffException rejection)
            throws IOException {
        ProblemDetail problem = rejection.getBody();
        problems.enrich(problem, request);
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        response.setStatus(rejection.getStatusCode().value());
        rejection.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), problem);
    }

    private record Matcher(String rule, PathPattern pattern, List<String> methods, RateLimitProperties.Rule.Per per) {}
}
