package io.centrabff.web;

import io.micrometer.context.ContextRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.http.server.observation.ServerRequestObservationConvention;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitterReturnValueHandler;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    static {
        // With spring.reactor.context-propagation=auto, Reactor restores this MDC entry from the subscriber context on
        // whichever thread runs a callback, so log lines written on Netty's threads keep the request's correlation id.
        ContextRegistry.getInstance()
                .registerThreadLocalAccessor(
                        Correlation.MDC_KEY,
                        () -> MDC.get(Correlation.MDC_KEY),
                        value -> MDC.put(Correlation.MDC_KEY, value),
                        () -> MDC.remove(Correlation.MDC_KEY));
    }

    /** Descriptions, bounded latency buckets and one label casing for every meter (see {@link MeterConventions}). */
    @Bean
    MeterFilter meterConventions() {
        return new MeterConventions();
    }

    /**
     * An event stream stays open for as long as the tab does: its "latency" says nothing about the service, so it is
     * left out of http.server.requests (and gets no trace).
     */
    @Bean
    ObservationPredicate eventStreamsAreNotRequests() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier().getRequestURI().endsWith("/selection/events"));
    }

    /**
     * Answers relayed from Centra ({@code Mono<ResponseEntity<JsonNode>>}) are written when they arrive instead of
     * through a second dispatch of the request ({@link JsonAnswers}); Spring's handler stays behind it for the rest.
     */
    @Bean
    SmartInitializingSingleton jsonAnswersFirst(
            RequestMappingHandlerAdapter adapter,
            JsonMapper mapper,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver,
            @Value("${spring.mvc.async.request-timeout:#{null}}") Duration timeout) {
        return () -> {
            List<HandlerMethodReturnValueHandler> handlers = new ArrayList<>(adapter.getReturnValueHandlers());
            HandlerMethodReturnValueHandler reactive = handlers.stream()
                    .filter(ResponseBodyEmitterReturnValueHandler.class::isInstance)
                    .findFirst()
                    .orElseThrow();
            handlers.add(0, new JsonAnswers(reactive, mapper, resolver, timeout));
            adapter.setReturnValueHandlers(handlers);
        };
    }

    @Bean
    Rejections rejections(MeterRegistry meters) {
        return new Rejections(meters);
    }

    /** The buckets live where {@code coordination} decides: in this instance, or in Redis shared by all. */
    /** Problem answers get the caller's token in header mode, when the session capability supplies it. */
    @Bean
    Problems problems(ObjectProvider<CallerToken> callerToken) {
        return new Problems(callerToken);
    }

    @Bean
    RateLimiter rateLimiter(RateLimitProperties properties, Rejections rejections, BucketStore buckets) {
        return new RateLimiter(properties, rejections, buckets);
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(
            RateLimitProperties properties,
            ApiProperties api,
            RateLimiter limiter,
            ClientIp clientIp,
            ObjectMapper mapper,
            @Value("${bff.session.cookie-name:centra-session}") String sessionCookie,
            Problems problems) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
                new RateLimitFilter(properties, api.basePath(), limiter, clientIp, mapper, sessionCookie, problems));
        registration.setOrder(FilterOrder.RATE_LIMITS);
        return registration;
    }

    /**
     * The server observation (Boot's, at {@link FilterOrder#OBSERVATION} instead of right after the correlation
     * filter), so answers known from the request alone can be given ahead of it ({@link AheadOfDispatch}).
     */
    @Bean
    FilterRegistrationBean<ServerHttpObservationFilter> webMvcObservationFilter(
            ObservationRegistry registry,
            ObjectProvider<ServerRequestObservationConvention> convention,
            ObservationProperties properties) {
        String name = properties.getHttp().getServer().getRequests().getName();
        FilterRegistrationBean<ServerHttpObservationFilter> registration =
                new FilterRegistrationBean<>(new ServerHttpObservationFilter(
                        registry,
                        convention.getIfAvailable(() -> new DefaultServerRequestObservationConvention(name))));
        registration.setOrder(FilterOrder.OBSERVATION);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        return registration;
    }

    @Bean
    AheadOfDispatch aheadOfDispatch(
            FilterRegistrationBean<CorsFilter> cors,
            FilterRegistrationBean<RateLimitFilter> limits,
            HttpLimitsProperties http,
            MeterRegistry meters,
            ObservationProperties properties) {
        return new AheadOfDispatch(
                cors.getFilter(),
                limits.getFilter(),
                http.maxBodySize().toBytes(),
                meters,
                properties.getHttp().getServer().getRequests().getName());
    }

    /** Only when no proxy is trusted: a request through one is then a misconfiguration worth saying out loud. */
    @Bean
    FilterRegistrationBean<ProxyWarning> proxyWarning(org.springframework.core.env.Environment environment) {
        boolean trusted = org.springframework.boot.context.properties.bind.Binder.get(environment)
                .bind(
                        "bff.session.trusted-proxies",
                        org.springframework.boot.context.properties.bind.Bindable.listOf(String.class))
                .map(list -> !list.isEmpty())
                .orElse(false);
        FilterRegistrationBean<ProxyWarning> registration =
                new FilterRegistrationBean<>(new ProxyWarning(environment.matchesProfiles("sandbox")));
        registration.setEnabled(!trusted);
        registration.setOrder(FilterOrder.PROXY_WARNING);
        return registration;
    }

    /** Before the size and rate limits, so a refused origin costs nothing and preflights use no rate-limit tokens. */
    @Bean
    FilterRegistrationBean<CorsFilter> corsFilter(
            CorsProperties properties,
            ApiProperties api,
            ObjectMapper mapper,
            Rejections rejections,
            Problems problems) {
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(
                CrossOrigin.filter(properties, api.basePath(), mapper, rejections, problems));
        registration.setOrder(FilterOrder.CORS);
        return registration;
    }

    /**
     * Deeply nested JSON costs stack and time while parsing; refuse it in the parser (bff.http.max-json-depth). In
     * Jackson 3 the limits belong to the (immutable) stream factory, so the mapper is built on a factory that has them,
     * with every Boot customizer ({@code spring.jackson.*}) applied as usual.
     */
    @Bean
    JsonMapper jsonMapper(HttpLimitsProperties limits, ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxJsonDepth())
                .build();
        JsonMapper.Builder builder = JsonMapper.builder(
                JsonFactory.builder().streamReadConstraints(constraints).build());
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }
}
