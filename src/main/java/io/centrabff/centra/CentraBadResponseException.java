package io.centrabff.centra;

import io.centrabff.web.BffException;
import org.springframework.http.HttpStatus;

/** Centra answered with something that is not the JSON object its API promises: 502. */
public class CentraBadResponseException extends BffException {

    CentraBadResponseException(CentraOperation operation, String detail) {
        super(
                HttpStatus.BAD_GATEWAY,
                "centra-bad-response",
                "Centra sent an unusable response",
                detail + " (operation " + operation + ")",
                "centra");
    }
}
