package io.centrabff.sandbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Wire-level helpers shared by the sandbox's handlers: paths, tokens, JSON in and out. */
final class SandboxHttp {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private SandboxHttp() {}

    /**
     * Splits a raw path into segments and percent-decodes each exactly once. A literal {@code +} stays a plus: only
     * query strings use {@code +} for space, and Centra's voucher {@code TEST+CODE} must survive as {@code TEST%2BCODE}.
     */
    static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.split("/")) {
            if (!raw.isEmpty()) {
                segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    /** The session token from {@code API-token} (any case) or from Centra's {@code Accept: *}{@code /*; api-token=…}. */
    static String token(Headers headers) {
        String header = headers.getFirst("API-token");
        if (header != null && !header.isBlank()) {
            return header.trim();
        }
        List<String> accepts = headers.get("Accept");
        if (accepts != null) {
            for (String accept : accepts) {
                for (String part : accept.split("[;,]")) {
                    String trimmed = part.trim();
                    if (trimmed.regionMatches(true, 0, "api-token=", 0, 10) && trimmed.length() > 10) {
                        return trimmed.substring(10);
                    }
                }
            }
        }
        return null;
    }

    /** Reads the body as JSON; null when empty. Malformed JSON becomes a Centra-style 400. */
    static JsonNode readJson(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        try {
            return MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw SandboxError.badRequest("body", "malformed json");
        }
    }

    static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    static void send(HttpExchange exchange, int status, JsonNode body, boolean pretty) throws IOException {
        byte[] bytes = pretty
                ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(body)
                : MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }
}
