package io.centrabff.session;

import io.centrabff.centra.CentraGateway;
import io.centrabff.centra.CentraOperation;
import io.centrabff.centra.CentraRequest;
import io.centrabff.centra.CentraResponse;
import io.centrabff.centra.OperationClass;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Performs a Centra operation on behalf of the calling shopper and turns Centra's answer into the storefront's
 * response: Centra's status and body, the token moved into the cookie (cookie mode) or left in the body (header
 * mode), a rotated token replacing the old one in the same response, and a fresh session once the cart became an
 * order.
 */
public class SessionRelay {

    /** The operations that sign a shopper in on the current token (Centra keeps the token). */
    private static final Set<CentraOperation> SIGN_IN =
            EnumSet.of(CentraOperation.REGISTER, CentraOperation.LOGIN, CentraOperation.PASSWORD_RESET);

    private final CentraGateway gateway;
    private final SessionResolver resolver;
    private final SessionCookie cookie;
    private final boolean cookieMode;
    private final List<RelayInterceptor> interceptors;
    private final SessionBindings bindings;

    SessionRelay(
            CentraGateway gateway,
            SessionResolver resolver,
            SessionCookie cookie,
            SessionBindings bindings,
            SessionProperties properties,
            List<RelayInterceptor> interceptors) {
        this.bindings = bindings;
        this.gateway = gateway;
        this.interceptors = List.copyOf(interceptors);
        this.resolver = resolver;
        this.cookie = cookie;
        this.cookieMode = properties.mode() == SessionProperties.Mode.COOKIE;
    }

    /** The caller's session, read eagerly (before any reactive hop) from the servlet request. */
    public ShopperSession session(HttpServletRequest request) {
        return resolver.resolve(request);
    }

    /** Relays one operation for the caller of {@code request}. */
    public Mono<ResponseEntity<JsonNode>> relay(
            HttpServletRequest request, CentraOperation operation, JsonNode body, String... pathValues) {
        return relay(session(request), operation, body, pathValues);
    }

    /** Relays one operation for {@code session}. */
    public Mono<ResponseEntity<JsonNode>> relay(
            ShopperSession session, CentraOperation operation, JsonNode body, String... pathValues) {
        RelayCall call = new RelayCall(session, operation, body);
        return proceed(call, 0, () -> exchange(session, operation, body, pathValues))
                .map(answer -> {
                    if (!cookieMode && answer.centra() == null && session.token() != null) {
                        // The BFF's own answer (a refusal, a failure, a replay): in header mode every answer
                        // carries the token, which Centra's client code compares with the one it holds.
                        answer.repeatToken(session.token());
                    }
                    if (cookieMode && answer.clearsReceipt()) {
                        answer.addCookie(cookie.clearReceipt());
                    }
                    return answer.response();
                });
    }

    /** Runs the interceptors from {@code index} on in order, the last of them around the call to Centra. */
    private Mono<RelayAnswer> proceed(RelayCall call, int index, RelayInterceptor.Chain centra) {
        if (index == interceptors.size()) {
            return centra.proceed();
        }
        return interceptors.get(index).around(call, () -> proceed(call, index + 1, centra));
    }

    private Mono<RelayAnswer> exchange(
            ShopperSession session, CentraOperation operation, JsonNode body, String... pathValues) {
        String token = operation == CentraOperation.RECEIPT && session.receiptToken() != null
                ? session.receiptToken()
                : session.token();
        Mono<CentraResponse> answer;
        if (session.sessionless()) {
            answer = gateway.exchange(CentraRequest.sessionless(operation, body, session.correlationId(), pathValues));
        } else if (token == null
                && session.edgeCountry() != null
                && operation.operationClass() != OperationClass.CATALOG) {
            answer = startSessionInEdgeCountry(session, operation, body, pathValues);
        } else {
            answer = gateway.exchange(
                    CentraRequest.forSession(operation, token, body, session.correlationId(), pathValues));
        }
        return answer.map(response -> respond(operation, token, session, response));
    }

    /**
     * Centra's Geo-IP sees the BFF's address, so a new selection would get the BFF's country. Creating the session
     * with the country from the edge header first gives the shopper the right market, pricelist and language.
     */
    private Mono<CentraResponse> startSessionInEdgeCountry(
            ShopperSession session, CentraOperation operation, JsonNode body, String... pathValues) {
        String correlationId = session.correlationId();
        return gateway.exchange(CentraRequest.forSession(
                        CentraOperation.SET_COUNTRY, null, null, correlationId, session.edgeCountry()))
                .flatMap(first -> {
                    if (operation == CentraOperation.SELECTION && first.isSuccess()) {
                        return Mono.just(first);
                    }
                    return gateway.exchange(
                            CentraRequest.forSession(operation, first.token(), body, correlationId, pathValues));
                });
    }

    private RelayAnswer respond(
            CentraOperation operation, String sentToken, ShopperSession session, CentraResponse response) {
        HttpHeaders headers = new HttpHeaders();
        // A copy: Centra's answer (its token included) stays intact for the interceptors that read it.
        ObjectNode body = response.body().deepCopy();
        String token = response.token();
        String current = token != null ? token : sentToken;
        if (cookieMode) {
            body.remove("token");
            if (response.completesOrder(operation)) {
                // Centra's token now points at the order: keep it only for the receipt, start the next cart afresh.
                headers.add(HttpHeaders.SET_COOKIE, cookie.receipt(current));
                headers.add(HttpHeaders.SET_COOKIE, cookie.clearSession());
            } else if (current != null && SIGN_IN.contains(operation) && response.isSuccess()) {
                // Centra keeps the token when the shopper signs in: the browser gets a new value and every value
                // held before (one planted by someone else included) stops reaching the signed-in session.
                String nonce = SessionSeal.nonce();
                bindings.bind(current, nonce);
                headers.add(HttpHeaders.SET_COOKIE, cookie.session(current, nonce));
            } else if (operation != CentraOperation.RECEIPT && token != null && !Objects.equals(token, sentToken)) {
                String nonce = session.cookieNonce() != null ? session.cookieNonce() : SessionSeal.nonce();
                if (sentToken != null && bindings.required(sentToken) != null) {
                    // A rotation keeps the sign-in binding: the new token is as signed in as the old one was.
                    bindings.bind(token, nonce);
                }
                headers.add(HttpHeaders.SET_COOKIE, cookie.session(token, nonce));
            }
        }
        return RelayAnswer.fromCentra(response, headers, body);
    }
}
