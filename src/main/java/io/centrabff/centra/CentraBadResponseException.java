package io.centrabff.centra;

/**
 * Centra answered with something that is not the JSON object its API promises: Centra's failure like a 5xx, so 503
 * with Retry-After (the storefront's retry path), counted by the breaker and never cached.
 */
public class CentraBadResponseException extends CentraUnavailableException {

    CentraBadResponseException(CentraOperation operation, String detail) {
        super(
                operation,
                CentraOutcome.BAD_RESPONSE,
                "centra-bad-response",
                "Centra sent an unusable response",
                detail + " (operation " + operation + ")",
                CentraRetryAfter.DEFAULT,
                null);
    }
}
