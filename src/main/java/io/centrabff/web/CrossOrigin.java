package io.centrabff.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * CORS for the storefront API: only the configured origins, with credentials so the session cookie works from browser
 * code. Every cross-origin request from another origin, preflight or not, is refused with 403 problem+json before it
 * reaches a controller (a simple cross-site POST would otherwise still change a cart). Requests without an
 * {@code Origin} (servers, curl) are not CORS and pass.
 */
final class CrossOrigin {

    static final String REASON = "cors-origin";

    private CrossOrigin() {}

    static CorsFilter filter(
            CorsProperties properties, String basePath, ObjectMapper mapper, Rejections rejections, Problems problems) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(properties.allowedOrigins());
        config.setAllowCredentials(true);
        config.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
        // Every header the storefront contract asks browsers to send, and every header a browser must read.
        config.setAllowedHeaders(List.of(
                HttpHeaders.CONTENT_TYPE,
                HttpHeaders.ACCEPT,
                "API-Token",
                Correlation.HEADER,
                "Idempotency-Key",
                "traceparent",
                "tracestate",
                "Last-Event-ID",
                HttpHeaders.IF_NONE_MATCH));
        config.setExposedHeaders(
                List.of(Correlation.HEADER, HttpHeaders.RETRY_AFTER, "X-BFF-Cache", HttpHeaders.ETAG, "API-Token"));
        config.setMaxAge(properties.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        // The first matching pattern wins: the public description before the credentialed API.
        source.registerCorsConfiguration(basePath + "/" + OpenApiController.FILE, publicDocument());
        source.registerCorsConfiguration(basePath + "/**", config);
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new ProblemCorsProcessor(mapper, rejections, problems));
        return filter;
    }

    /** The OpenAPI description holds nothing private: any origin may read it, without cookies. */
    private static CorsConfiguration publicDocument() {
        CorsConfiguration config = new CorsConfiguration();
        config.addAllowedOrigin(CorsConfiguration.ALL);
        config.setAllowCredentials(false);
        config.setAllowedMethods(List.of("GET", "HEAD"));
        return config;
    }

    /**
     * Spring's CORS checks, with the refusal written as problem+json like every other error (in header mode with the
     * caller's token, as every other problem). Spring hands {@link #rejectRequest} only the response, so the refusal
     * is written once {@link #handleInternal} has said no, with the request at hand.
     */
    private static final class ProblemCorsProcessor extends DefaultCorsProcessor {

        private final ObjectMapper mapper;
        private final Rejections rejections;
        private final Problems problems;

        ProblemCorsProcessor(ObjectMapper mapper, Rejections rejections, Problems problems) {
            this.mapper = mapper;
            this.rejections = rejections;
            this.problems = problems;
        }

        @Override
        protected boolean handleInternal(
                ServerHttpRequest request,
                ServerHttpResponse response,
                CorsConfiguration config,
                boolean preFlightRequest)
                throws IOException {
            if (super.handleInternal(request, response, config, preFlightRequest)) {
                return true;
            }
            refuse(request instanceof ServletServerHttpRequest servlet ? servlet.getServletRequest() : null, response);
            return false;
        }

        /** Writes nothing: {@link #handleInternal} writes the refusal, which is the only way here. */
        @Override
        protected void rejectRequest(ServerHttpResponse response) {}

        private void refuse(HttpServletRequest request, ServerHttpResponse response) throws IOException {
            rejections.count(REASON);
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.FORBIDDEN,
                    "This origin, method or header is not allowed to call this API from a browser");
            problem.setType(BffException.type(REASON));
            problem.setTitle("Cross-origin request refused");
            if (request != null) {
                problems.enrich(problem, request);
            } else {
                Problems.enrich(problem, MDC.get(Correlation.MDC_KEY));
            }
            response.setStatusCode(HttpStatus.FORBIDDEN);
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            mapper.writeValue(response.getBody(), problem);
            response.flush();
        }
    }
}
