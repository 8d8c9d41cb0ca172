package io.centrabff.webhook;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.centrabff.web.Secret;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Centra's webhook signature: {@code X-Centra-Signature: t=<unix seconds>,v1=<hex>} where v1 is the lowercase hex
 * HMAC-SHA256 of {@code t + "." + raw form body} under the endpoint secret (reference §7, §0.9). The raw bytes
 * matter: re-encoding the parsed form differs from Centra's PHP encoding for some characters. Timestamps outside the
 * tolerance and signatures already seen inside it are refused.
 */
final class WebhookSignature {

    enum Verdict {
        VALID,
        MISSING,
        MALFORMED,
        EXPIRED,
        INVALID,
        REPLAYED
    }

    private final Secret secret;
    private final Duration tolerance;
    private final Clock clock;
    private final Cache<String, Boolean> seen;

    WebhookSignature(Secret secret, Duration tolerance, Clock clock) {
        this.secret = secret;
        this.tolerance = tolerance;
        this.clock = clock;
        // A signature older than the tolerance is refused anyway, so remembering it longer (twice, for clock skew in
        // both directions) is enough.
        this.seen = Caffeine.newBuilder()
                .expireAfterWrite(tolerance.multipliedBy(2))
                .maximumSize(1_000_000)
                .build();
    }

    Verdict verify(String header, byte[] body) {
        if (header == null || header.isBlank() || !secret.isPresent()) {
            return Verdict.MISSING;
        }
        String timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                String name = part.substring(0, eq).trim();
                String value = part.substring(eq + 1).trim();
                if (name.equals("t")) {
                    timestamp = value;
                } else if (name.equals("v1")) {
                    signatures.add(value);
                }
            }
        }
        if (timestamp == null || signatures.isEmpty() || !timestamp.matches("\\d{1,12}")) {
            return Verdict.MALFORMED;
        }
        long age = clock.instant().getEpochSecond() - Long.parseLong(timestamp);
        if (Math.abs(age) > tolerance.toSeconds()) {
            return Verdict.EXPIRED;
        }
        byte[] expected = sign(secret.value(), timestamp, body).getBytes(StandardCharsets.US_ASCII);
        for (String candidate : signatures) {
            if (MessageDigest.isEqual(expected, candidate.toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
                return seen.asMap().putIfAbsent(timestamp + "." + candidate.toLowerCase(), Boolean.TRUE) == null
                        ? Verdict.VALID
                        : Verdict.REPLAYED;
            }
        }
        return Verdict.INVALID;
    }

    /** Lowercase hex HMAC-SHA256 of {@code timestamp + "." + body}. */
    static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
