package io.centrabff.web;

import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * Shape checks on request bodies before they go to Centra. Only what is needed to give a clear 400 instead of
 * forwarding garbage; Centra stays the judge of its business rules.
 */
public final class JsonBodies {

    private JsonBodies() {}

    /** An optional body: absent is fine, otherwise it must be a JSON object. */
    public static JsonNode optionalObject(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return null;
        }
        return requireObject(body);
    }

    public static JsonNode requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw invalid("body", "The request body must be a JSON object");
        }
        return body;
    }

    /** An object whose {@code field} is a non-blank string of at most {@code maxLength} characters. */
    public static JsonNode requireText(JsonNode body, String field, int maxLength) {
        requireObject(body);
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw invalid(field, "'" + field + "' must be a non-empty string");
        }
        if (value.asText().length() > maxLength) {
            throw invalid(field, "'" + field + "' must be at most " + maxLength + " characters");
        }
        return body;
    }

    /** Centra's bulk {@code PUT /items}: {@code lines} and/or {@code items} arrays of objects. */
    public static JsonNode bulkItems(JsonNode body) {
        requireObject(body);
        boolean any = false;
        for (String field : new String[] {"lines", "items"}) {
            JsonNode list = body.get(field);
            if (list == null) {
                continue;
            }
            if (!list.isArray()) {
                throw invalid(field, "'" + field + "' must be an array");
            }
            for (JsonNode entry : list) {
                if (!entry.isObject()) {
                    throw invalid(field, "every entry of '" + field + "' must be an object");
                }
            }
            any = true;
        }
        if (!any) {
            throw invalid("body", "The body needs a 'lines' or an 'items' array");
        }
        return body;
    }

    private static BffException invalid(String field, String detail) {
        return new BffException(HttpStatus.BAD_REQUEST, "invalid-body", "Invalid request body", detail, field);
    }
}
