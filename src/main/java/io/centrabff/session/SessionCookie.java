package io.centrabff.session;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.http.ResponseCookie;

/**
 * The one class that reads and writes the session cookies. HttpOnly so storefront JavaScript (and any injected
 * script) never sees the value; the value is sealed ({@link SessionSeal}), so not even the shopper's own browser
 * holds the Centra token; Secure except for plain-http sandbox runs, and then {@code __Host-}-prefixed so no sibling
 * subdomain or plain-http response can set it; SameSite=Lax by default.
 */
final class SessionCookie {

    static final String HOST_PREFIX = "__Host-";

    private final SessionProperties properties;
    private final boolean secure;
    private final SessionSeal seal;
    private final String sessionName;
    private final String receiptName;

    SessionCookie(SessionProperties properties, boolean secure, SessionSeal seal) {
        this.properties = properties;
        this.secure = secure;
        this.seal = seal;
        this.sessionName = name(properties.cookieName());
        this.receiptName = name(properties.receiptCookieName());
    }

    private String name(String configured) {
        return secure && !configured.startsWith(HOST_PREFIX) ? HOST_PREFIX + configured : configured;
    }

    /** The session the cookie names, or null without one the BFF wrote. */
    SessionSeal.Opened readSession(HttpServletRequest request) {
        return seal.open(read(request, sessionName));
    }

    String readReceipt(HttpServletRequest request) {
        SessionSeal.Opened opened = seal.open(read(request, receiptName));
        return opened == null ? null : opened.token();
    }

    String session(String token, String nonce) {
        return build(sessionName, seal.seal(token, nonce), properties.cookieMaxAge());
    }

    String clearSession() {
        return build(sessionName, "", Duration.ZERO);
    }

    String clearReceipt() {
        return build(receiptName, "", Duration.ZERO);
    }

    String receipt(String token) {
        return build(receiptName, seal.seal(token, "receipt"), properties.receiptMaxAge());
    }

    private String build(String name, String value, Duration maxAge) {
        return ResponseCookie.from(name, value)
                .httpOnly(true)
                .secure(secure)
                .sameSite(properties.cookieSameSite())
                .path("/")
                .maxAge(maxAge)
                .build()
                .toString();
    }

    private static String read(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName()) && SessionTokens.isWellFormed(cookie.getValue())) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
