package io.centrabff.customer;

import static io.centrabff.centra.CentraOperation.BACK_IN_STOCK;

import io.centrabff.session.SessionRelay;
import io.centrabff.web.JsonBodies;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /back-in-stock-subscription}: "notify me" for an item that is out of stock, with Centra's body
 * {@code {item, shipTo: {country, state?}, email?, language?}} (email and language default to the session's).
 */
@RestController
@RequestMapping("${bff.api.base-path:/api/checkout}")
class BackInStockController {

    private final SessionRelay relay;

    BackInStockController(SessionRelay relay) {
        this.relay = relay;
    }

    @PostMapping("/back-in-stock-subscription")
    Mono<ResponseEntity<JsonNode>> subscribe(HttpServletRequest request, @RequestBody JsonNode body) {
        return relay.relay(request, BACK_IN_STOCK, JsonBodies.requireText(body, "item", 128));
    }
}
