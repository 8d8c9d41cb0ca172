package io.centrabff.coordination;

import io.centrabff.session.SessionBindings;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;

/**
 * Sign-in bindings in Redis, so a cookie value from before a sign-in through one instance is refused by all. While
 * Redis is unreachable each instance knows only its own sign-ins; bindings written meanwhile follow on recovery.
 */
final class RedisSessionBindings implements SessionBindings.Shared {

    private record Unsaved(String nonce, Duration ttl) {}

    private static final int MAX_UNSAVED = 10_000;

    private final RedisLink link;
    private final RedisTokenReads reads;
    private final Map<String, Unsaved> unsaved = new ConcurrentHashMap<>();

    RedisSessionBindings(RedisLink link, RedisTokenReads reads) {
        this.link = link;
        this.reads = reads;
    }

    /** Read with the token's alias and cart state, which the cart's relay asks for next (one trip for all three). */
    @Override
    public String get(String tokenHash) {
        if (!link.up()) {
            link.fellBack("session-bindings");
            return null;
        }
        try {
            return reads.withBinding(tokenHash).binding;
        } catch (RuntimeException e) {
            link.failed("session-bindings", e);
            return null;
        }
    }

    @Override
    public void put(String tokenHash, String nonce, Duration ttl) {
        if (!link.attempt("session-bindings", () -> write(tokenHash, nonce, ttl)) && unsaved.size() < MAX_UNSAVED) {
            unsaved.put(tokenHash, new Unsaved(nonce, ttl));
        }
    }

    private void write(String tokenHash, String nonce, Duration ttl) {
        link.redis().opsForValue().set(link.key("signed-in", tokenHash), nonce, ttl);
    }

    private void writeUnsaved() {
        Map.copyOf(unsaved).forEach((hash, record) -> {
            unsaved.remove(hash);
            write(hash, record.nonce(), record.ttl());
        });
    }

    /** Before coordination through Redis resumes. */
    @EventListener
    void recovered(RedisLinkRecovered event) {
        link.recovering("session-bindings", this::writeUnsaved);
    }
}
