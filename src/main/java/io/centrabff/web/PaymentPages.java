package io.centrabff.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Checks the pages a payment provider sends the shopper back to. Centra passes them to the provider as they are, so
 * a page on any other origin would make a genuine checkout (on the provider's own domain) end on an attacker's site.
 */
@Component
public class PaymentPages {

    private static final List<String> FIELDS = List.of("paymentReturnPage", "paymentFailedPage");

    private final Set<String> origins;

    PaymentPages(PaymentPagesProperties properties, CorsProperties cors) {
        List<String> configured =
                properties.returnOrigins().isEmpty() ? cors.allowedOrigins() : properties.returnOrigins();
        this.origins = configured.stream().map(o -> o.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** Refuses (400) a return or failure page outside the storefront's origins; absent pages are Centra's business. */
    public void check(JsonNode payment) {
        if (origins.isEmpty()) {
            return;
        }
        for (String field : FIELDS) {
            JsonNode page = payment.get(field);
            if (page != null && !page.isNull() && !allowed(page)) {
                throw new BffException(
                        HttpStatus.BAD_REQUEST,
                        "invalid-field",
                        "Invalid field",
                        field + " must be an absolute URL on the storefront (" + String.join(", ", origins) + ")",
                        field);
            }
        }
    }

    private boolean allowed(JsonNode page) {
        if (!page.isTextual() || page.asText().length() > 2048) {
            return false;
        }
        try {
            URI uri = new URI(page.asText());
            if (uri.getScheme() == null || uri.getRawAuthority() == null || uri.getRawUserInfo() != null) {
                return false;
            }
            String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://"
                    + uri.getHost().toLowerCase(Locale.ROOT)
                    + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
            return origins.contains(origin);
        } catch (URISyntaxException | NullPointerException e) {
            return false;
        }
    }
}
