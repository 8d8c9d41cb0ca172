package io.centrabff.centra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Hooks;

/**
 * Errors Reactor drops because nobody listens any more. When a Centra call is cancelled (its time limit, or the
 * shopper's request going away) while Centra's answer is arriving, the WebClient releases the body and the body's
 * reader then fails with "released already due to cancellation": an expected race with nothing left to act on, which
 * Reactor's default hook would log as ERROR with a stack trace on every busy minute. That case is logged at DEBUG;
 * any other dropped error still at WARN, since it may hide a bug.
 */
final class DroppedErrors {

    private static final Logger log = LoggerFactory.getLogger(DroppedErrors.class);

    private DroppedErrors() {}

    static void install() {
        Hooks.onErrorDropped(DroppedErrors::log);
    }

    static void log(Throwable error) {
        if (afterCancellation(error)) {
            log.debug("A Centra answer arrived after its call was cancelled: {}", error.toString());
        } else {
            log.warn("An error arrived after its subscriber had gone: {}", error.toString(), error);
        }
    }

    private static boolean afterCancellation(Throwable error) {
        return error instanceof IllegalStateException
                && error.getMessage() != null
                && error.getMessage().contains("released already due to cancellation");
    }
}
