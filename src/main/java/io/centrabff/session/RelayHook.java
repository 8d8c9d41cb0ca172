package io.centrabff.session;

import io.centrabff.centra.CentraOperation;
import io.centrabff.centra.CentraResponse;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Wraps every relayed operation, so another capability (checkout widgets) can order cart mutations, refuse them, or
 * add fields to the answer without the controllers knowing. Called on the request thread.
 */
public interface RelayHook {

    /** The hook that does nothing but run the call. */
    RelayHook NONE = (session, operation, body, call) -> call.run().map(Relayed::response);

    Mono<ResponseEntity<JsonNode>> around(ShopperSession session, CentraOperation operation, JsonNode body, Call call);

    /** The relayed call; subscribing performs it. */
    @FunctionalInterface
    interface Call {
        Mono<Relayed> run();
    }

    /**
     * One relayed answer.
     *
     * @param centra what Centra answered (its token included, also in cookie mode)
     * @param response the storefront's response built from it
     */
    record Relayed(CentraResponse centra, ResponseEntity<JsonNode> response) {}
}
