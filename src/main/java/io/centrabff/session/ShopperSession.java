package io.centrabff.session;

/**
 * What the BFF knows about the caller of one request.
 *
 * @param token the shopper's Centra token, or null when they have no session yet
 * @param receiptToken the token of the shopper's last order (cookie mode), or null
 * @param clientIp the shopper's IP address (forwarding headers believed only from trusted proxies)
 * @param edgeCountry the country an edge header reported, or null
 * @param correlationId the request's correlation id
 */
public record ShopperSession(
        String token, String receiptToken, String clientIp, String edgeCountry, String correlationId) {

    @Override
    public String toString() {
        return "ShopperSession[hasToken=" + (token != null) + ", correlationId=" + correlationId + "]";
    }
}
