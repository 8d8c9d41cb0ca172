package io.centrabff.web;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerMapping;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a handler's {@code Mono<ResponseEntity<JsonNode>>} (every answer relayed from Centra) without Spring MVC's
 * asynchronous re-dispatch. Spring's own handling completes a reactive answer by dispatching the request through
 * Tomcat's valves, every filter and the {@code DispatcherServlet} a second time only to write a body that is already
 * known; here the answer is written once it arrives, on a container thread ({@link AsyncContext#start}, never on the
 * I/O thread that delivered it, which a client that does not read must not block), with its length, in one write. An
 * answer that is there before the handler returns (a refusal, a kept answer) is written on the request's own thread
 * without going asynchronous at all.
 *
 * <p>What the re-dispatch gave is kept: the handler's context (trace, observation, the correlation id in the log
 * context) travels with the answer and is in place while it is written; errors become problem answers through the
 * same exception resolvers ({@link ProblemAdvice}), a timeout through {@link AsyncRequestTimeoutException}; a client
 * that goes away cancels the work, as with Spring. The server observation ends when the asynchronous request
 * completes (its listener). As with Spring's message conversion, an answer with a content type is written as it is,
 * and one without gets {@code application/json} unless the caller's {@code Accept} excludes it (406).
 */
final class JsonAnswers implements HandlerMethodReturnValueHandler {

    private static final Logger log = LoggerFactory.getLogger(JsonAnswers.class);

    private final HandlerMethodReturnValueHandler standard;
    private final JsonMapper mapper;
    private final HandlerExceptionResolver resolver;
    private final @Nullable Duration timeout;
    private final ContextSnapshotFactory snapshots =
            ContextSnapshotFactory.builder().build();

    /** {@code timeout}: Spring MVC's for asynchronous requests ({@code spring.mvc.async.request-timeout}), if set. */
    JsonAnswers(
            HandlerMethodReturnValueHandler standard,
            JsonMapper mapper,
            HandlerExceptionResolver resolver,
            @Nullable Duration timeout) {
        this.standard = standard;
        this.mapper = mapper;
        this.resolver = resolver;
        this.timeout = timeout;
    }

