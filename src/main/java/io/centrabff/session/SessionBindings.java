package io.centrabff.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Which cookie value may use a signed-in Centra token. Centra keeps the token when a shopper signs in ("logged in in
 * current shopping session, for current API-Token"), so the BFF hands the browser a new value at register, login and
 * password reset and from then on refuses every other value naming that token: a cookie planted before the sign-in
 * reaches nobody's account. Only signed-in tokens are kept (by hash), bounded and for the cookie's lifetime; with
 * Redis they are shared, so every instance refuses the old value.
 */
public final class SessionBindings {

    /** The bindings shared with other instances. */
    public interface Shared {

        /** This instance alone: only its own sign-ins. */
        Shared LOCAL = new Shared() {
            @Override
            public String get(String tokenHash) {
                return null;
            }

            @Override
            public void put(String tokenHash, String nonce, Duration ttl) {}
        };

        /** The nonce bound to {@code tokenHash}, or null (none, or the shared store cannot tell). */
        String get(String tokenHash);

        void put(String tokenHash, String nonce, Duration ttl);
    }

    private final Cache<String, String> local;
    private final Shared shared;
    private final Duration ttl;

    SessionBindings(long maxEntries, Duration ttl, Shared shared) {
        this.local = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(ttl)
                .build();
        this.shared = shared;
        this.ttl = ttl;
    }

    /** The nonce a cookie for {@code token} must carry, or null when any value the BFF wrote may use it. */
    String required(String token) {
        String hash = hash(token);
        String nonce = local.getIfPresent(hash);
        if (nonce == null && shared != null) {
            nonce = shared.get(hash);
            if (nonce != null) {
                local.put(hash, nonce);
            }
        }
        return nonce;
    }

    /** From now on only a value with {@code nonce} may use {@code token}. */
    void bind(String token, String nonce) {
        String hash = hash(token);
        local.put(hash, nonce);
        if (shared != null) {
            shared.put(hash, nonce, ttl);
        }
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
