package io.centrabff.session;

import io.centrabff.web.BffException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/** Checks tokens from callers. Centra's tokens are opaque, so only the character set and length are checked. */
final class SessionTokens {

    private static final Pattern WELL_FORMED = Pattern.compile("[!#-+\\--~]{1,256}");
    private static final Pattern ACCEPT_TOKEN = Pattern.compile("(?i)(?:^|[;,\\s])api-token=([^;,\\s]+)");

    private SessionTokens() {}

    static boolean isWellFormed(String token) {
        return token != null && WELL_FORMED.matcher(token).matches() && !"none".equalsIgnoreCase(token);
    }

    /** Centra's {@code API-token: none}: a call without a session, not a token. */
    static boolean isSessionless(String token) {
        return token != null && "none".equalsIgnoreCase(token.trim());
    }

    /** A caller-supplied token, or an error that says what is wrong with it. */
    static String requireWellFormed(String token, String where) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        if (!isWellFormed(token)) {
            throw new BffException(
                    HttpStatus.BAD_REQUEST,
                    "invalid-token",
                    "Invalid session token",
                    where + " must be 1 to 256 visible ASCII characters without quotes, commas or spaces",
                    "token");
        }
        return token;
    }

    /** Centra's preflight-free variant for GET: {@code Accept: *}{@code /*; api-token=<token>}. */
    static String fromAccept(String accept) {
        if (accept == null) {
            return null;
        }
        Matcher matcher = ACCEPT_TOKEN.matcher(accept);
        return matcher.find() ? matcher.group(1) : null;
    }
}
