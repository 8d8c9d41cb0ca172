package io.centrabff.centra;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpHeaders;

/** Reads Centra's {@code Retry-After} (seconds or an HTTP date), bounded so a bad value cannot stall clients. */
final class CentraRetryAfter {

    static final Duration DEFAULT = Duration.ofSeconds(5);
    private static final Duration MAX = Duration.ofMinutes(10);

    private CentraRetryAfter() {}

    static Duration parse(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        try {
            return bounded(Duration.ofSeconds(Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                return bounded(Duration.between(ZonedDateTime.now(at.getZone()), at));
            } catch (DateTimeParseException notADate) {
                return DEFAULT;
            }
        }
    }

    private static Duration bounded(Duration value) {
        if (value.isNegative() || value.isZero()) {
            return Duration.ofSeconds(1);
        }
        return value.compareTo(MAX) > 0 ? MAX : value;
    }
}
