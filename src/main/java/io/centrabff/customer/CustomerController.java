package io.centrabff.customer;

import static io.centrabff.centra.CentraOperation.CUSTOMER;
import static io.centrabff.centra.CentraOperation.LOGIN;
import static io.centrabff.centra.CentraOperation.LOGOUT;
import static io.centrabff.centra.CentraOperation.NEWSLETTER;
import static io.centrabff.centra.CentraOperation.NEWSLETTER_EMAIL;
import static io.centrabff.centra.CentraOperation.ORDERS;
import static io.centrabff.centra.CentraOperation.PASSWORD_RESET;
import static io.centrabff.centra.CentraOperation.PASSWORD_RESET_EMAIL;
import static io.centrabff.centra.CentraOperation.REGISTER;
import static io.centrabff.centra.CentraOperation.UPDATE_ADDRESS;
import static io.centrabff.centra.CentraOperation.UPDATE_CUSTOMER;
import static io.centrabff.centra.CentraOperation.UPDATE_EMAIL;
import static io.centrabff.centra.CentraOperation.UPDATE_PASSWORD;

import io.centrabff.session.SessionRelay;
import io.centrabff.web.ClientIp;
import io.centrabff.web.JsonBodies;
import io.centrabff.web.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Centra's customer endpoints with Centra's paths, verbs and bodies. Signing in and out is bound to the session
 * token, so everything goes through {@link SessionRelay}: a token Centra replaces on login or logout replaces the
 * cookie in the same response, bodies never carry the token in cookie mode, and every answer is {@code no-store}.
 * Bodies are passed on untouched and never logged: they carry passwords.
 */
@RestController
@RequestMapping("${bff.api.base-path:/api/checkout}")
class CustomerController {

    /** RFC 5321 caps an address at 254 characters; anything longer is not an e-mail. */
    static final int MAX_EMAIL = 254;

    private static final int MAX_PASSWORD = 1024;

    private final SessionRelay relay;
    private final AccountLimits limits;
    private final ClientIp clientIp;

    CustomerController(SessionRelay relay, RateLimiter limiter, ClientIp clientIp) {
        this.relay = relay;
        this.limits = new AccountLimits(limiter);
        this.clientIp = clientIp;
    }

    /** Registers and signs in; the anonymous cart becomes the new customer's. */
    @PostMapping("/register")
    Mono<ResponseEntity<JsonNode>> register(HttpServletRequest request, @RequestBody JsonNode body) {
        return relay.relay(request, REGISTER, JsonBodies.requireObject(body));
    }

    /** Centra answers a wrong password and an unknown address alike (406 {@code password: incorrect}). */
    @PostMapping("/login/{email}")
    Mono<ResponseEntity<JsonNode>> login(
            HttpServletRequest request,
            @PathVariable @NotBlank @Size(max = MAX_EMAIL) String email,
            @RequestBody JsonNode body) {
        JsonBodies.requireText(body, "password", MAX_PASSWORD);
        String client = RateLimiter.clientKey(clientIp.of(request));
        limits.checkLogin(email, client);
        // The receipt cookie goes on sign-in and sign-out: see ReceiptCookie.
        return relay.relay(request, LOGIN, body, email).doOnNext(answer -> {
            if (answer.getStatusCode().is4xxClientError()) {
                limits.loginFailed(email, client);
            }
        });
    }

    /** Centra empties the selection and ends the login on the token; a token it hands out instead replaces it. */
    @PostMapping("/logout")
    Mono<ResponseEntity<JsonNode>> logout(HttpServletRequest request) {
        return relay.relay(request, LOGOUT, null);
    }

    @GetMapping("/customer")
    Mono<ResponseEntity<JsonNode>> customer(HttpServletRequest request) {
        return relay.relay(request, CUSTOMER, null);
    }

    @PutMapping("/customer/update")
    Mono<ResponseEntity<JsonNode>> updateCustomer(HttpServletRequest request, @RequestBody JsonNode body) {
        return relay.relay(request, UPDATE_CUSTOMER, JsonBodies.requireObject(body));
    }

    @PutMapping("/address")
    Mono<ResponseEntity<JsonNode>> updateAddress(HttpServletRequest request, @RequestBody JsonNode body) {
        return relay.relay(request, UPDATE_ADDRESS, JsonBodies.requireObject(body));
    }

    @PutMapping("/email")
    Mono<ResponseEntity<JsonNode>> updateEmail(HttpServletRequest request, @RequestBody JsonNode body) {
        return relay.relay(request, UPDATE_EMAIL, JsonBodies.requireText(body, "newEmail", MAX_EMAIL));
    }

    @PutMapping("/password")
    Mono<ResponseEntity<JsonNode>> updatePassword(HttpServletRequest request, @RequestBody JsonNode body) {
        JsonBodies.requireText(body, "password", MAX_PASSWORD);
        return relay.relay(request, UPDATE_PASSWORD, JsonBodies.requireText(body, "newPassword", MAX_PASSWORD));
    }

    /** Order history, paged by Centra's {@code {from, size}}. */
    @PostMapping("/orders")
    Mono<ResponseEntity<JsonNode>> orders(HttpServletRequest request, @RequestBody(required = false) JsonNode body) {
        return relay.relay(request, ORDERS, JsonBodies.optionalObject(body));
    }

    /**
     * Asks Centra to e-mail a reset link ({@code {linkUri}}). The answer never tells whether the address is
     * registered: see {@link ResetEmailAnswer}.
     */
    @PostMapping("/password-reset-email/{email}")
    Mono<ResponseEntity<JsonNode>> passwordResetEmail(
            HttpServletRequest request,
            @PathVariable @NotBlank @Size(max = MAX_EMAIL) String email,
            @RequestBody JsonNode body) {
        JsonBodies.requireObject(body);
        RelativeLink.require(body.path("linkUri"));
        limits.consume(AccountLimits.PASSWORD_RESET, email);
        return relay.relay(request, PASSWORD_RESET_EMAIL, body, email);
    }

    /** Completes a reset with {@code {i, id, newPassword}} from the e-mailed link; Centra signs the customer in. */
    @PostMapping("/password-reset")
    Mono<ResponseEntity<JsonNode>> passwordReset(HttpServletRequest request, @RequestBody JsonNode body) {
        return relay.relay(request, PASSWORD_RESET, JsonBodies.requireText(body, "newPassword", MAX_PASSWORD));
    }

    /** Subscribes the signed-in customer (or the address in the body) to the newsletter. */
    @PostMapping("/newsletter-subscription")
    Mono<ResponseEntity<JsonNode>> newsletter(
            HttpServletRequest request, @RequestBody(required = false) JsonNode body) {
        return relay.relay(request, NEWSLETTER, JsonBodies.optionalObject(body));
    }

    @PostMapping("/newsletter-subscription/{email}")
    Mono<ResponseEntity<JsonNode>> newsletterFor(
            HttpServletRequest request,
            @PathVariable @NotBlank @Size(max = MAX_EMAIL) String email,
            @RequestBody(required = false) JsonNode body) {
        return relay.relay(request, NEWSLETTER_EMAIL, JsonBodies.optionalObject(body), email);
    }
}
