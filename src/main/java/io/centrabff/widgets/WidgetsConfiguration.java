package io.centrabff.widgets;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.centrabff.centra.CentraGateway;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WidgetsProperties.class)
class WidgetsConfiguration {

    /** Widget session expiry is judged by this clock; tests replace it to move time. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CartKeys cartKeys(WidgetsProperties properties) {
        return new CartKeys(properties.cartIdleTtl());
    }

    @Bean
    CartLanes cartLanes(WidgetsProperties properties, MeterRegistry meters) {
        return new CartLanes(properties.laneWait(), meters);
    }

    @Bean
    WidgetStates widgetStates(WidgetsProperties properties) {
        return new WidgetStates(properties.cartIdleTtl());
    }

    @Bean
    WidgetReplies widgetReplies(WidgetsProperties properties) {
        return new WidgetReplies(properties.idempotencyTtl(), properties.eventDedupeWindow());
    }

    @Bean
    CartEvents cartEvents(WidgetsProperties properties) {
        return new CartEvents(properties.maxStreamsPerCart(), properties.cartIdleTtl());
    }

    @Bean
    WidgetAnswers widgetAnswers(
            CartKeys keys,
            WidgetStates states,
            CartEvents events,
            CentraGateway gateway,
            ObjectMapper mapper,
            Clock clock,
            WidgetsProperties properties) {
        return new WidgetAnswers(keys, states, events, gateway, mapper, clock, properties);
    }

    @Bean
    WidgetRelay widgetRelay(
            CartKeys keys,
            CartLanes lanes,
            WidgetStates states,
            WidgetReplies replies,
            CartEvents events,
            WidgetAnswers answers,
            Clock clock,
            WidgetsProperties properties) {
        return new WidgetRelay(keys, lanes, states, replies, events, answers, clock, properties);
    }

    /** Heartbeats on a daemon thread; they only write comment lines to open streams. */
    @Bean(destroyMethod = "close")
    StreamHeartbeat streamHeartbeat(CartEvents events, WidgetsProperties properties) {
        return new StreamHeartbeat(events, properties.streamHeartbeat());
    }

    /** Not a bare executor bean, so no other component mistakes it for the application's scheduler. */
    static final class StreamHeartbeat implements AutoCloseable, ApplicationListener<ContextClosedEvent> {

        private final CartEvents events;

        private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "widget-heartbeat");
            thread.setDaemon(true);
            return thread;
        });

        StreamHeartbeat(CartEvents events, java.time.Duration period) {
            this.events = events;
            long millis = Math.max(100, period.toMillis());
            executor.scheduleAtFixedRate(events::heartbeat, millis, millis, TimeUnit.MILLISECONDS);
        }

        /** Runs before the web server's graceful shutdown, which would otherwise wait for every open stream. */
        @Override
        public void onApplicationEvent(ContextClosedEvent event) {
            events.completeAll();
        }

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }
}
