package io.centrabff.catalog;

import static io.centrabff.centra.CentraOperation.CATEGORIES;
import static io.centrabff.centra.CentraOperation.PRODUCT;
import static io.centrabff.centra.CentraOperation.PRODUCTS;
import static io.centrabff.centra.CentraOperation.URI;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.centrabff.session.SessionRelay;
import io.centrabff.web.JsonBodies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Products, categories and URI routing in the shopper's market, pricelist and language. Passed through uncached for
 * now; the shopper's own token decides prices, exactly as when calling Centra directly.
 */
@RestController
@RequestMapping("${bff.api.base-path:/api/checkout}")
class CatalogController {

    // Only valid with the shared secret; a browser must never choose another market or pricelist.
    private static final List<String> SERVER_ONLY_FIELDS = List.of("pricelist", "market");

    private final SessionRelay relay;

    CatalogController(SessionRelay relay) {
        this.relay = relay;
    }

    @PostMapping("/products")
    Mono<ResponseEntity<JsonNode>> products(HttpServletRequest request, @RequestBody(required = false) JsonNode body) {
        ObjectNode query = (ObjectNode) JsonBodies.optionalObject(body);
        if (query != null) {
            query.remove(SERVER_ONLY_FIELDS);
        }
        return relay.relay(request, PRODUCTS, query);
    }

    @GetMapping("/products/{product}")
    Mono<ResponseEntity<JsonNode>> product(HttpServletRequest request, @PathVariable @Size(max = 128) String product) {
        return relay.relay(request, PRODUCT, null, product);
    }

    @GetMapping("/categories")
    Mono<ResponseEntity<JsonNode>> categories(HttpServletRequest request) {
        return relay.relay(request, CATEGORIES, null);
    }

    @PostMapping("/uri")
    Mono<ResponseEntity<JsonNode>> uri(HttpServletRequest request, @RequestBody JsonNode body) {
        return relay.relay(request, URI, JsonBodies.requireText(body, "uri", 2048));
    }
}
