package io.centrabff.coordination;

import io.centrabff.cart.CartReplies;
import io.centrabff.cart.KeptAnswers;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Idempotency records and widget-event answers in Redis with their TTLs, so a retry that reaches another instance
 * gets the first answer. The first answer wins (SET NX): a record is the true outcome of a mutation Centra applied,
 * so it is kept even when written late. Records kept only locally during an outage are written when Redis returns.
 * Reads and writes go through the cart lease's connection without blocking: a record written inside a lease reaches
 * Redis before that lease's release, so whoever takes the cart next (on any instance) finds it.
 */
final class RedisReplies implements CartReplies.Shared {

    private record Unsaved(ResponseEntity<JsonNode> response, Instant until) {}

    private static final int MAX_UNSAVED = 10_000;

    private final RedisLink link;
    private final RedisCartLock connection;
    private final ObjectMapper mapper;
    private final Map<String, Unsaved> unsaved = new ConcurrentHashMap<>();

    RedisReplies(RedisLink link, RedisCartLock connection, ObjectMapper mapper) {
        this.link = link;
        this.connection = connection;
        this.mapper = mapper;
    }

    @Override
    public Mono<ResponseEntity<JsonNode>> get(String key) {
        if (!link.up()) {
            link.fellBack("replies");
            return Mono.empty();
        }
        return Mono.fromFuture(connection.send(commands -> commands.get(link.key("reply", key))), true)
                .map(json -> KeptAnswers.fromJson(mapper.readTree(json)))
                .onErrorResume(error -> {
                    link.failed("replies", error instanceof CompletionException ? error.getCause() : error);
                    return Mono.empty();
                });
    }

    @Override
    public void put(String key, ResponseEntity<JsonNode> response, Duration ttl) {
        if (!link.up()) {
            link.fellBack("replies");
            keepForLater(key, response, ttl);
            return;
        }
        connection
                .send(commands -> commands.set(
                        link.key("reply", key),
                        KeptAnswers.toJson(response).toString(),
                        SetArgs.Builder.nx().px(ttl.toMillis())))
                .whenComplete((written, error) -> {
                    if (error != null) {
                        link.failed("replies", error instanceof CompletionException ? error.getCause() : error);
                        keepForLater(key, response, ttl);
                    }
                });
    }

    private void keepForLater(String key, ResponseEntity<JsonNode> response, Duration ttl) {
        if (unsaved.size() < MAX_UNSAVED) {
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
