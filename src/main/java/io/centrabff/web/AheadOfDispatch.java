package io.centrabff.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.web.filter.CorsFilter;

/**
 * What a filter that answers ahead of the server observation ({@link FilterOrder#ANSWERS_AHEAD_OF_DISPATCH}) needs so
 * that its answers are treated like every other: the same CORS checks (the very filter instance the chain uses), the
 * rate-limit rules (a request some rule limits must take the normal route), the body-size limit, and the
 * {@code http.server.requests} timer with the tags the observation gives it. Such answers get no span and are not
 * counted in {@code http.server.requests.active}: they are answered from memory in well under a millisecond.
 */
public final class AheadOfDispatch {

    private record TimerKey(String method, String uri, int status) {}

    private final CorsFilter cors;
    private final RateLimitFilter limits;
    private final long maxBodySize;
    private final MeterRegistry meters;
    private final String timerName;
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    AheadOfDispatch(CorsFilter cors, RateLimitFilter limits, long maxBodySize, MeterRegistry meters, String timerName) {
        this.cors = cors;
        this.limits = limits;
        this.maxBodySize = maxBodySize;
        this.meters = meters;
        this.timerName = timerName;
    }

    /** Whether a rate-limit rule applies to {@code method} on {@code path}: then only the normal route may answer. */
    public boolean rateLimited(String method, String path) {
        return limits.applies(method, path);
    }

    /** Bodies above this are refused by the size filter: never read them ahead of it. */
    public long maxBodySize() {
        return maxBodySize;
    }

    /**
     * Runs {@code answer} under the CORS rules every API request gets: a refused cross-origin request is answered with
     * the same 403 problem as elsewhere and {@code answer} does not run.
     */
    public void withCors(HttpServletRequest request, HttpServletResponse response, FilterChain answer)
            throws ServletException, IOException {
        cors.doFilter(request, response, answer);
    }

    /**
     * Records the request in {@code http.server.requests} with the tags the server observation gives it (the route's
     * pattern as {@code uri}), from {@code startNanos} ({@link System#nanoTime()}) until now.
     */
    public void record(HttpServletRequest request, HttpServletResponse response, String pattern, long startNanos) {
        int status = response.getStatus();
        Timer timer = timers.computeIfAbsent(
                new TimerKey(request.getMethod(), pattern, status), key -> Timer.builder(timerName)
                        .tags(Tags.of(
                                "error", "none",
                                "exception", "none",
                                "method", key.method(),
                                "outcome", Outcome.forStatus(key.status()).name(),
                                "status", Integer.toString(key.status()),
                                "uri", key.uri()))
                        .register(meters));
        timer.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }
}
