package io.centrabff.cart;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.centrabff.web.BffException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Remembered answers: the first answer to a mutation with an {@code Idempotency-Key} (a byte-identical retry gets it
 * again; the same key with another request gets 422) and the answer to a widget event (the same event again inside a
 * short window is not forwarded twice). Kept serialized, bounded by weight (bytes) and by time.
 */
public final class CartReplies {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /**
     * Travels with a stored answer (locally and through Redis) so a later request under the same key can be compared
     * with the one that produced it; never sent to the storefront.
     */
    static final String REQUEST_HASH = "X-BFF-Request-Hash";

    /** Answers shared with other instances: a retry may reach another instance than the first attempt. */
    public interface Shared {

        /** This instance alone: only its own answers. */
        Shared LOCAL = new Shared() {
            @Override
            public Mono<ResponseEntity<JsonNode>> get(String key) {
                return Mono.empty();
            }

            @Override
            public void put(String key, ResponseEntity<JsonNode> response, Duration ttl) {}
        };

        /** The answer kept under {@code key}, or empty; never an error (a store it cannot reach has none). */
        Mono<ResponseEntity<JsonNode>> get(String key);

        /**
         * Keeps {@code response} for {@code ttl} unless an answer is already kept (the first answer wins). Need not wait:
         * inside a cart's lease it must be stored before the lease's release, so the next holder finds it.
         */
        void put(String key, ResponseEntity<JsonNode> response, Duration ttl);
    }

    private final Cache<String, byte[]> byKey;
    private final Cache<String, byte[]> events;
    private final Shared shared;
    private final Duration idempotencyTtl;
    private final Duration eventWindow;

    CartReplies(Duration idempotencyTtl, Duration eventWindow) {
        this(idempotencyTtl, eventWindow, 32L << 20, null);
    }

    CartReplies(Duration idempotencyTtl, Duration eventWindow, long maxBytes, Shared shared) {
        this.shared = shared;
        this.idempotencyTtl = idempotencyTtl;
        this.eventWindow = eventWindow;
        this.byKey = Caffeine.newBuilder()
                .expireAfterWrite(idempotencyTtl)
                .maximumWeight(maxBytes)
                .<String, byte[]>weigher((key, value) -> key.length() * 2 + value.length)
                .build();
        this.events = Caffeine.newBuilder()
                .expireAfterWrite(eventWindow)
                .maximumWeight(Math.max(1, maxBytes / 4))
                .<String, byte[]>weigher((key, value) -> key.length() * 2 + value.length)
                .build();
    }

    /**
     * The kept answer for {@code key}, or empty; a 422 {@code idempotency-key-reused} problem when the key was used
     * for another request ({@code requestHash} differs).
     */
    Mono<ResponseEntity<JsonNode>> replay(String key, String requestHash) {
        if (key == null) {
            return Mono.empty();
        }
        return find(byKey, "idempotency:" + key).handle((found, sink) -> {
            if (!requestHash.equals(found.getHeaders().getFirst(REQUEST_HASH))) {
                sink.error(reused());
            } else {
                sink.next(withoutHash(found));
            }
        });
    }

    void remember(String key, String requestHash, ResponseEntity<JsonNode> response) {
        if (key != null && response.getStatusCode().value() < 500) {
            HttpHeaders headers = new HttpHeaders();
            headers.addAll(response.getHeaders());
            headers.set(REQUEST_HASH, requestHash);
            keep(
                    byKey,
                    "idempotency:" + key,
                    new ResponseEntity<>(response.getBody(), headers, response.getStatusCode()),
                    idempotencyTtl);
        }
    }

    Mono<ResponseEntity<JsonNode>> event(String key) {
        return find(events, "event:" + key);
    }

    void rememberEvent(String key, ResponseEntity<JsonNode> response) {
        if (response.getStatusCode().is2xxSuccessful()) {
            keep(events, "event:" + key, response, eventWindow);
        }
    }

    private Mono<ResponseEntity<JsonNode>> find(Cache<String, byte[]> local, String key) {
        return Mono.defer(() -> {
            byte[] found = local.getIfPresent(key);
            if (found != null) {
                return Mono.just(decode(found));
            }
            return shared == null ? Mono.empty() : shared.get(key).map(CartReplies::copy);
        });
    }

    private void keep(Cache<String, byte[]> local, String key, ResponseEntity<JsonNode> response, Duration ttl) {
        local.asMap().putIfAbsent(key, encode(response));
        if (shared != null) {
            shared.put(key, response, ttl);
        }
    }

    /** The identity of a widget event: SHA-256 of its canonical JSON (keys sorted) at one cart version. */
    static String eventKey(String cart, JsonNode detail, long cartVersion) {
        return cart + ":" + canonicalHash(detail) + ":" + cartVersion;
    }

    /** What binds an Idempotency-Key to its request: method, path and the canonical hash of the body. */
    static String requestHash(String method, String path, JsonNode body) {
        return sha256(method + " " + path + " " + (body == null ? "-" : canonicalHash(body)));
    }

    /**
     * The store key of an {@code Idempotency-Key}: per cart, or (for a caller without a cart yet) per client address,
     * so a key never reaches another shopper's answer.
     */
    static String idempotencyKey(String scope, String header) {
        if (scope == null || header == null || header.isBlank() || header.length() > 255) {
            return null;
        }
        return scope + ":" + CartKeys.hash(header.trim());
    }

    private static String canonicalHash(JsonNode detail) {
        return sha256(new String(
                CANONICAL.writeValueAsBytes(CANONICAL.treeToValue(detail, Object.class)), StandardCharsets.UTF_8));
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BffException reused() {
        return new BffException(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "idempotency-key-reused",
                "Idempotency-Key reused",
                "This Idempotency-Key was already used for another request (method, path or body differ); send a new"
                        + " key for a new action",
                "Idempotency-Key");
    }

    private static ResponseEntity<JsonNode> withoutHash(ResponseEntity<JsonNode> response) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(response.getHeaders());
        headers.remove(REQUEST_HASH);
        return new ResponseEntity<>(response.getBody(), headers, response.getStatusCode());
    }

    private static byte[] encode(ResponseEntity<JsonNode> response) {
        return CANONICAL.writeValueAsBytes(KeptAnswers.toJson(response));
    }

    private static ResponseEntity<JsonNode> decode(byte[] bytes) {
        return KeptAnswers.fromJson(CANONICAL.readTree(bytes));
    }

    private static ResponseEntity<JsonNode> copy(ResponseEntity<JsonNode> response) {
        JsonNode body = response.getBody();
        return new ResponseEntity<>(
                body == null ? null : body.deepCopy(), response.getHeaders(), response.getStatusCode());
    }
}
