package io.centrabff.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Lets operator calls through only with {@code Authorization: Bearer <bff.admin.secret>}, compared in constant time.
 * Without a configured secret nothing gets through, so an admin endpoint is never open by accident.
 */
@Component
public class AdminGuard {

    private static final String BEARER = "Bearer ";

    private final AdminProperties properties;

    AdminGuard(AdminProperties properties) {
        this.properties = properties;
    }

    /** Throws a 401 problem unless the request carries the admin secret. */
    public void require(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        String candidate = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).trim()
                : null;
        if (!properties.secret().matches(candidate)) {
            throw new BffException(
                    HttpStatus.UNAUTHORIZED,
                    "unauthorized",
                    "Unauthorized",
                    "This endpoint needs the admin secret as a Bearer token",
                    "authorization");
        }
    }
}
