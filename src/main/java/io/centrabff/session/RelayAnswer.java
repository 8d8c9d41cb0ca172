package io.centrabff.session;

import io.centrabff.centra.CentraResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An answer on its way through the interceptor chain: status, headers and body of the storefront's response while it
 * is still being put together, and what Centra answered when the answer comes from Centra. Interceptors add to it
 * ({@link #bff}); {@link SessionRelay} builds the response from it once, after the last interceptor returned.
 */
public final class RelayAnswer {

    private final CentraResponse centra;
    private HttpStatusCode status;
    private final HttpHeaders headers;
    private final MediaType contentType;
    private final ObjectNode body;
    private boolean clearsReceipt;

    private RelayAnswer(
            CentraResponse centra, HttpStatusCode status, HttpHeaders headers, MediaType contentType, JsonNode body) {
        this.centra = centra;
        this.status = status;
        this.headers = new HttpHeaders();
        this.headers.addAll(headers);
        this.headers.setCacheControl(CacheControl.noStore());
        this.contentType = contentType;
        this.body = body instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
    }

    /** Centra's answer, {@code body} being what the storefront gets of it. */
    static RelayAnswer fromCentra(CentraResponse centra, HttpHeaders headers, ObjectNode body) {
        return new RelayAnswer(
                centra, HttpStatusCode.valueOf(centra.status()), headers, MediaType.APPLICATION_JSON, body);
    }

    /** An answer of the BFF's own (a problem, a kept answer replayed): no Centra answer behind it. */
    public static RelayAnswer own(HttpStatusCode status, HttpHeaders headers, MediaType contentType, JsonNode body) {
        return new RelayAnswer(null, status, headers, contentType, body);
    }

    /** A kept answer (e.g. for a repeated Idempotency-Key), as first given. */
    public static RelayAnswer kept(ResponseEntity<JsonNode> kept) {
        return own(kept.getStatusCode(), kept.getHeaders(), kept.getHeaders().getContentType(), kept.getBody());
    }

    /** What Centra answered (its token included, also in cookie mode), or null for the BFF's own answer. */
    public CentraResponse centra() {
        return centra;
    }

    public HttpStatusCode status() {
        return status;
    }

    /**
     * Answers with {@code status} instead, for an interceptor that must not let the status tell something (the body
     * is then its to shape too).
     */
    public void status(HttpStatusCode status) {
        this.status = status;
    }

    /**
     * The receipt cookie goes with this answer (cookie mode; nothing in header mode, where there is none): the
     * cookie is written by {@link SessionRelay}, which knows its name and attributes.
     */
    public void clearReceipt() {
        this.clearsReceipt = true;
    }

    boolean clearsReceipt() {
        return clearsReceipt;
    }

    void addCookie(String setCookie) {
        headers.add(HttpHeaders.SET_COOKIE, setCookie);
    }

    /** The body as the storefront will get it; interceptors add their fields here (Centra's own stay as they are). */
    public ObjectNode body() {
        return body;
    }

    /** The {@code bff} member of the body, created when missing: where the BFF's additions go. */
    public ObjectNode bff() {
        return body.get("bff") instanceof ObjectNode existing ? existing : body.putObject("bff");
    }

    /** Puts {@code token} in the body unless it already carries one (a replayed answer keeps Centra's). */
    void repeatToken(String token) {
        if (!body.has("token")) {
            body.put("token", token);
        }
    }

    /** A copy of the answer as it stands, e.g. to keep it for a replay. */
    public ResponseEntity<JsonNode> snapshot() {
        HttpHeaders copy = new HttpHeaders();
        copy.addAll(headers);
        if (contentType != null) {
            copy.setContentType(contentType);
        }
        return new ResponseEntity<>(body.deepCopy(), copy, status);
    }

    /** The storefront's response; built once, by {@link SessionRelay}, after the chain returned. */
    ResponseEntity<JsonNode> response() {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).headers(headers);
        if (contentType != null) {
            response.contentType(contentType);
        }
        return response.body(body);
    }
}
