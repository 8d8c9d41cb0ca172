package io.centrabff.web;

import java.util.Map;
import org.springframework.http.ProblemDetail;

/** Adds what every problem response carries besides RFC 9457's fields. */
final class Problems {

    private Problems() {}

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
