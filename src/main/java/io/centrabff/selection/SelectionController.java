package io.centrabff.selection;

import static io.centrabff.centra.CentraOperation.ADD_BUNDLE;
import static io.centrabff.centra.CentraOperation.ADD_GIFT_CERTIFICATE;
import static io.centrabff.centra.CentraOperation.ADD_GIFT_CERTIFICATE_AMOUNT;
import static io.centrabff.centra.CentraOperation.ADD_ITEM;
import static io.centrabff.centra.CentraOperation.ADD_ITEM_QUANTITY;
import static io.centrabff.centra.CentraOperation.DECREASE_LINE_BY;
import static io.centrabff.centra.CentraOperation.INCREASE_LINE;
import static io.centrabff.centra.CentraOperation.INCREASE_LINE_BY;
import static io.centrabff.centra.CentraOperation.REMOVE_LINE;
import static io.centrabff.centra.CentraOperation.SELECTION;
import static io.centrabff.centra.CentraOperation.SET_LINE_QUANTITY;
import static io.centrabff.centra.CentraOperation.UPDATE_ITEMS;

import io.centrabff.session.SessionRelay;
import io.centrabff.web.JsonBodies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** The cart: Centra's selection, items and lines endpoints with Centra's paths, verbs and bodies. */
@RestController
@RequestMapping("${bff.api.base-path:/api/checkout}")
class SelectionController {

    static final int MAX_QUANTITY = 10_000;

    /** An amount in the selection's currency: digits, optionally two decimals; never zero. */
    static final String AMOUNT = "(?!0+(\\.0+)?$)\\d{1,9}(\\.\\d{1,2})?";

    private final SessionRelay relay;

    SelectionController(SessionRelay relay) {
        this.relay = relay;
    }

    @GetMapping("/selection")
    Mono<ResponseEntity<JsonNode>> selection(HttpServletRequest request) {
        return relay.relay(request, SELECTION, null);
    }

    @PostMapping("/items/{item}")
    Mono<ResponseEntity<JsonNode>> addItem(
            HttpServletRequest request,
            @PathVariable @Size(max = 128) String item,
            @RequestBody(required = false) JsonNode body) {
        return relay.relay(request, ADD_ITEM, JsonBodies.optionalObject(body), item);
    }

    @PostMapping("/items/{item}/quantity/{quantity}")
    Mono<ResponseEntity<JsonNode>> addItemQuantity(
            HttpServletRequest request,
            @PathVariable @Size(max = 128) String item,
            @PathVariable @Min(1) @Max(MAX_QUANTITY) int quantity,
            @RequestBody(required = false) JsonNode body) {
        return relay.relay(
                request, ADD_ITEM_QUANTITY, JsonBodies.optionalObject(body), item, Integer.toString(quantity));
    }

    /**
     * A gift certificate: Centra removes everything else from the selection and any earlier certificate. A
     * certificate of any amount needs {@code {"amount": X}} in the body or the {@code /amount/{amount}} path, in the
     * selection's currency.
     */
    @PostMapping("/items/gift-certificates/{giftCertificate}")
    Mono<ResponseEntity<JsonNode>> addGiftCertificate(
            HttpServletRequest request,
            @PathVariable @Size(max = 128) String giftCertificate,
            @RequestBody(required = false) JsonNode body) {
        return relay.relay(request, ADD_GIFT_CERTIFICATE, JsonBodies.optionalObject(body), giftCertificate);
    }

    @PostMapping("/items/gift-certificates/{giftCertificate}/amount/{amount}")
    Mono<ResponseEntity<JsonNode>> addGiftCertificateAmount(
            HttpServletRequest request,
            @PathVariable @Size(max = 128) String giftCertificate,
            @PathVariable @Pattern(regexp = AMOUNT, message = "must be a positive amount like 100 or 99.50")
                    String amount,
            @RequestBody(required = false) JsonNode body) {
        return relay.relay(
                request, ADD_GIFT_CERTIFICATE_AMOUNT, JsonBodies.optionalObject(body), giftCertificate, amount);
    }

    /** A flexible bundle; the body (the shopper's choice per section) goes to Centra as given. */
    @PostMapping("/items/bundles/{item}")
    Mono<ResponseEntity<JsonNode>> addBundle(
            HttpServletRequest request, @PathVariable @Size(max = 128) String item, @RequestBody JsonNode body) {
        return relay.relay(request, ADD_BUNDLE, JsonBodies.requireObject(body), item);
    }

    /** Bulk update: Centra answers 400/404/406, or 200 with an {@code errors} list when partly applied. */
    @PutMapping("/items")
    Mono<ResponseEntity<JsonNode>> updateItems(HttpServletRequest request, @RequestBody JsonNode body) {
        return relay.relay(request, UPDATE_ITEMS, JsonBodies.bulkItems(body));
    }

    @PostMapping("/lines/{line}")
    Mono<ResponseEntity<JsonNode>> increaseLine(
            HttpServletRequest request, @PathVariable @Size(max = 128) String line) {
        return relay.relay(request, INCREASE_LINE, null, line);
    }

    @PostMapping("/lines/{line}/quantity/{quantity}")
    Mono<ResponseEntity<JsonNode>> increaseLineBy(
            HttpServletRequest request,
            @PathVariable @Size(max = 128) String line,
            @PathVariable @Min(1) @Max(MAX_QUANTITY) int quantity) {
        return relay.relay(request, INCREASE_LINE_BY, null, line, Integer.toString(quantity));
    }

    @PutMapping("/lines/{line}/quantity/{quantity}")
    Mono<ResponseEntity<JsonNode>> setLineQuantity(
            HttpServletRequest request,
            @PathVariable @Size(max = 128) String line,
            @PathVariable @Min(0) @Max(MAX_QUANTITY) int quantity) {
        return relay.relay(request, SET_LINE_QUANTITY, null, line, Integer.toString(quantity));
    }

    @DeleteMapping("/lines/{line}/quantity/{quantity}")
    Mono<ResponseEntity<JsonNode>> decreaseLineBy(
            HttpServletRequest request,
            @PathVariable @Size(max = 128) String line,
            @PathVariable @Min(1) @Max(MAX_QUANTITY) int quantity) {
        return relay.relay(request, DECREASE_LINE_BY, null, line, Integer.toString(quantity));
    }

    @DeleteMapping("/lines/{line}")
    Mono<ResponseEntity<JsonNode>> removeLine(HttpServletRequest request, @PathVariable @Size(max = 128) String line) {
        return relay.relay(request, REMOVE_LINE, null, line);
    }
}
