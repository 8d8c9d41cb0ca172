package io.centrabff.centra;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One call to Centra.
 *
 * @param operation which Centra operation
 * @param pathValues values for the template's dynamic segments, in order
 * @param body JSON body, or null
 * @param token the shopper's Centra token; null starts a new session
 * @param sessionless send {@code API-token: none}: Centra neither creates nor returns a session (catalog fills)
 * @param correlationId sent as {@code X-Correlation-ID}
 */
public record CentraRequest(
        CentraOperation operation,
        List<String> pathValues,
        JsonNode body,
        String token,
        boolean sessionless,
        String correlationId) {

    public CentraRequest {
        pathValues = List.copyOf(pathValues);
    }

    /** A call on behalf of a shopper's session (a null token lets Centra create one). */
    public static CentraRequest forSession(
            CentraOperation operation, String token, JsonNode body, String correlationId, String... pathValues) {
        return new CentraRequest(operation, List.of(pathValues), body, token, false, correlationId);
    }

    /** A call without any session, as used for shared catalog reads. */
    public static CentraRequest sessionless(
            CentraOperation operation, JsonNode body, String correlationId, String... pathValues) {
        return new CentraRequest(operation, List.of(pathValues), body, null, true, correlationId);
    }

    @Override
    public String toString() {
        // Never the token: this may end up in a log line.
        return "CentraRequest[" + operation + (sessionless ? ", sessionless" : "") + "]";
    }
}
