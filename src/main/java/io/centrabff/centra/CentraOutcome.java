package io.centrabff.centra;

import java.util.Locale;

/**
 * How one call to Centra ended; the bounded {@code outcome} tag of {@code centra.requests}. {@link #REJECTED} means the
 * call was never made (open circuit breaker, full bulkhead).
 */
public enum CentraOutcome {
    SUCCESS,
    CLIENT_ERROR,
    SERVER_ERROR,
    TIMEOUT,
    UNREACHABLE,
    REJECTED,
    RATE_LIMITED,
    BAD_RESPONSE;

    /** The Prometheus label value, e.g. {@code client_error}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CentraOutcome of(CentraResponse response) {
        if (response.status() >= 500) {
            return SERVER_ERROR;
        }
        return response.status() >= 400 ? CLIENT_ERROR : SUCCESS;
    }

    static CentraOutcome of(Throwable error) {
        if (error instanceof CentraUnavailableException unavailable) {
            return unavailable.outcome();
        }
        return SERVER_ERROR;
    }
}
