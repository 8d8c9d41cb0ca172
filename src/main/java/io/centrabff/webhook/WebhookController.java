package io.centrabff.webhook;

import io.centrabff.web.BffException;
import io.centrabff.webhook.WebhookSignature.Verdict;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Centra Webhook plugin intake: form-encoded {@code payload=<JSON>}, signed. Verifies the signature over the raw
 * bytes, reads which objects changed, queues the eviction and answers 200 at once. Unsigned, forged, expired or
 * replayed calls get 401 and change nothing.
 */
@RestController
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final WebhookSignature signature;
    private final WebhookQueue queue;
    private final ObjectMapper mapper;
    private final WebhookFanOut fanOut;

    WebhookController(
            WebhookSignature signature,
            WebhookQueue queue,
            ObjectMapper mapper,
            org.springframework.beans.factory.ObjectProvider<WebhookFanOut> fanOut) {
        this.signature = signature;
        this.queue = queue;
        this.mapper = mapper;
        this.fanOut = fanOut.getIfAvailable();
    }

    @PostMapping("${bff.webhook.path:/api/webhooks/centra}")
    ResponseEntity<JsonNode> receive(HttpServletRequest request) {
        byte[] body = (byte[]) request.getAttribute(WebhookBodyFilter.RAW_BODY);
        Verdict verdict = signature.verify(request.getHeader("X-Centra-Signature"), body == null ? new byte[0] : body);
        if (verdict != Verdict.VALID) {
            queue.count("none", "rejected-" + verdict.name().toLowerCase(Locale.ROOT));
            log.warn("Refused a webhook call: signature {}", verdict);
            throw new BffException(
                    HttpStatus.UNAUTHORIZED,
                    "webhook-signature",
                    "Invalid webhook signature",
                    "The X-Centra-Signature header is missing, invalid, expired or replayed",
                    "signature");
        }
        WebhookEvent event = WebhookEvent.of(payload(body));
        event.ignored().forEach(type -> queue.count(type, "ignored"));
        queue.submit(event);
        if (fanOut != null) {
            fanOut.publish(event);
        }
        return ResponseEntity.ok(JsonNodeFactory.instance.objectNode().put("accepted", true));
    }

    /** The {@code payload} form field as JSON; a signed call without one is a 400 (Centra would not send it). */
    private JsonNode payload(byte[] body) {
        for (String pair : new String(body, StandardCharsets.US_ASCII).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && "payload".equals(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8))) {
                try {
                    JsonNode json = mapper.readTree(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                    if (json != null && json.isObject()) {
                        return json;
                    }
                } catch (JacksonException | IllegalArgumentException e) {
                    break;
                }
            }
        }
        throw new BffException(
                HttpStatus.BAD_REQUEST,
                "webhook-payload",
                "Invalid webhook payload",
                "The form field 'payload' must hold a JSON object",
                "payload");
    }
}
