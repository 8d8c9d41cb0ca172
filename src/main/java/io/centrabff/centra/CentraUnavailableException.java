package io.centrabff.centra;

import io.centrabff.web.BffException;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** Centra could not be reached, timed out, was overloaded or failed: 503 with Retry-After. */
public class CentraUnavailableException extends BffException {

    private final CentraOperation operation;

    CentraUnavailableException(CentraOperation operation, String detail, Duration retryAfter, Throwable cause) {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                "centra-unavailable",
                "Centra is unavailable",
                detail,
                "centra",
                retryAfter,
                cause);
        this.operation = operation;
    }

    public CentraOperation operation() {
        return operation;
    }
}
