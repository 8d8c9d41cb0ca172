package io.centrabff.session;

import io.centrabff.web.Correlation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads a {@link ShopperSession} from an incoming request, in the configured session mode. */
final class SessionResolver {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    // Cloudflare: XX = unknown, T1 = Tor. Not countries Centra could ship to.
    private static final Set<String> NOT_A_COUNTRY = Set.of("XX", "T1", "ZZ");

    private final SessionProperties properties;
    private final SessionCookie cookie;
    private final ClientAddress clientAddress;
    private final SessionBindings bindings;

    SessionResolver(
            SessionProperties properties, SessionCookie cookie, ClientAddress clientAddress, SessionBindings bindings) {
        this.bindings = bindings;
        this.properties = properties;
        this.cookie = cookie;
        this.clientAddress = clientAddress;
    }

    ShopperSession resolve(HttpServletRequest request) {
        String token = null;
        String receipt = null;
        String nonce = null;
        boolean sessionless = false;
        if (properties.mode() == SessionProperties.Mode.COOKIE) {
            SessionSeal.Opened opened = cookie.readSession(request);
            if (opened != null) {
                String required = bindings.required(opened.token());
                // A value from before the shopper signed in (or planted then) no longer reaches the session.
                if (required == null || required.equals(opened.nonce())) {
                    token = opened.token();
                    nonce = opened.nonce();
                }
            }
            receipt = cookie.readReceipt(request);
        } else {
            String header = request.getHeader("API-Token");
            String accept = SessionTokens.fromAccept(request.getHeader("Accept"));
            // Centra's token-less mode (introduction "Token-less communication"): no token back, nothing saved.
            sessionless =
                    SessionTokens.isSessionless(header) || (header == null && SessionTokens.isSessionless(accept));
            if (!sessionless) {
                token = SessionTokens.requireWellFormed(header, "The API-Token header");
                if (token == null) {
                    token = SessionTokens.requireWellFormed(accept, "The api-token parameter of Accept");
                }
            }
        }
        return new ShopperSession(
                token,
                receipt,
                clientAddress.resolve(request),
                edgeCountry(request),
                Correlation.of(request),
                request.getHeader("Idempotency-Key"),
                request.getMethod(),
                request.getRequestURI(),
                nonce,
                sessionless);
    }

    /**
     * Header mode: the caller's token (the {@code API-Token} header, or the {@code api-token} parameter of Accept), or
     * null without one or in Centra's token-less mode; 400 if malformed.
     */
    static String headerToken(HttpServletRequest request) {
        String header = request.getHeader("API-Token");
        String accept = SessionTokens.fromAccept(request.getHeader("Accept"));
        if (SessionTokens.isSessionless(header) || (header == null && SessionTokens.isSessionless(accept))) {
            return null;
        }
        String token = SessionTokens.requireWellFormed(header, "The API-Token header");
        return token != null ? token : SessionTokens.requireWellFormed(accept, "The api-token parameter of Accept");
    }

    private String edgeCountry(HttpServletRequest request) {
        for (String header : properties.countryHeaders()) {
            String value = request.getHeader(header);
            if (value != null) {
                String country = value.trim().toUpperCase(Locale.ROOT);
                if (COUNTRY.matcher(country).matches() && !NOT_A_COUNTRY.contains(country)) {
                    return country;
                }
            }
        }
        return null;
    }
}
