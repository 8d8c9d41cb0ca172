package io.centrabff.centra;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;

/**
 * Upstream metrics: {@code centra.requests} (a timer with percentile histogram per operation, operation class and
 * outcome; every attempt counts, so retries show) and {@code centra.token.rotations}. Tag values come from enums only,
 * so the series stay bounded whatever callers send.
 */
class CentraMetrics {

    static final String REQUESTS = "centra.requests";

    private static final java.util.List<CentraOutcome> ALERTED = java.util.List.of(
            CentraOutcome.SUCCESS,
            CentraOutcome.SERVER_ERROR,
            CentraOutcome.TIMEOUT,
            CentraOutcome.UNREACHABLE,
            CentraOutcome.BAD_RESPONSE,
            CentraOutcome.RATE_LIMITED);

    private static final Logger log = LoggerFactory.getLogger(CentraGateway.class);

    private final MeterRegistry meters;
    private final Counter rotations;

    CentraMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.rotations = Counter.builder("centra.token.rotations")
                .description("Centra answers that replaced the token the call carried")
                .register(meters);
        // The outcomes alert rules read are on the scrape from start-up at 0 for every operation, so rate() sees the
        // first failure (a series that appears at 1 shows no increase). The others appear when they first happen.
        for (CentraOperation operation : CentraOperation.values()) {
            for (CentraOutcome outcome : ALERTED) {
                timer(operation, outcome);
            }
        }
    }

    /** Times each subscription to {@code call} (one upstream attempt) and logs failed attempts. */
    Mono<CentraResponse> timed(CentraOperation operation, Mono<CentraResponse> call) {
        return Mono.defer(() -> {
            Timer.Sample sample = Timer.start(meters);
            return call.doOnSuccess(response -> sample.stop(timer(operation, CentraOutcome.of(response))))
                    .doOnError(error -> {
                        CentraOutcome outcome = CentraOutcome.of(error);
                        long nanos = sample.stop(timer(operation, outcome));
                        log.warn(
                                "Centra {} failed after {} ms: {} ({})",
                                operation,
                                nanos / 1_000_000,
                                outcome.tag(),
                                error instanceof ErrorResponseException problem
                                        ? problem.getBody().getDetail()
                                        : error.toString());
                    });
        });
    }

    /** A call the BFF refused to make (open breaker, full bulkhead): counted, with no time spent upstream. */
    void rejected(CentraOperation operation) {
        timer(operation, CentraOutcome.REJECTED).record(Duration.ZERO);
    }

    void rotation() {
        rotations.increment();
    }

    private Timer timer(CentraOperation operation, CentraOutcome outcome) {
        return Timer.builder(REQUESTS)
                .description("Calls to Centra's Checkout API by operation and outcome")
                .tag("operation", operation.name())
                .tag("class", operation.operationClass().name().toLowerCase(Locale.ROOT))
                .tag("outcome", outcome.tag())
                .publishPercentileHistogram()
                .register(meters);
    }
}
