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
            token = headerToken(request);
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
                nonce);
    }

    /** Header mode: the {@code API-Token} header, or the {@code api-token} parameter of Accept; 400 if malformed. */
    static String headerToken(HttpServletRequest request) {
        String token = SessionTokens.requireWellFormed(request.getHeader("API-Token"), "The API-Token header");
        if (token == null) {
            token = SessionTokens.requireWellFormed(
                    SessionTokens.fromAccept(request.getHeader("Accept")), "The api-token parameter of Accept");
        }
        return token;
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
