package io.centrabff.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** The correlation id that ties a storefront request to its Centra calls and log lines. */
public final class Correlation {

    /** Header accepted from callers, sent to Centra and echoed back. */
    public static final String HEADER = "X-Correlation-ID";
    /** MDC key; log patterns print it on every line. */
    public static final String MDC_KEY = "correlationId";

    static final String ATTRIBUTE = Correlation.class.getName();

    // Anything else (CR/LF, long values, quotes) could forge log lines or headers, so it is replaced, not echoed.
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private Correlation() {}

    /** The caller's id when well-formed, otherwise a fresh one. */
    static String acceptOrCreate(String candidate) {
        if (candidate != null && WELL_FORMED.matcher(candidate).matches()) {
            return candidate;
        }
        // Not a secret, just unique: ThreadLocalRandom avoids SecureRandom's contention on every request.
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /** The correlation id of this request (set by the correlation filter). */
    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id != null ? id.toString() : acceptOrCreate(null);
    }
}
