package io.centrabff.session;

import reactor.core.publisher.Mono;

/**
 * One step of the ordered chain around every relayed Centra call (lowest {@code @Order} outermost): it may refuse or
 * answer the call itself, wait before it, or add to the answer, without the controllers knowing. Everything it needs
 * comes with the {@link RelayCall}; the storefront's response is built from the {@link RelayAnswer} once the whole
 * chain has returned. Called on the request thread; the answer may arrive on another.
 */
public interface RelayInterceptor {

    Mono<RelayAnswer> around(RelayCall call, Chain chain);

    /** The rest of the chain, down to the call to Centra; subscribing performs it. */
    @FunctionalInterface
    interface Chain {
        Mono<RelayAnswer> proceed();
    }
}
