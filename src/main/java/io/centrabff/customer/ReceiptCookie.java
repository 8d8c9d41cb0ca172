package io.centrabff.customer;

import io.centrabff.session.SessionProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * The receipt cookie keeps the last order's token for {@code GET /receipt}, and the receipt shows name, address and
 * phone. Signing in or out is a change of person at the same browser: the cookie goes.
 */
final class ReceiptCookie {

    private final SessionProperties properties;

    ReceiptCookie(SessionProperties properties) {
        this.properties = properties;
    }

    ResponseEntity<JsonNode> cleared(HttpServletRequest request, ResponseEntity<JsonNode> answer) {
        if (properties.mode() != SessionProperties.Mode.COOKIE) {
            return answer;
        }
        String clear = ResponseCookie.from(properties.receiptCookieName(), "")
                .httpOnly(true)
                .secure(Boolean.TRUE.equals(properties.cookieSecure()) || request.isSecure())
                .sameSite(properties.cookieSameSite())
                .path("/")
                .maxAge(0)
                .build()
                .toString();
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(answer.getHeaders());
        headers.add(HttpHeaders.SET_COOKIE, clear);
        return ResponseEntity.status(answer.getStatusCode()).headers(headers).body(answer.getBody());
    }
}
