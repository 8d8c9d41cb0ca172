package io.centrabff.widgets;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Remembered answers: the first answer to a mutation with an {@code Idempotency-Key} (retries and double clicks get
 * it again) and the answer to a widget event (the same event again inside a short window is not forwarded twice).
 */
final class WidgetReplies {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /** Answers shared with other instances: a retry may reach another instance than the first attempt. */
    interface Shared {

        ResponseEntity<JsonNode> get(String key);

        /** Keeps {@code response} for {@code ttl} unless an answer is already kept (the first answer wins). */
        void put(String key, ResponseEntity<JsonNode> response, Duration ttl);
    }

    private final Cache<String, ResponseEntity<JsonNode>> byKey;
    private final Cache<String, ResponseEntity<JsonNode>> events;
    private final Shared shared;
    private final Duration idempotencyTtl;
    private final Duration eventWindow;

    WidgetReplies(Duration idempotencyTtl, Duration eventWindow) {
        this(idempotencyTtl, eventWindow, null);
    }

    WidgetReplies(Duration idempotencyTtl, Duration eventWindow, Shared shared) {
        this.shared = shared;
        this.idempotencyTtl = idempotencyTtl;
        this.eventWindow = eventWindow;
        this.byKey = Caffeine.newBuilder()
                .expireAfterWrite(idempotencyTtl)
                .maximumSize(100_000)
                .build();
        this.events = Caffeine.newBuilder()
                .expireAfterWrite(eventWindow)
                .maximumSize(100_000)
                .build();
    }

    ResponseEntity<JsonNode> replay(String key) {
        return key == null ? null : find(byKey, "idempotency:" + key);
    }

    void remember(String key, ResponseEntity<JsonNode> response) {
        if (key != null && response.getStatusCode().value() < 500) {
            keep(byKey, "idempotency:" + key, response, idempotencyTtl);
        }
    }

    ResponseEntity<JsonNode> event(String key) {
        return find(events, "event:" + key);
    }

    void rememberEvent(String key, ResponseEntity<JsonNode> response) {
        if (response.getStatusCode().is2xxSuccessful()) {
            keep(events, "event:" + key, response, eventWindow);
        }
    }

    private ResponseEntity<JsonNode> find(Cache<String, ResponseEntity<JsonNode>> local, String key) {
        ResponseEntity<JsonNode> found = local.getIfPresent(key);
        if (found == null && shared != null) {
            found = shared.get(key);
        }
        return copy(found);
    }

    private void keep(
            Cache<String, ResponseEntity<JsonNode>> local,
            String key,
            ResponseEntity<JsonNode> response,
            Duration ttl) {
        local.put(key, copy(response));
        if (shared != null) {
            shared.put(key, response, ttl);
        }
    }

    /** The identity of a widget event: SHA-256 of its canonical JSON (keys sorted) at one cart version. */
    static String eventKey(String cart, JsonNode detail, long cartVersion) {
        try {
            byte[] json = CANONICAL.writeValueAsBytes(CANONICAL.treeToValue(detail, Object.class));
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return cart + ":" + HexFormat.of().formatHex(digest) + ":" + cartVersion;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String idempotencyKey(String cart, String header) {
        if (header == null || header.isBlank() || header.length() > 255) {
            return null;
        }
        return cart + ":" + CartKeys.hash(header.trim());
    }

    private static ResponseEntity<JsonNode> copy(ResponseEntity<JsonNode> response) {
        if (response == null) {
            return null;
        }
        JsonNode body = response.getBody();
        return new ResponseEntity<>(
                body == null ? null : body.deepCopy(), response.getHeaders(), response.getStatusCode());
    }
}
