package io.centrabff.centra;

import io.centrabff.web.BffException;
import io.centrabff.web.Correlation;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClientRequest;
import reactor.util.context.Context;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one way to call Centra. Knows Centra's paths and headers: forwards the shopper's {@code API-token} (or
 * {@code none} for sessionless reads), propagates the correlation id, lets the secret filter add the shared secret on
 * server-side operations, encodes path values as single segments, applies the per-class time limit and the
 * resilience rules ({@link CentraResilience}), records upstream metrics and decodes Centra's answers, errors included,
 * into {@link CentraResponse}. The correlation id travels in the Reactor context, so log lines written on Netty's
 * threads carry it too.
 */
public class CentraGateway {

    /** Client request attribute carrying the {@link CentraOperation}, read by the exchange filters. */
    static final String OPERATION_ATTRIBUTE = CentraOperation.class.getName();

    static final String TOKEN_HEADER = "API-token";
    static final String SESSIONLESS_TOKEN = "none";
    private static final Duration UNAVAILABLE_RETRY_AFTER = Duration.ofSeconds(5);
    /** Less than this left of a failed change's budget is not worth a follow-up read. */
    private static final Duration MIN_FOLLOW_UP = Duration.ofMillis(50);

    private static final byte[] EMPTY = new byte[0];
    private static final Logger log = LoggerFactory.getLogger(CentraGateway.class);

    private final WebClient client;
    private final URI baseUrl;
    private final CentraProperties.Timeouts timeouts;
    private final ObjectMapper mapper;
    private final CentraResilience resilience;
    private final CentraMetrics metrics;

    CentraGateway(
            WebClient client,
            CentraProperties properties,
            ObjectMapper mapper,
            CentraResilience resilience,
            CentraMetrics metrics) {
        this.client = client;
        this.baseUrl = properties.baseUrl();
        this.timeouts = properties.timeouts();
        this.mapper = mapper;
        this.resilience = resilience;
        this.metrics = metrics;
    }

    /** Performs the call; emits Centra's answer (including Centra's own 4xx errors) or a {@code BffException}. */
    public Mono<CentraResponse> exchange(CentraRequest request) {
        CentraOperation operation = request.operation();
        request.pathValues().forEach(CentraGateway::refuseDotSegment);
        URI uri = CentraPath.expand(baseUrl, operation, request.pathValues().toArray(String[]::new));
        Duration timeout = timeouts.of(operation.operationClass());
        Mono<CentraResponse> attempt = Mono.defer(() -> send(request, uri, timeout));
        Mono<CentraResponse> answer = Mono.defer(() -> {
            long deadline = System.nanoTime() + timeout.toNanos();
            return resilience
                    .guard(operation, metrics.timed(operation, attempt))
                    .onErrorMap(CentraUnavailableException.class, error -> error.budgetEndsAt(deadline));
        });
        return withCorrelation(request, answer.doOnNext(response -> noticeRotation(request, response)));
    }

    /**
     * The one selection read a change may be followed by, to show the shopper Centra's real cart after the change
     * failed ({@code failure}) or Centra refused it (null): a single attempt, never retried, no call at all while the
     * failed operation's breaker is not closed, and bounded by what is left of that operation's time budget. When no
     * read is made, emits {@code failure} (or a circuit-open refusal) so callers fall back as for a failed read.
     */
    public Mono<CentraResponse> followUp(CentraRequest read, Throwable failure) {
        CentraOperation operation = read.operation();
        Duration timeout = timeouts.of(operation.operationClass());
        if (failure instanceof CentraUnavailableException unavailable) {
            if (!resilience.closed(unavailable.operation())) {
                return Mono.error(failure);
            }
            Duration left = unavailable.budgetLeft();
            if (left.compareTo(MIN_FOLLOW_UP) < 0) {
                return Mono.error(failure);
            }
            timeout = left.compareTo(timeout) < 0 ? left : timeout;
        }
        read.pathValues().forEach(CentraGateway::refuseDotSegment);
        URI uri = CentraPath.expand(baseUrl, operation, read.pathValues().toArray(String[]::new));
        Duration limit = timeout;
        Mono<CentraResponse> attempt = Mono.defer(() -> send(read, uri, limit));
        Mono<CentraResponse> answer = resilience
                .guardOnce(operation, metrics.timed(operation, attempt))
                .doOnNext(response -> noticeRotation(read, response));
        return withCorrelation(read, answer);
    }

    private static Mono<CentraResponse> withCorrelation(CentraRequest request, Mono<CentraResponse> answer) {
        String correlationId = request.correlationId();
        return correlationId == null ? answer : answer.contextWrite(Context.of(Correlation.MDC_KEY, correlationId));
    }

    /** One upstream call, bounded by its class's time limit; Centra's answer decoded, failures translated. */
    private Mono<CentraResponse> send(CentraRequest request, URI uri, Duration timeout) {
        CentraOperation operation = request.operation();
        WebClient.RequestBodySpec spec = client.method(operation.method())
                .uri(uri)
                .attribute(OPERATION_ATTRIBUTE, operation)
                .httpRequest(http -> {
                    if (http.getNativeRequest() instanceof HttpClientRequest nettyRequest) {
                        nettyRequest.responseTimeout(timeout);
                    }
                })
                .accept(MediaType.APPLICATION_JSON)
                .headers(headers -> sessionHeaders(request, headers));
        if (request.body() != null) {
            spec.contentType(MediaType.APPLICATION_JSON).bodyValue(request.body());
        }
        return spec.exchangeToMono(response -> response.bodyToMono(byte[].class)
                        .defaultIfEmpty(EMPTY)
                        .map(bytes -> decode(
                                request,
                                response.statusCode().value(),
                                response.headers().asHttpHeaders(),
                                bytes)))
                // Backstop over Netty's response timeout, which does not cover connection acquisition.
                .timeout(timeout.plus(timeout.dividedBy(10)))
                .onErrorMap(error -> translate(operation, timeout, error));
    }

