package io.centrabff.web;

import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error the BFF itself raises. Rendered as problem+json with a stable {@code type}, a human {@code detail}, and an
 * {@code errors} object shaped like Centra's, so storefront code needs one error path.
 */
public class BffException extends ErrorResponseException {

    static final String TYPE_BASE = "urn:centra-bff:problem:";

    private final Duration retryAfter;

    public BffException(HttpStatus status, String type, String title, String detail, String errorField) {
        this(status, type, title, detail, errorField, null, null);
    }

    public BffException(
            HttpStatus status,
            String type,
            String title,
            String detail,
            String errorField,
            Duration retryAfter,
            Throwable cause) {
        super(status, problem(status, type, title, detail, errorField), cause);
        this.retryAfter = retryAfter;
        if (retryAfter != null) {
            getHeaders().set("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
    }

    /** How long the client should wait before trying again, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    static URI type(String type) {
        return URI.create(TYPE_BASE + type);
    }

    private static ProblemDetail problem(
            HttpStatus status, String type, String title, String detail, String errorField) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(type));
        problem.setTitle(title);
        problem.setProperty("errors", java.util.Map.of(errorField, detail));
        return problem;
    }
}
