package io.centrabff.customer;

import io.centrabff.centra.CentraOperation;
import io.centrabff.session.RelayAnswer;
import io.centrabff.session.RelayCall;
import io.centrabff.session.RelayInterceptor;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The receipt cookie keeps the last order's token for {@code GET /receipt}, and the receipt shows name, address and
 * phone. Signing in or out is a change of person at the same browser: the cookie goes, whatever Centra answered.
 */
@Component
@Order(CustomerAnswers.ORDER)
final class ReceiptCookie implements RelayInterceptor {

    @Override
    public Mono<RelayAnswer> around(RelayCall call, Chain chain) {
        if (call.operation() != CentraOperation.LOGIN && call.operation() != CentraOperation.LOGOUT) {
            return chain.proceed();
        }
        return chain.proceed().doOnNext(RelayAnswer::clearReceipt);
    }
}