    /**
     * No Centra id is "." or "..", nor contains one between separators. Encoded they cannot change the path here, but a
     * proxy in front of Centra that decodes before resolving dot segments (nginx does, for matching) would see a
     * traversal ({@code ..%2F}, {@code ..%5C}); refuse them instead.
     */
    private static void refuseDotSegment(String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        for (String part : value.split("[/\\\\]", -1)) {
            if (!part.isEmpty() && part.chars().allMatch(c -> c == '.')) {
                throw new BffException(
                        HttpStatus.BAD_REQUEST,
                        "invalid-path-value",
                        "Invalid path value",
                        "Invalid path value: '" + value + "' is not a valid id",
                        "path");
            }
        }
    }

    private static void sessionHeaders(CentraRequest request, HttpHeaders headers) {
        if (request.sessionless()) {
            headers.set(TOKEN_HEADER, SESSIONLESS_TOKEN);
        } else if (request.token() != null) {
            headers.set(TOKEN_HEADER, request.token());
        }
        if (request.correlationId() != null) {
            headers.set("X-Correlation-ID", request.correlationId());
        }
    }

    /**
     * Classifies Centra's answer once, for every caller: 2xx with a JSON object is data; 4xx is about the shopper's
     * request whatever its body (an HTML 404 from a proxy in front of Centra included) and passes through, never a
     * breaker failure; 429, 5xx (even with an {@code errors} object) and anything unusable are Centra's failure, thrown,
     * so nothing downstream (the catalog cache above all) can mistake them for data.
     */
    private CentraResponse decode(CentraRequest request, int status, HttpHeaders headers, byte[] bytes) {
        CentraOperation operation = request.operation();
        if (status == 429) {
            throw new CentraUnavailableException(
                    operation,
                    CentraOutcome.RATE_LIMITED,
                    "Centra is rate limiting this service",
                    CentraRetryAfter.parse(headers),
                    null);
        }
        if (status >= 500) {
            boolean centraSaid = headers.getFirst(HttpHeaders.RETRY_AFTER) != null;
            CentraUnavailableException failure = new CentraUnavailableException(
                    operation,
                    CentraOutcome.SERVER_ERROR,
                    "Centra answered with status " + status,
                    centraSaid ? CentraRetryAfter.parse(headers) : UNAVAILABLE_RETRY_AFTER,
                    null);
            throw centraSaid ? failure.askedToWait() : failure;
        }
        JsonNode body = parse(bytes);
        boolean object = body instanceof ObjectNode;
        if (status >= 400) {
            ObjectNode errors = object ? (ObjectNode) body : notJson(status);
            return new CentraResponse(status, errors, request.sessionless() ? null : request.token());
        }
        if (status < 200 || status >= 300 || !object) {
            String what = bytes.length == 0 ? "an empty body" : "a body that is not a JSON object";
            throw new CentraBadResponseException(operation, "Centra answered status " + status + " with " + what);
        }
        return new CentraResponse(status, (ObjectNode) body, request.sessionless() ? null : request.token());
    }

    /** Centra's error shape for a 4xx whose body is not JSON (a proxy's HTML page): the shopper still gets the 4xx. */
    private static ObjectNode notJson(int status) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("errors").put("centra", "Centra answered status " + status + " without a JSON body");
        return body;
    }

    private JsonNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            return mapper.readTree(bytes);
        } catch (JacksonException e) {
            return null;
        }
    }

    private void noticeRotation(CentraRequest request, CentraResponse response) {
        if (request.token() != null && response.tokenChanged()) {
            metrics.rotation();
            log.info(
                    "Centra replaced the session token {} with {} during {}",
                    TokenMask.mask(request.token()),
                    TokenMask.mask(response.token()),
                    request.operation());
        }
    }

    private static Throwable translate(CentraOperation operation, Duration timeout, Throwable error) {
        if (error instanceof CentraUnavailableException) {
            return error;
        }
        if (error instanceof TimeoutException || hasCause(error, io.netty.handler.timeout.ReadTimeoutException.class)) {
            return new CentraUnavailableException(
                    operation,
                    CentraOutcome.TIMEOUT,
                    "Centra did not answer within " + timeout.toMillis() + " ms",
                    UNAVAILABLE_RETRY_AFTER,
                    error);
        }
        if (hasCause(error, DataBufferLimitException.class)) {
            return new CentraBadResponseException(
                    operation, "Centra's response is larger than centra.max-response-size");
        }
        if (error instanceof WebClientRequestException
                || error instanceof IOException
                || hasCause(error, IOException.class)) {
            return new CentraUnavailableException(
                    operation,
                    CentraOutcome.UNREACHABLE,
                    "Centra could not be reached",
                    UNAVAILABLE_RETRY_AFTER,
                    error);
        }
        return error;
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
