package io.centrabff.centra;

import io.centrabff.web.BffException;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * Centra could not be reached, timed out, was overloaded or failed, or the BFF did not call it because its circuit
 * breaker is open or the payment bulkhead is full: 503 with Retry-After.
 */
public class CentraUnavailableException extends BffException {

    private final CentraOperation operation;
    private final CentraOutcome outcome;
    private boolean centraAskedToWait;
    private long deadline;
    private boolean deadlineSet;

    CentraUnavailableException(
            CentraOperation operation, CentraOutcome outcome, String detail, Duration retryAfter, Throwable cause) {
        this(operation, outcome, "centra-unavailable", "Centra is unavailable", detail, retryAfter, cause);
    }

    CentraUnavailableException(
            CentraOperation operation,
            CentraOutcome outcome,
            String type,
            String title,
            String detail,
            Duration retryAfter,
            Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, type, title, detail, "centra", retryAfter, cause);
        this.operation = operation;
        this.outcome = outcome;
    }

    public CentraOperation operation() {
        return operation;
    }

    /** Why: timeout, unreachable, server error, rate limited (by Centra) or rejected (by the BFF itself). */
    public CentraOutcome outcome() {
        return outcome;
    }

    /** Notes when the failed operation's time budget ends ({@link System#nanoTime()}), once, at the outermost call. */
    CentraUnavailableException budgetEndsAt(long nanoTime) {
        if (!deadlineSet) {
            deadline = nanoTime;
            deadlineSet = true;
        }
        return this;
    }

    /** What is left of the failed operation's time budget; zero when unknown or spent. */
    Duration budgetLeft() {
        return deadlineSet ? Duration.ofNanos(Math.max(0, deadline - System.nanoTime())) : Duration.ZERO;
    }

    /** Marks a failure whose answer carried Centra's own Retry-After: it is passed on, not second-guessed. */
    CentraUnavailableException askedToWait() {
        this.centraAskedToWait = true;
        return this;
    }

    /**
     * Whether repeating the call may help: transport failures, timeouts and 5xx. Never Centra's 429 (its Retry-After
     * is passed to the caller instead), never a 5xx that came with Centra's own Retry-After (honoured: passed on, not
     * retried sooner), never an unusable answer and never a call the BFF itself refused.
     */
    boolean retryable() {
        if (centraAskedToWait) {
            return false;
        }
        return outcome == CentraOutcome.TIMEOUT
                || outcome == CentraOutcome.UNREACHABLE
                || outcome == CentraOutcome.SERVER_ERROR;
    }
}