    @Override
    public boolean supportsReturnType(MethodParameter returnType) {
        if (!Mono.class.isAssignableFrom(returnType.getParameterType())) {
            return false;
        }
        ResolvableType entity = ResolvableType.forMethodParameter(returnType).getGeneric(0);
        Class<?> body = entity.getGeneric(0).resolve();
        return ResponseEntity.class.equals(entity.resolve()) && body != null && JsonNode.class.isAssignableFrom(body);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void handleReturnValue(
            @Nullable Object returnValue,
            MethodParameter returnType,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest)
            throws Exception {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        HttpServletResponse response = webRequest.getNativeResponse(HttpServletResponse.class);
        if (returnValue == null || request == null || response == null) {
            standard.handleReturnValue(returnValue, returnType, mavContainer, webRequest);
            return;
        }
        mavContainer.setRequestHandled(true);
        ContextSnapshot snapshot = snapshots.captureAll();
        Answer answer = new Answer(request, response, snapshot);
        ((Mono<ResponseEntity<JsonNode>>) returnValue)
                .contextWrite(snapshot::updateContext)
                .subscribe(answer);
        answer.handlerReturned();
    }

    /** Whether JSON may be the answer: no {@code Accept}, or one that admits {@code application/json}. */
    private static boolean acceptsJson(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return true;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            for (MediaType type : types) {
                if (type.getQualityValue() > 0 && type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                    return true;
                }
            }
            return false;
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** One answer on its way: who writes it (the request thread or a container thread) is decided once. */
    private final class Answer implements CoreSubscriber<ResponseEntity<JsonNode>>, AsyncListener {

        private static final int SUBSCRIBED = 0;
        private static final int ARRIVED = 1;
        private static final int ASYNCHRONOUS = 2;

        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final ContextSnapshot snapshot;
        private final AtomicInteger state = new AtomicInteger(SUBSCRIBED);
        /** Set by whoever ends the request: writing the answer, the timeout or the client's error. */
        private final AtomicBoolean ended = new AtomicBoolean();

        private volatile @Nullable Subscription subscription;
        private volatile @Nullable AsyncContext async;
        private @Nullable ResponseEntity<JsonNode> entity;
        private @Nullable Throwable error;

        Answer(HttpServletRequest request, HttpServletResponse response, ContextSnapshot snapshot) {
            this.request = request;
            this.response = response;
            this.snapshot = snapshot;
        }

        @Override
        public void onSubscribe(Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(ResponseEntity<JsonNode> value) {
            entity = value;
        }

        @Override
        public void onError(Throwable failure) {
            error = failure;
            arrived();
        }

        @Override
        public void onComplete() {
            if (entity == null && error == null) {
                error = new IllegalStateException("The handler's answer completed without a value");
            }
            arrived();
        }

        /**
         * The answer is complete: written on the request's thread if the handler has not returned yet, else on a
         * container thread, unless the request has already ended (the client went away, or it timed out).
         */
        private void arrived() {
            if (!state.compareAndSet(SUBSCRIBED, ARRIVED)) {
                AsyncContext context = async;
                if (context != null && !ended.get()) {
                    try {
                        context.start(() -> finish(context, this::write));
                    } catch (IllegalStateException over) {
                        log.debug("The request ended before its answer arrived", over);
                    }
                }
            }
        }

        /** Called on the request's thread once the handler has subscribed. */
        void handlerReturned() throws IOException {
            if (state.get() == ARRIVED) {
                // Not asynchronous: nothing else can end this request.
                ended.set(true);
                write();
                return;
            }
            AsyncContext context = request.startAsync(request, response);
            if (timeout != null) {
                context.setTimeout(timeout.toMillis());
            }
            context.addListener(this);
            async = context;
            if (!state.compareAndSet(SUBSCRIBED, ASYNCHRONOUS)) {
                // Arrived while the request was going asynchronous: this thread still writes it.
                finish(context, this::write);
            }
        }

        /**
         * Ends the asynchronous request, once: whoever comes first (the answer, the timeout, the client going away)
         * runs {@code step} with the handler's thread-locals back in place (the observation, and the correlation id
         * in the log context: {@link WebConfiguration} registers it) and completes the request; the others do nothing.
         */
        private void finish(AsyncContext context, Step step) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            try (ContextSnapshot.Scope scope = snapshot.setThreadLocals()) {
                step.run();
            } catch (IOException | RuntimeException e) {
                log.debug("Writing an answer failed (the client may have gone away)", e);
            } finally {
                try {
                    context.complete();
                } catch (IllegalStateException over) {
                    // The container ended it meanwhile (an error dispatch after the client went away).
                    log.debug("The request had already ended", over);
                }
            }
        }

        private void write() throws IOException {
            Throwable failure = error;
            if (failure != null) {
                resolve(failure instanceof Exception exception ? exception : new IllegalStateException(failure));
            } else {
                write(entity);
            }
        }

        private void write(ResponseEntity<JsonNode> answer) throws IOException {
            if (answer.getBody() != null && answer.getHeaders().getContentType() == null && !acceptsJson(request)) {
                // What Spring's message conversion does when no content type is set and the caller wants no JSON.
                resolve(new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON)));
                return;
            }
            response.setStatus(answer.getStatusCode().value());
            answer.getHeaders().forEach((name, values) -> {
                if (HttpHeaders.VARY.equalsIgnoreCase(name)) {
                    values.stream()
                            .filter(value -> !response.getHeaders(name).contains(value))
                            .forEach(value -> response.addHeader(name, value));
                    return;
                }
                response.setHeader(name, values.isEmpty() ? "" : values.get(0));
                values.stream().skip(1).forEach(value -> response.addHeader(name, value));
            });
            JsonNode body = answer.getBody();
            if (body == null) {
                return;
            }
            MediaType type = answer.getHeaders().getContentType();
            byte[] bytes = mapper.writeValueAsBytes(body);
            response.setContentType(type != null ? type.toString() : MediaType.APPLICATION_JSON_VALUE);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }

        /** The same problem answer the re-dispatch would give: the application's exception resolvers decide. */
        private void resolve(Exception failure) throws IOException {
            Object handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
            if (resolver.resolveException(request, response, handler, failure) == null) {
                log.error("Unhandled error in an answer", failure);
                if (!response.isCommitted()) {
                    response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
                }
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            cancel();
            finish(event.getAsyncContext(), () -> resolve(new AsyncRequestTimeoutException()));
        }

        @Override
        public void onError(AsyncEvent event) {
            cancel();
            finish(event.getAsyncContext(), () -> {});
        }

        @Override
        public void onComplete(AsyncEvent event) {}

        @Override
        public void onStartAsync(AsyncEvent event) {}

        @FunctionalInterface
        private interface Step {
            void run() throws IOException;
        }

        private void cancel() {
            Subscription current = subscription;
            if (current != null) {
                current.cancel();
            }
        }
    }
}
