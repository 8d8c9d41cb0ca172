package io.centrabff.selection;

import static io.centrabff.centra.CentraOperation.ALL_COUNTRIES;
import static io.centrabff.centra.CentraOperation.MARKETS;
import static io.centrabff.centra.CentraOperation.PRICELISTS;
import static io.centrabff.centra.CentraOperation.SET_SELECTION_CONTEXT;

import io.centrabff.catalog.CatalogProperties;
import io.centrabff.centra.CentraOperation;
import io.centrabff.session.SessionRelay;
import io.centrabff.web.BffException;
import io.centrabff.web.JsonBodies;
import io.centrabff.web.Secret;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Centra's operations that need its shared secret, for a storefront server that presents the BFF's server key
 * ({@code X-BFF-Server-Key}, {@code bff.catalog.server-key}): switching a shopper's selection to any market,
 * pricelist, country and language, and listing all countries, markets and pricelists. A browser never has the key;
 * without it the answer is 403 and Centra is not called. The reads need no session, so none is created for them.
 */
@RestController
@RequestMapping("${bff.api.base-path:/api/checkout}")
class ServerSideController {

    static final String SERVER_KEY_HEADER = "X-BFF-Server-Key";

    private static final List<String> CONTEXT_FIELDS = List.of("market", "pricelist", "country", "language");

    private final SessionRelay relay;
    private final Secret serverKey;

    ServerSideController(SessionRelay relay, CatalogProperties catalog) {
        this.relay = relay;
        this.serverKey = catalog.serverKey();
    }

    /** Centra re-prices the cart for a new pricelist and removes lines the new market does not sell. */
    @PutMapping("/selection")
    Mono<ResponseEntity<JsonNode>> setContext(HttpServletRequest request, @RequestBody JsonNode body) {
        requireServerKey(request);
        return relay.relay(request, SET_SELECTION_CONTEXT, context(body));
    }

    @GetMapping("/countries/all")
    Mono<ResponseEntity<JsonNode>> allCountries(HttpServletRequest request) {
        return read(request, ALL_COUNTRIES);
    }

    @GetMapping("/markets")
    Mono<ResponseEntity<JsonNode>> markets(HttpServletRequest request) {
        return read(request, MARKETS);
    }

    @GetMapping("/pricelists")
    Mono<ResponseEntity<JsonNode>> pricelists(HttpServletRequest request) {
        return read(request, PRICELISTS);
    }

    private Mono<ResponseEntity<JsonNode>> read(HttpServletRequest request, CentraOperation operation) {
        requireServerKey(request);
        return relay.relay(relay.session(request).withoutSession(), operation, null);
    }

    private void requireServerKey(HttpServletRequest request) {
        if (!serverKey.matches(request.getHeader(SERVER_KEY_HEADER))) {
            throw new BffException(
                    HttpStatus.FORBIDDEN,
                    "server-key-required",
                    "Server key required",
                    "This operation uses Centra's shared secret; only a server presenting " + SERVER_KEY_HEADER
                            + " may call it",
                    "serverKey");
        }
    }

    /** Centra's body: any of market, pricelist, country, language, each an id or code; other fields pass as given. */
    private static JsonNode context(JsonNode body) {
        JsonBodies.requireObject(body);
        boolean any = false;
        for (String field : CONTEXT_FIELDS) {
            JsonNode value = body.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            boolean valid = (value.isTextual()
                            && !value.asText().isBlank()
                            && value.asText().length() <= 64)
                    || value.isIntegralNumber();
            if (!valid) {
                throw new BffException(
                        HttpStatus.BAD_REQUEST,
                        "invalid-body",
                        "Invalid request body",
                        field + " must be an id or code (a string of at most 64 characters or an integer)",
                        field);
            }
            any = true;
        }
        if (!any) {
            throw new BffException(
                    HttpStatus.BAD_REQUEST,
                    "invalid-body",
                    "Invalid request body",
                    "The body must name at least one of market, pricelist, country, language",
                    "body");
        }
        return body;
    }
}
