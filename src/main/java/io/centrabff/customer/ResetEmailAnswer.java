package io.centrabff.customer;

import io.centrabff.centra.CentraOperation;
import io.centrabff.session.RelayAnswer;
import io.centrabff.session.RelayCall;
import io.centrabff.session.RelayInterceptor;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The answer to a reset-e-mail request must not tell an attacker which addresses have accounts. Centra documents no
 * error for an unknown address; should a Centra instance answer one (an error about {@code email} or
 * {@code customer}, whatever its status), the storefront gets exactly what a registered address gets: 200 and
 * Centra's body without {@code errors}. Errors about anything else (a missing {@code linkUri}, say) pass through.
 */
@Component
@Order(CustomerAnswers.ORDER)
final class ResetEmailAnswer implements RelayInterceptor {

    @Override
    public Mono<RelayAnswer> around(RelayCall call, Chain chain) {
        if (call.operation() != CentraOperation.PASSWORD_RESET_EMAIL) {
            return chain.proceed();
        }
        return chain.proceed().doOnNext(answer -> {
            if (revealsAddress(answer.status().value(), answer.body())) {
                answer.body().remove("errors");
                answer.status(HttpStatus.OK);
            }
        });
    }

    private static boolean revealsAddress(int status, ObjectNode body) {
        JsonNode errors = body.path("errors");
        return status >= 400 && (errors.has("email") || errors.has("customer"));
    }
}
