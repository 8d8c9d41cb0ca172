package io.centrabff.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A configured secret. {@link #toString()} redacts it so it cannot reach a log line by accident; read it only where it
 * is sent or compared.
 */
public record Secret(String value) {

    /** Whether a non-blank secret is configured. */
    public boolean isPresent() {
        return value != null && !value.isBlank();
    }

    /** Compares in constant time, so response timing does not leak the secret. */
    public boolean matches(String candidate) {
        if (!isPresent() || candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return isPresent() ? "******" : "(not set)";
    }
}
