package io.centrabff.webhook;

import io.centrabff.catalog.CatalogCache;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebhookConfiguration.class);

    @Bean
    WebhookSignature webhookSignature(WebhookProperties properties) {
        if (!properties.secret().isPresent()) {
            log.warn("bff.webhook.secret is not set: every webhook call to {} will be refused", properties.path());
        }
        return new WebhookSignature(properties.secret(), properties.tolerance(), Clock.systemUTC());
    }

    @Bean(destroyMethod = "shutdown")
    WebhookQueue webhookQueue(CatalogCache cache, WebhookProperties properties, MeterRegistry meters) {
        return new WebhookQueue(cache, properties.queueCapacity(), meters);
    }

    /** With Redis: webhooks evict on every instance. */
    @Bean
    @org.springframework.context.annotation.Conditional(io.centrabff.coordination.RedisConfigured.class)
    WebhookFanOut webhookFanOut(
            io.centrabff.coordination.RedisLink link,
            WebhookQueue queue,
            CatalogCache cache,
            tools.jackson.databind.ObjectMapper mapper,
            MeterRegistry meters) {
        return new WebhookFanOut(link, queue, cache, mapper, meters);
    }

    @Bean
    FilterRegistrationBean<WebhookBodyFilter> webhookBodyFilter(WebhookProperties properties) {
        FilterRegistrationBean<WebhookBodyFilter> registration =
                new FilterRegistrationBean<>(new WebhookBodyFilter(properties.path()));
        // After the correlation id and the body size limit, before anything that might parse the form.
        registration.setOrder(io.centrabff.web.FilterOrder.WEBHOOK_BODY);
        return registration;
    }
}
