package io.centrabff.widgets;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Names a cart by a hash of the shopper's Centra token (the token itself is never stored or logged) and keeps naming
 * the same cart after Centra rotates the token.
 */
final class CartKeys {

    private final Cache<String, String> aliases;

    CartKeys(Duration idleTtl) {
        this.aliases = Caffeine.newBuilder().expireAfterAccess(idleTtl).build();
    }

    /** The cart of {@code token}, or null for a shopper without a session. */
    String cartOf(String token) {
        if (token == null) {
            return null;
        }
        String hash = hash(token);
        String cart = aliases.getIfPresent(hash);
        return cart != null ? cart : hash;
    }

    /** Centra answered with {@code newToken}: from now on it names {@code cart}. */
    void follow(String cart, String newToken) {
        String hash = hash(newToken);
        if (!hash.equals(cart)) {
            aliases.put(hash, cart);
        }
    }

    static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
