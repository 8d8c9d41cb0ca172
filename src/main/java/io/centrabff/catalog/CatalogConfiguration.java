package io.centrabff.catalog;

import io.centrabff.centra.CentraGateway;
import io.centrabff.session.SessionProperties;
import io.centrabff.session.SessionRelay;
import io.centrabff.web.AheadOfDispatch;
import io.centrabff.web.ApiProperties;
import io.centrabff.web.FilterOrder;
import io.centrabff.web.RateLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    CatalogCache catalogCache(CentraGateway gateway, CatalogProperties properties, MeterRegistry meters) {
        return new CatalogCache(new CatalogLoader(gateway, properties.upstreamPageSize()), properties, meters);
    }

    @Bean
    ShopperContexts shopperContexts(CentraGateway gateway, CatalogProperties properties) {
        return new ShopperContexts(gateway, properties);
    }

    @Bean
    CatalogCaching catalogCaching(CatalogHttpProperties http, SessionProperties session) {
        return new CatalogCaching(http, session);
    }

    @Bean
    CatalogReads catalogReads(
            CatalogCache cache, CatalogProperties properties, CatalogCaching caching, RateLimiter limiter) {
        return new CatalogReads(cache, properties, caching, limiter);
    }

    /** Ahead of the observation and MVC; CORS, rate-limit rules and metrics from {@link AheadOfDispatch}. */
    @Bean
    FilterRegistrationBean<CatalogHitFilter> catalogHitFilter(
            ApiProperties api,
            SessionRelay relay,
            ShopperContexts contexts,
            CatalogReads reads,
            CatalogCaching caching,
            CatalogProperties properties,
            CatalogHttpProperties http,
            AheadOfDispatch dispatch) {
        FilterRegistrationBean<CatalogHitFilter> registration = new FilterRegistrationBean<>(new CatalogHitFilter(
                api.basePath(), relay, contexts, reads, caching, properties.serverKey(), dispatch));
        registration.setOrder(FilterOrder.ANSWERS_AHEAD_OF_DISPATCH);
        registration.setEnabled(http.fastPath());
        return registration;
    }

    /** With Redis: a rebuild requested on one instance runs on all. */
    @Bean
    @org.springframework.context.annotation.Conditional(io.centrabff.coordination.RedisConfigured.class)
    RebuildFanOut rebuildFanOut(io.centrabff.coordination.RedisLink link, CatalogRebuild rebuild) {
        return new RebuildFanOut(link, rebuild);
    }

    @Bean
    CatalogRebuild catalogRebuild(
            CatalogCache cache,
            ShopperContexts contexts,
            CentraGateway gateway,
            CatalogProperties properties,
            MeterRegistry meters) {
        return new CatalogRebuild(cache, contexts, gateway, properties, meters);
    }

    /** Optional warm-up: the same as a rebuild, once the application is ready (never blocks start-up). */
    @Bean
    ApplicationListener<ApplicationReadyEvent> catalogWarmUp(CatalogRebuild rebuild, CatalogProperties properties) {
        return event -> {
            if (properties.warmUp()) {
                rebuild.start();
            }
        };
    }
}
