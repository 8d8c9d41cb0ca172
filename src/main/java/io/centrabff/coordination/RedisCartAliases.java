package io.centrabff.coordination;

import io.centrabff.cart.CartKeys;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;

/**
 * Token aliases in Redis, so a token Centra rotated through one instance names the same cart on all of them.
 * Aliases that could not be written during an outage are written when Redis returns.
 */
final class RedisCartAliases implements CartKeys.Aliases {

    private final RedisLink link;
    private final RedisTokenReads reads;
    private final Duration ttl;
    private final Map<String, String> unsaved = new ConcurrentHashMap<>();

    RedisCartAliases(RedisLink link, RedisTokenReads reads, Duration ttl) {
        this.link = link;
        this.reads = reads;
        this.ttl = ttl;
    }

    /**
     * As this request read it with the session's binding, or read now together with the state of the cart the token
     * names, which the relay pulls next.
     */
    @Override
    public String cartOf(String tokenHash) {
        if (!link.up()) {
            return null;
        }
        try {
            return reads.forAlias(tokenHash).alias;
        } catch (RuntimeException e) {
            link.failed("cart-aliases", e);
            return null;
        }
    }

    @Override
    public void follow(String tokenHash, String cart) {
        if (!link.attempt("cart-aliases", () -> write(tokenHash, cart))) {
            unsaved.put(tokenHash, cart);
        }
    }

    private void write(String tokenHash, String cart) {
        link.redis().opsForValue().set(link.key("alias", tokenHash), cart, ttl);
    }

    private void writeUnsaved() {
        Set.copyOf(unsaved.keySet()).forEach(hash -> {
            String cart = unsaved.remove(hash);
            if (cart != null) {
                write(hash, cart);
            }
        });
    }

    /** Before coordination through Redis resumes. */
    @EventListener
    void recovered(RedisLinkRecovered event) {
        link.recovering("cart-aliases", this::writeUnsaved);
    }
}
