package io.centrabff.centra;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What Centra answered: its status and JSON body, kept as a tree because Centra's shapes vary between versions.
 * Includes Centra's own errors (status 4xx with an {@code errors} object), which pass through to the storefront.
 *
 * @param status Centra's HTTP status
 * @param body Centra's JSON object
 * @param sentToken the token the call carried (null for a new or sessionless call)
 */
public record CentraResponse(int status, ObjectNode body, String sentToken) {

    /** The token Centra returned, or null (sessionless calls return none). */
    public String token() {
        JsonNode token = body.get("token");
        return token != null && token.isTextual() && !token.asText().isBlank() ? token.asText() : null;
    }

    /**
     * Whether Centra answered with a token other than the one sent: a new session, or a rotation because the old
     * token expired. Either way the storefront must switch to the new token in this very response.
     */
    public boolean tokenChanged() {
        String token = token();
        return token != null && !token.equals(sentToken);
    }

    /** Centra signals failure by an {@code errors} key; its absence means success. */
    public boolean hasErrors() {
        JsonNode errors = body.get("errors");
        return errors != null && !errors.isNull() && !(errors.isContainer() && errors.isEmpty());
    }

    public boolean isSuccess() {
        return status < 400 && !hasErrors();
    }

    /**
     * Whether this answer to {@code operation} says the cart became an order, so its token now points at the order:
     * {@code POST /payment} answering {@code action: "success"} (an order placed at once), {@code POST /payment-result}
     * answering with an order (as {@code order}, an object or, in older answers, the order number beside the order's
     * fields) and no other action, or {@code GET /selection} on a token that already points at an order. The one rule
     * for everyone who needs to know (the session's cookies, the cart's state).
     */
    public boolean completesOrder(CentraOperation operation) {
        if (!isSuccess()) {
            return false;
        }
        String action = body.path("action").asText("");
        return switch (operation) {
            case PAYMENT -> action.equals("success");
            case PAYMENT_RESULT -> (action.isEmpty() || action.equals("success"))
                    && body.hasNonNull("order")
                    && !body.path("order").isArray();
            case SELECTION -> body.path("order").isObject()
                    && !body.path("selection").isObject();
            default -> false;
        };
    }

    @Override
    public String toString() {
        return "CentraResponse[" + status + (hasErrors() ? ", errors" : "") + "]";
    }
}
