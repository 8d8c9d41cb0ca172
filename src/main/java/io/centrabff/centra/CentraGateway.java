package io.centrabff.centra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClientRequest;

/**
 * The one way to call Centra. Knows Centra's paths and headers: forwards the shopper's {@code API-token} (or
 * {@code none} for sessionless reads), propagates the correlation id, lets the secret filter add the shared secret on
 * server-side operations, encodes path values as single segments, applies the per-class time limit and decodes
 * Centra's answers, errors included, into {@link CentraResponse}.
 */
public class CentraGateway {

    /** Client request attribute carrying the {@link CentraOperation}, read by the exchange filters. */
    static final String OPERATION_ATTRIBUTE = CentraOperation.class.getName();

    static final String TOKEN_HEADER = "API-token";
    static final String SESSIONLESS_TOKEN = "none";
    private static final Duration UNAVAILABLE_RETRY_AFTER = Duration.ofSeconds(5);
    private static final byte[] EMPTY = new byte[0];
    private static final Logger log = LoggerFactory.getLogger(CentraGateway.class);

    private final WebClient client;
    private final URI baseUrl;
    private final CentraProperties.Timeouts timeouts;
    private final ObjectMapper mapper;
    private final Counter rotations;

    CentraGateway(WebClient client, CentraProperties properties, ObjectMapper mapper, MeterRegistry meters) {
        this.client = client;
        this.baseUrl = properties.baseUrl();
        this.timeouts = properties.timeouts();
        this.mapper = mapper;
        this.rotations = Counter.builder("centra.token.rotations")
                .description("Centra answers that replaced the token the call carried")
                .register(meters);
    }

    /** Performs the call; emits Centra's answer (including Centra's own 4xx errors) or a {@code BffException}. */
    public Mono<CentraResponse> exchange(CentraRequest request) {
        CentraOperation operation = request.operation();
        URI uri = CentraPath.expand(baseUrl, operation, request.pathValues().toArray(String[]::new));
        Duration timeout = timeouts.of(operation.operationClass());
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
                .timeout(timeout.plus(timeouts.of(operation.operationClass()).dividedBy(10)))
                .onErrorMap(error -> translate(operation, timeout, error))
                .doOnNext(response -> noticeRotation(request, response));
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

    private CentraResponse decode(CentraRequest request, int status, HttpHeaders headers, byte[] bytes) {
        CentraOperation operation = request.operation();
        if (status == 429) {
            throw new CentraUnavailableException(
                    operation, "Centra is rate limiting this service", CentraRetryAfter.parse(headers), null);
        }
        JsonNode body = parse(bytes);
        boolean object = body instanceof ObjectNode;
        if (status >= 500 && !(object && body.hasNonNull("errors"))) {
            throw new CentraUnavailableException(
                    operation, "Centra answered with status " + status, UNAVAILABLE_RETRY_AFTER, null);
        }
        if (!object) {
            String what = bytes.length == 0 ? "an empty body" : "a body that is not a JSON object";
            throw new CentraBadResponseException(operation, "Centra answered status " + status + " with " + what);
        }
        return new CentraResponse(status, (ObjectNode) body, request.sessionless() ? null : request.token());
    }

    private JsonNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            return mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private void noticeRotation(CentraRequest request, CentraResponse response) {
        if (request.token() != null && response.tokenChanged()) {
            rotations.increment();
            log.info("Centra replaced the session token during {}", request.operation());
        }
    }

    private static Throwable translate(CentraOperation operation, Duration timeout, Throwable error) {
        if (error instanceof CentraUnavailableException || error instanceof CentraBadResponseException) {
            return error;
        }
        if (error instanceof TimeoutException || hasCause(error, io.netty.handler.timeout.ReadTimeoutException.class)) {
            return new CentraUnavailableException(
                    operation,
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
                    operation, "Centra could not be reached", UNAVAILABLE_RETRY_AFTER, error);
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
