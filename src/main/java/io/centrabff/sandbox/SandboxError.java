package io.centrabff.sandbox;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A Centra-style error: HTTP status ≥ 400 and a body with an {@code errors} object (token is added later). */
final class SandboxError extends RuntimeException {

    private final int status;
    private final ObjectNode body;

    SandboxError(int status, ObjectNode body) {
        super(body.toString(), null, false, false);
        this.status = status;
        this.body = body;
    }

    static SandboxError of(int status, String field, String reason) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("errors").put(field, reason);
        return new SandboxError(status, body);
    }

    static SandboxError badRequest(String field, String reason) {
        return of(400, field, reason);
    }

    static SandboxError notFound(String field, String reason) {
        return of(404, field, reason);
    }

    /** 406 is what Centra uses for "understood but not acceptable" (wrong password, item already in selection). */
    static SandboxError notAcceptable(String field, String reason) {
        return of(406, field, reason);
    }

    int status() {
        return status;
    }

    ObjectNode body() {
        return body;
    }
}
