package io.centrabff.coordination;

import io.centrabff.cart.CartReplies;
import io.centrabff.cart.KeptAnswers;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Idempotency records and widget-event answers in Redis with their TTLs, so a retry that reaches another instance
 * gets the first answer. The first answer wins (SET NX): a record is the true outcome of a mutation Centra applied,
 * so it is kept even when written late. Records kept only locally during an outage are written when Redis returns.
 */
final class RedisReplies implements CartReplies.Shared {

    private record Unsaved(ResponseEntity<JsonNode> response, Instant until) {}

    private static final int MAX_UNSAVED = 10_000;

    private final RedisLink link;
    private final ObjectMapper mapper;
    private final Map<String, Unsaved> unsaved = new ConcurrentHashMap<>();

    RedisReplies(RedisLink link, ObjectMapper mapper) {
        this.link = link;
        this.mapper = mapper;
    }

    @Override
    public ResponseEntity<JsonNode> get(String key) {
        if (!link.up()) {
            link.fellBack("replies");
            return null;
        }
        try {
            String json = link.redis().opsForValue().get(link.key("reply", key));
            return json == null ? null : KeptAnswers.fromJson(mapper.readTree(json));
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
                .setIfAbsent(
                        link.key("reply", key), KeptAnswers.toJson(response).toString(), ttl);
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

    /** Before coordination through Redis resumes. */
    @EventListener
    void recovered(RedisLinkRecovered event) {
        link.recovering("replies", this::writeUnsaved);
    }
}
