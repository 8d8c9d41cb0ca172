package io.centrabff.selection;

import static io.centrabff.centra.CentraOperation.ADD_VOUCHER;
import static io.centrabff.centra.CentraOperation.COUNTRIES;
import static io.centrabff.centra.CentraOperation.LANGUAGES;
import static io.centrabff.centra.CentraOperation.REMOVE_VOUCHER;
import static io.centrabff.centra.CentraOperation.SET_COUNTRY;
import static io.centrabff.centra.CentraOperation.SET_COUNTRY_STATE;
import static io.centrabff.centra.CentraOperation.SET_LANGUAGE;
import static io.centrabff.centra.CentraOperation.SET_PAYMENT_METHOD;
import static io.centrabff.centra.CentraOperation.SET_SHIPPING_METHOD;

import io.centrabff.session.SessionRelay;
import io.centrabff.web.JsonBodies;
import jakarta.servlet.http.HttpServletRequest;
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

/** Country, state, language, shipping and payment method, and vouchers of the shopper's selection. */
@RestController
@RequestMapping("${bff.api.base-path:/api/checkout}")
class CheckoutOptionsController {

    private final SessionRelay relay;

    CheckoutOptionsController(SessionRelay relay) {
        this.relay = relay;
    }

    @GetMapping("/countries")
    Mono<ResponseEntity<JsonNode>> countries(HttpServletRequest request) {
        return relay.relay(request, COUNTRIES, null);
    }

    /** Changing the country may re-price the cart (pricelist), remove lines (market) and switch the language. */
    @PutMapping("/countries/{country}")
    Mono<ResponseEntity<JsonNode>> setCountry(
            HttpServletRequest request,
            @PathVariable @Size(max = 8) String country,
            @RequestBody(required = false) JsonNode body) {
        return relay.relay(request, SET_COUNTRY, JsonBodies.optionalObject(body), country);
    }

    @PutMapping("/countries/{country}/states/{state}")
    Mono<ResponseEntity<JsonNode>> setCountryState(
            HttpServletRequest request,
            @PathVariable @Size(max = 8) String country,
            @PathVariable @Size(max = 64) String state) {
        return relay.relay(request, SET_COUNTRY_STATE, null, country, state);
    }

    @GetMapping("/languages")
    Mono<ResponseEntity<JsonNode>> languages(HttpServletRequest request) {
        return relay.relay(request, LANGUAGES, null);
    }

    @PutMapping("/languages/{language}")
    Mono<ResponseEntity<JsonNode>> setLanguage(
            HttpServletRequest request, @PathVariable @Size(max = 16) String language) {
        return relay.relay(request, SET_LANGUAGE, null, language);
    }

    @PutMapping("/payment-methods/{paymentMethod}")
    Mono<ResponseEntity<JsonNode>> setPaymentMethod(
            HttpServletRequest request, @PathVariable @Size(max = 128) String paymentMethod) {
        return relay.relay(request, SET_PAYMENT_METHOD, null, paymentMethod);
    }

    @PutMapping("/shipping-methods/{shippingMethod}")
    Mono<ResponseEntity<JsonNode>> setShippingMethod(
            HttpServletRequest request, @PathVariable @Size(max = 128) String shippingMethod) {
        return relay.relay(request, SET_SHIPPING_METHOD, null, shippingMethod);
    }

    @PostMapping("/vouchers")
    Mono<ResponseEntity<JsonNode>> addVoucher(HttpServletRequest request, @RequestBody JsonNode body) {
        return relay.relay(request, ADD_VOUCHER, JsonBodies.requireText(body, "voucher", 128));
    }

    /** The code travels URL-encoded as one segment: {@code TEST+CODE} goes to Centra as {@code TEST%2BCODE}. */
    @DeleteMapping("/vouchers/{voucher}")
    Mono<ResponseEntity<JsonNode>> removeVoucher(
            HttpServletRequest request, @PathVariable @Size(max = 128) String voucher) {
        return relay.relay(request, REMOVE_VOUCHER, null, voucher);
    }
}
