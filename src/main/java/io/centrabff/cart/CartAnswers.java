package io.centrabff.cart;

import io.centrabff.centra.CentraOperation;
import io.centrabff.session.RelayAnswer;
import io.centrabff.session.ShopperSession;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * What a cart's answers carry besides Centra's body, supplied by the capability that keeps the storefront's widgets
 * in step (checkout widgets). Every path of a cart operation goes through it: Centra's answer, the BFF's own failure,
 * a refusal before Centra was asked, and a replay. Each adds to the answer while it is still on its way through the
 * relay chain, before the response is built.
 */
public interface CartAnswers {

    /** Whether the storefront, following the last answer, suspended something before its next change. */
    boolean suspended(CartState state);

    /** A read of the selection. */
    RelayAnswer read(String cart, RelayAnswer answer);

    /** A change Centra answered (successfully or with its own errors); {@code cart} is null for a new session. */
    Mono<RelayAnswer> mutated(
            String cart,
            ShopperSession session,
            CentraOperation operation,
            JsonNode request,
            boolean suspended,
            RelayAnswer answer);

    /** The BFF's own error while performing a change (Centra unreachable, unusable answer). */
    Mono<RelayAnswer> failed(
            String cart,
            ShopperSession session,
            CentraOperation operation,
            JsonNode request,
            ErrorResponseException error);

    /** A change refused before it reached Centra (409, 422). */
    RelayAnswer refused(String cart, ErrorResponseException error, JsonNode request);

    /** A kept answer replayed for a retry under the same Idempotency-Key. */
    RelayAnswer replayed(String cart, RelayAnswer kept);
}
