package io.centrabff.centra;

import io.centrabff.web.Secret;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * Adds {@code Authorization: Bearer <shared secret>} to server-side operations only. Centra revokes secrets it sees
 * used from browsers, and the secret unlocks every pricelist and market, so no call a browser can trigger carries it:
 * server-side operations run for the BFF itself or for a storefront server that presented the BFF's server key.
 */
class CentraSecretFilter implements ExchangeFilterFunction {

    private final Secret secret;

    CentraSecretFilter(Secret secret) {
        this.secret = secret;
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        Object operation = request.attribute(CentraGateway.OPERATION_ATTRIBUTE).orElse(null);
        ClientRequest.Builder builder = ClientRequest.from(request).headers(h -> h.remove(HttpHeaders.AUTHORIZATION));
        if (operation instanceof CentraOperation op && op.serverSide() && secret.isPresent()) {
            builder.headers(h -> h.setBearerAuth(secret.value()));
        }
        return next.exchange(builder.build());
    }
}
