package io.centrabff.sandbox;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted PBKDF2-HMAC-SHA256 password hash from the JDK, so the sandbox never holds a password in clear. The
 * iteration count is low for a password store (test suites register many customers); it is a simulation, not one.
 */
final class PasswordHash {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ITERATIONS = 10_000;
    private static final int BITS = 256;
    /** Compared against for unknown e-mails, so a failed login takes as long whether or not the address exists. */
    static final PasswordHash DUMMY = of("not a password anyone has");

    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(byte[] salt, byte[] hash) {
        this.salt = salt;
        this.hash = hash;
    }

    static PasswordHash of(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new PasswordHash(salt, derive(password, salt));
    }

    boolean matches(String password) {
        return password != null && MessageDigest.isEqual(hash, derive(password, salt));
    }

    private static byte[] derive(String password, byte[] salt) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Never the hash or salt: this may be printed while debugging. */
    @Override
    public String toString() {
        return "PasswordHash[redacted]";
    }
}
