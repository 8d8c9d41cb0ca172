package io.centrabff.session;

/**
 * What the BFF knows about the caller of one request, read eagerly from the servlet request so nothing later needs
 * the request (or a thread-bound copy of it).
 *
 * @param token the shopper's Centra token, or null when they have no session yet
 * @param receiptToken the token of the shopper's last order (cookie mode), or null
 * @param clientIp the shopper's IP address (forwarding headers believed only from trusted proxies)
 * @param edgeCountry the country an edge header reported, or null
 * @param correlationId the request's correlation id
 * @param idempotencyKey the caller's {@code Idempotency-Key} header, or null
 * @param method the request's HTTP method
 * @param path the request's path (without query)
 * @param cookieNonce the sign-in nonce of the caller's session cookie (cookie mode), or null
 * @param sessionless the caller sent {@code API-token: none} (header mode): Centra is called the same way, so it
 *     neither creates nor returns a session
 */
public record ShopperSession(
        String token,
        String receiptToken,
        String clientIp,
        String edgeCountry,
        String correlationId,
        String idempotencyKey,
        String method,
        String path,
        String cookieNonce,
        boolean sessionless) {

    /** A session for a call the BFF makes on its own, outside a storefront request. */
    public ShopperSession(
            String token, String receiptToken, String clientIp, String edgeCountry, String correlationId) {
        this(token, receiptToken, clientIp, edgeCountry, correlationId, null, null, null, null, false);
    }

    /** The same caller, for a call that needs no Centra session (a server-side read): Centra is sent no token. */
    public ShopperSession withoutSession() {
        return new ShopperSession(
                null, null, clientIp, edgeCountry, correlationId, idempotencyKey, method, path, null, true);
    }

    @Override
    public String toString() {
        return "ShopperSession[hasToken=" + (token != null) + (sessionless ? ", sessionless" : "") + ", correlationId="
                + correlationId + "]";
    }
}
