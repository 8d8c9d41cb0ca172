package io.centrabff.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.util.ArrayDeque;
import java.util.Deque;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every checkout-API request as it arrived on the wire, so tests can verify what the BFF sent (raw percent-encoded
 * path, token header, correlation id). The Authorization value is never recorded: only whether it was present. Keeps
 * the latest {@link #MAX_ENTRIES}, so a sandbox under load or running for days does not grow without bound.
 */
final class RequestLog {

    static final int MAX_ENTRIES = 10_000;

    private final Deque<ObjectNode> entries = new ArrayDeque<>();

    void record(HttpExchange exchange) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("method", exchange.getRequestMethod());
        entry.put("path", exchange.getRequestURI().getRawPath());
        entry.put("query", exchange.getRequestURI().getRawQuery());
        String token = exchange.getRequestHeaders().getFirst("API-token");
        entry.put("apiTokenPresent", token != null);
        entry.put("apiToken", token);
        entry.put("authorization", exchange.getRequestHeaders().containsKey("Authorization"));
        entry.put("correlationId", exchange.getRequestHeaders().getFirst("X-Correlation-ID"));
        add(entry);
    }

    synchronized void add(ObjectNode entry) {
        entries.addLast(entry);
        if (entries.size() > MAX_ENTRIES) {
            entries.removeFirst();
        }
    }

    synchronized ArrayNode toJson() {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        entries.forEach(array::add);
        return array;
    }

    synchronized void clear() {
        entries.clear();
    }
}
