package io.centrabff.cart;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A kept answer (for an Idempotency-Key replay) as JSON, {@code {status, headers, body}}: one format for the local
 * store and for Redis.
 */
public final class KeptAnswers {

    private KeptAnswers() {}

    public static ObjectNode toJson(ResponseEntity<JsonNode> response) {
        ObjectNode json = JsonNodeFactory.instance
                .objectNode()
                .put("status", response.getStatusCode().value());
        ObjectNode headers = json.putObject("headers");
        response.getHeaders().forEach((name, values) -> values.forEach(headers.withArray(name)::add));
        json.set("body", response.getBody());
        return json;
    }

    public static ResponseEntity<JsonNode> fromJson(JsonNode json) {
        HttpHeaders headers = new HttpHeaders();
        json.path("headers").properties().forEach(header -> header.getValue()
                .forEach(value -> headers.add(header.getKey(), value.asText())));
        JsonNode body = json.get("body");
        return new ResponseEntity<>(
                body == null || body.isNull() ? null : body,
                headers,
                HttpStatusCode.valueOf(json.path("status").asInt()));
    }
}
