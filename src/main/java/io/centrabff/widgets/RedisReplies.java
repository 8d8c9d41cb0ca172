package io.centrabff.widgets;

import io.centrabff.coordination.RedisLink;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Idempotency records and widget-event answers in Redis with their TTLs, so a retry that reaches another instance
 * gets the first answer. The first answer wins (SET NX): a record is the true outcome of a mutation Centra applied,
 * so it is kept even when written late. Records kept only locally during an outage are written when Redis returns.
 */
final class RedisReplies implements WidgetReplies.Shared {

    private record Unsaved(ResponseEntity<JsonNode> response, Instant until) {}

    private static final int MAX_UNSAVED = 10_000;

    private final RedisLink link;
    private final ObjectMapper mapper;
    private final Map<String, Unsaved> unsaved = new ConcurrentHashMap<>();

    RedisReplies(RedisLink link, ObjectMapper mapper) {
        this.link = link;
        this.mapper = mapper;
        link.onRecovery(this::writeUnsaved);
    }

    @Override
    public ResponseEntity<JsonNode> get(String key) {
        if (!link.up()) {
            link.fellBack("replies");
            return null;
        }
        try {
            String json = link.redis().opsForValue().get(link.key("reply", key));
            return json == null ? null : decode(mapper.readTree(json));
        } catch (RuntimeException e) {
            link.failed("replies", e);
            return null;
        }
    }

    @Override
    public void put(String key, ResponseEntity<JsonNode> response, Duration ttl) {
        if (!link.attempt("replies", () -> write(key, response, ttl)) && unsaved.size() < MAX_UNSAVED) {
            unsaved.put(key, new Unsaved(response, Instant.now().plus(ttl)));
        }
    }

    private void write(String key, ResponseEntity<JsonNode> response, Duration ttl) {
        link.redis()
                .opsForValue()
                .setIfAbsent(link.key("reply", key), encode(response).toString(), ttl);
    }

    private void writeUnsaved() {
        Instant now = Instant.now();
        Set.copyOf(unsaved.keySet()).forEach(key -> {
            Unsaved record = unsaved.remove(key);
            if (record != null && record.until().isAfter(now)) {
                write(key, record.response(), Duration.between(now, record.until()));
            }
        });
    }

    private ObjectNode encode(ResponseEntity<JsonNode> response) {
        ObjectNode json =
                mapper.createObjectNode().put("status", response.getStatusCode().value());
        ObjectNode headers = json.putObject("headers");
        response.getHeaders().forEach((name, values) -> values.forEach(headers.withArray(name)::add));
        json.set("body", response.getBody());
        return json;
    }

    private static ResponseEntity<JsonNode> decode(JsonNode json) {
        HttpHeaders headers = new HttpHeaders();
        json.path("headers").properties().forEach(header -> header.getValue()
                .forEach(value -> headers.add(header.getKey(), value.asText())));
        JsonNode body = json.get("body");
        return new ResponseEntity<>(
                body == null || body.isNull() ? null : body,
                headers,
                HttpStatusCode.valueOf(json.path("status").asInt()));
    }
}
