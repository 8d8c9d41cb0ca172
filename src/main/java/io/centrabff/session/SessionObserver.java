package io.centrabff.session;

import io.centrabff.centra.CentraOperation;
import io.centrabff.centra.CentraResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * An interceptor that only looks at every successful Centra answer relayed for a shopper, e.g. to remember the
 * shopper's country and language without asking Centra again. Must be quick and must not modify the body. Without an
 * {@code @Order} it runs innermost, next to the call.
 */
@FunctionalInterface
public interface SessionObserver extends RelayInterceptor {

    /** Called with the shopper's current token and Centra's body before the response is built. */
    void answered(String token, ObjectNode body);

    @Override
    default Mono<RelayAnswer> around(RelayCall call, Chain chain) {
        return chain.proceed().doOnNext(answer -> {
            CentraResponse centra = answer.centra();
            if (centra == null || !centra.isSuccess()) {
                return;
            }
            ShopperSession session = call.session();
            String sent = call.operation() == CentraOperation.RECEIPT && session.receiptToken() != null
                    ? session.receiptToken()
                    : session.token();
            String current = centra.token() != null ? centra.token() : sent;
            if (current != null) {
                answered(current, centra.body());
            }
        });
    }
}
