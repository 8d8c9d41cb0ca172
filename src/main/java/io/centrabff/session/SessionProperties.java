package io.centrabff.session;

import io.centrabff.web.Secret;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How shopper sessions travel between the storefront and the BFF.
 *
 * @param mode COOKIE keeps the Centra token in an HttpOnly cookie and strips it from bodies; HEADER expects the
 *     API-Token header and returns the token in bodies, exactly as Centra does.
 * @param cookieName Name of the session cookie holding the Centra token (cookie mode).
 * @param receiptCookieName Name of the short-lived cookie that keeps the order's token for GET /receipt after
 *     payment-result (cookie mode).
 * @param cookieMaxAge Lifetime of the session cookie; renewed on every response that sets it.
 * @param receiptMaxAge Lifetime of the receipt cookie.
 * @param cookieSecure Whether cookies carry the Secure flag; leave unset for "on, except against the embedded
 *     sandbox on plain http".
 * @param cookieSameSite SameSite attribute of the cookies (Lax, Strict or None).
 * @param countryHeaders Edge headers that carry the shopper's country (ISO 3166-1 alpha-2), tried in order, used to
 *     set the country of a new selection because Centra's Geo-IP only sees the BFF.
 * @param trustedProxies Addresses or CIDR ranges of proxies whose X-Forwarded-For header is believed; empty means
 *     the TCP peer is the client.
 * @param cookieKey Key material sealing the session cookie (cookie mode), the same on every instance; unset means
 *     derived from centra.shared-secret. Changing it signs every shopper out of their cart.
 * @param signedInSessions Signed-in sessions per instance whose pre-sign-in cookie values are refused; with Redis
 *     they are also kept there.
 */
@Validated
@ConfigurationProperties("bff.session")
public record SessionProperties(
        @NotNull @DefaultValue("COOKIE") Mode mode,
        @NotBlank @DefaultValue("centra-session") String cookieName,
        @NotBlank @DefaultValue("centra-receipt") String receiptCookieName,
        @NotNull @DefaultValue("30d") Duration cookieMaxAge,
        @NotNull @DefaultValue("1h") Duration receiptMaxAge,
        Boolean cookieSecure,
        @Pattern(regexp = "Lax|Strict|None", message = "bff.session.cookie-same-site must be Lax, Strict or None")
                @DefaultValue("Lax")
                String cookieSameSite,
        @NotNull @DefaultValue({"CF-IPCountry", "CloudFront-Viewer-Country"}) List<String> countryHeaders,
        @NotNull @DefaultValue({}) List<String> trustedProxies,
        Secret cookieKey,
        @Min(1) @DefaultValue("200000") long signedInSessions) {

    /** How the Centra token travels. */
    public enum Mode {
        COOKIE,
        HEADER
    }
}
