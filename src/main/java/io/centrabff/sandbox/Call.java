package io.centrabff.sandbox;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One checkout-API request as the endpoints see it: decoded path parameters, JSON body and its session ({@code token}
 * is null in {@code API-token: none} mode).
 */
record Call(
        List<String> params,
        JsonNode body,
        boolean authorized,
        SandboxSelection selection,
        SandboxState state,
        String token) {

    String param(int index) {
        return params.get(index);
    }

    /** The body as an object; Centra treats a missing body like an empty one. */
    ObjectNode object() {
        return body instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
    }

    int quantityParam(int index) {
        try {
            return Integer.parseInt(param(index));
        } catch (NumberFormatException e) {
            throw SandboxError.badRequest("quantity", "not a number");
        }
    }

    Call with(List<String> newParams) {
        return new Call(newParams, body, authorized, selection, state, token);
    }

    /** The same call on another selection (a customer's saved one after login, a fresh one after logout). */
    Call on(SandboxSelection other) {
        return new Call(params, body, authorized, other, state, token);
    }
}
