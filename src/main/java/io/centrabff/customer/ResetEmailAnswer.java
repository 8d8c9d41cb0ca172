package io.centrabff.customer;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The answer to a reset-e-mail request must not tell an attacker which addresses have accounts. Centra documents no
 * error for an unknown address; should a Centra instance answer one (an error about {@code email} or
 * {@code customer}, whatever its status), the storefront gets exactly what a registered address gets: 200 and
 * Centra's body without {@code errors}. Errors about anything else (a missing {@code linkUri}, say) pass through.
 */
final class ResetEmailAnswer {

    private ResetEmailAnswer() {}

    static ResponseEntity<JsonNode> uniform(ResponseEntity<JsonNode> answer) {
        JsonNode body = answer.getBody();
        if (!(body instanceof ObjectNode object)
                || !revealsAddress(answer.getStatusCode().value(), object)) {
            return answer;
        }
        object.remove("errors");
        return ResponseEntity.status(HttpStatus.OK).headers(answer.getHeaders()).body(object);
    }

    private static boolean revealsAddress(int status, ObjectNode body) {
        JsonNode errors = body.path("errors");
        return status >= 400 && (errors.has("email") || errors.has("customer"));
    }
}
