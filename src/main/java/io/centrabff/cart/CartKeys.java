package io.centrabff.cart;

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
public final class CartKeys {

    /** Aliases shared with other instances, so a rotation seen by one is known to all. */
    public interface Aliases {

        /** This instance alone: no aliases beyond its own. */
        Aliases LOCAL = new Aliases() {
            @Override
            public String cartOf(String tokenHash) {
                return null;
            }

            @Override
            public void follow(String tokenHash, String cart) {}
        };

        /** The cart {@code tokenHash} names, or null if it names none (or the shared store cannot tell). */
        String cartOf(String tokenHash);

        void follow(String tokenHash, String cart);
    }

    private final Cache<String, String> aliases;
    private final Aliases shared;

    CartKeys(Duration idleTtl) {
        this(idleTtl, 100_000, null);
    }

    CartKeys(Duration idleTtl, long maxCarts, Aliases shared) {
        this.aliases = Caffeine.newBuilder()
                .expireAfterAccess(idleTtl)
                .maximumSize(maxCarts)
                .build();
        this.shared = shared;
    }

    /** The cart of {@code token}, or null for a shopper without a session. */
    public String cartOf(String token) {
        if (token == null) {
            return null;
        }
        String hash = hash(token);
        String cart = aliases.getIfPresent(hash);
        if (cart == null && shared != null) {
            cart = shared.cartOf(hash);
            if (cart != null) {
                aliases.put(hash, cart);
            }
        }
        return cart != null ? cart : hash;
    }

    /** Centra answered with {@code newToken}: from now on it names {@code cart}. */
    public void follow(String cart, String newToken) {
        String hash = hash(newToken);
        if (!hash.equals(cart)) {
            aliases.put(hash, cart);
            if (shared != null) {
                shared.follow(hash, cart);
            }
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
