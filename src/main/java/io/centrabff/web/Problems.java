package io.centrabff.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ProblemDetail;

/** Adds what every problem response carries besides RFC 9457's fields. */
final class Problems {

    private final CallerToken callerToken;

    Problems(ObjectProvider<CallerToken> callerToken) {
        this(callerToken.getIfAvailable(() -> request -> null));
    }

    Problems(CallerToken callerToken) {
        this.callerToken = callerToken;
    }

    /** {@code errors}, the correlation id and, in header mode, the caller's token. */
    void enrich(ProblemDetail problem, HttpServletRequest request) {
        enrich(problem, request == null ? null : Correlation.of(request));
        String token = request == null ? null : callerToken.of(request);
        if (token != null) {
            problem.setProperty("token", token);
        }
    }

    static void enrich(ProblemDetail problem, String correlationId) {
        Map<String, Object> properties = problem.getProperties();
        if (properties == null || !properties.containsKey("errors")) {
            String detail = problem.getDetail() != null ? problem.getDetail() : problem.getTitle();
            problem.setProperty("errors", Map.of("request", detail == null ? "rejected" : detail));
        }
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
    }
}
