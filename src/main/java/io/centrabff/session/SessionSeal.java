package io.centrabff.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the session cookie's value (AES-256-GCM): the browser holds a value only this BFF can have written, naming a
 * Centra token it never sees. A shopper who plants their own cookie in another browser therefore does not know the
 * Centra token behind it, and a value the BFF did not write opens nothing. Public so a storefront server or a test
 * holding the same key can mint and read values.
 */
public final class SessionSeal {

    private static final String PREFIX = "v1.";
    private static final byte[] CONTEXT = "centra-bff session cookie".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a sealed value names: the Centra token and the value's sign-in nonce. */
    public record Opened(String token, String nonce) {

        @Override
        public String toString() {
            return "Opened[nonce=" + nonce + "]";
        }
    }

    private final SecretKeySpec key;

    /** A seal whose key is derived from {@code material} (any length; the same material gives the same key). */
    public SessionSeal(String material) {
        this.key = new SecretKeySpec(derive(material.getBytes(StandardCharsets.UTF_8)), "AES");
    }

    /** A seal with a random key: values do not survive a restart and are not shared between instances. */
    static SessionSeal random() {
        byte[] material = new byte[32];
        RANDOM.nextBytes(material);
        return new SessionSeal(Base64.getEncoder().encodeToString(material));
    }

    /** A fresh random nonce. */
    public static String nonce() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String seal(String token, String nonce) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(CONTEXT);
            byte[] sealed = cipher.doFinal((nonce + "\n" + token).getBytes(StandardCharsets.UTF_8));
            return PREFIX
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                                    .put(iv)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token and nonce {@code value} names, or null when this BFF did not write it. */
    public Opened open(String value) {
        if (value == null || !value.startsWith(PREFIX) || value.length() > 1024) {
            return null;
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(value.substring(PREFIX.length()));
            if (bytes.length < 12 + 16 + 2) {
                return null;
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, 12));
            cipher.updateAAD(CONTEXT);
            String text = new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            return newline < 0 ? null : new Opened(text.substring(newline + 1), text.substring(0, newline));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return null;
        }
    }

    private static byte[] derive(byte[] material) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(CONTEXT);
            return digest.digest(material);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
