package io.centrabff.customer;

import io.centrabff.web.BffException;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * Centra puts {@code linkUri} after the storefront's base URL in the reset e-mail; an absolute or protocol-relative
 * value would let anyone send the shopper a genuine Centra e-mail pointing elsewhere.
 */
final class RelativeLink {

    private static final int MAX = 512;

    private RelativeLink() {}

    static void require(JsonNode linkUri) {
        if (linkUri.isMissingNode() || linkUri.isNull()) {
            return;
        }
        String value = linkUri.isTextual() ? linkUri.asText() : null;
        if (value == null
                || value.length() > MAX
                || value.contains("\\")
                || value.contains("//")
                || value.contains(":")
                || value.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            throw new BffException(
                    HttpStatus.BAD_REQUEST,
                    "invalid-field",
                    "Invalid field",
                    "linkUri must be a relative path on the storefront, like account/reset",
                    "linkUri");
        }
    }
}
