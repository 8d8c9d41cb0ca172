package io.centrabff.session;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.http.ResponseCookie;

/**
 * The one class that reads and writes the session cookies. HttpOnly so storefront JavaScript (and any injected
 * script) never sees the Centra token; Secure except for plain-http sandbox runs; SameSite=Lax by default.
 */
final class SessionCookie {

    private final SessionProperties properties;
    private final boolean secure;

    SessionCookie(SessionProperties properties, boolean secure) {
        this.properties = properties;
        this.secure = secure;
    }

    String readSession(HttpServletRequest request) {
        return read(request, properties.cookieName());
    }

    String readReceipt(HttpServletRequest request) {
        return read(request, properties.receiptCookieName());
    }

    String session(String token) {
        return build(properties.cookieName(), token, properties.cookieMaxAge());
    }

    String clearSession() {
        return build(properties.cookieName(), "", Duration.ZERO);
    }

    String receipt(String token) {
        return build(properties.receiptCookieName(), token, properties.receiptMaxAge());
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
