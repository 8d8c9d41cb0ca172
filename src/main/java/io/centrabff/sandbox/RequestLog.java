package io.centrabff.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every checkout-API request as it arrived on the wire, so tests can verify what the BFF sent (raw percent-encoded
 * path, token header, correlation id). The Authorization value is never recorded: only whether it was present.
 */
final class RequestLog {

    private final List<ObjectNode> entries = new CopyOnWriteArrayList<>();

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
        entries.add(entry);
    }

    ArrayNode toJson() {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        entries.forEach(array::add);
        return array;
    }

    void clear() {
        entries.clear();
    }
}
