package io.centrabff.payment;

import static io.centrabff.centra.CentraOperation.ADDRESS_SEARCH;
import static io.centrabff.centra.CentraOperation.PAYMENT;
import static io.centrabff.centra.CentraOperation.PAYMENT_FIELDS;
import static io.centrabff.centra.CentraOperation.PAYMENT_RESULT;
import static io.centrabff.centra.CentraOperation.RECEIPT;

import io.centrabff.session.SessionRelay;
import io.centrabff.session.ShopperSession;
import io.centrabff.web.BffException;
import io.centrabff.web.JsonBodies;
import io.centrabff.web.PaymentPages;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The checkout flow: payment fields, payment, payment result, receipt and address search. */
@RestController
@RequestMapping("${bff.api.base-path:/api/checkout}")
class PaymentController {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}");

    private final SessionRelay relay;
    private final PaymentPages pages;

    PaymentController(SessionRelay relay, PaymentPages pages) {
        this.relay = relay;
        this.pages = pages;
    }

    /** Address, e-mail and consent updates, and {@code centra_checkout_callback} details forwarded verbatim. */
    @PutMapping("/payment-fields")
    Mono<ResponseEntity<JsonNode>> paymentFields(HttpServletRequest request, @RequestBody JsonNode body) {
        return relay.relay(request, PAYMENT_FIELDS, JsonBodies.requireObject(body));
    }

    /**
     * Starts the payment. Centra's Geo-IP and fraud checks need the shopper's address, which only the BFF knows, so
     * {@code ipAddress} is always set from the request (never trusted from the body).
     */
    @PostMapping("/payment")
    Mono<ResponseEntity<JsonNode>> payment(HttpServletRequest request, @RequestBody JsonNode body) {
        ObjectNode payment = (ObjectNode) JsonBodies.requireObject(body);
        pages.check(payment);
        ShopperSession session = relay.session(request);
        payment.remove("ipAddress");
        if (session.clientIp() != null && IPV4.matcher(session.clientIp()).matches()) {
            payment.put("ipAddress", session.clientIp());
        }
        return relay.relay(session, PAYMENT, payment);
    }

    /**
     * Finishes the payment. {@code paymentMethodFields} must be every parameter the payment provider put on the
     * return page, names and casing untouched, so it is forwarded as received.
     */
    @PostMapping("/payment-result")
    Mono<ResponseEntity<JsonNode>> paymentResult(HttpServletRequest request, @RequestBody JsonNode body) {
        JsonBodies.requireObject(body);
        if (!body.path("paymentMethodFields").isObject()) {
            throw new BffException(
                    HttpStatus.BAD_REQUEST,
                    "invalid-body",
                    "Invalid request body",
                    "'paymentMethodFields' must be an object with the parameters of the payment return page",
                    "paymentMethodFields");
        }
        return relay.relay(request, PAYMENT_RESULT, body);
    }

    @GetMapping("/receipt")
    Mono<ResponseEntity<JsonNode>> receipt(HttpServletRequest request) {
        return relay.relay(request, RECEIPT, null);
    }

    @PostMapping("/address-search")
    Mono<ResponseEntity<JsonNode>> addressSearch(HttpServletRequest request, @RequestBody JsonNode body) {
        return relay.relay(request, ADDRESS_SEARCH, JsonBodies.requireObject(body));
    }
}
