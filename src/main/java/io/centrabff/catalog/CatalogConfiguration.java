package io.centrabff.catalog;

import io.centrabff.centra.CentraGateway;
import io.centrabff.web.RateLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
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
    CatalogReads catalogReads(CatalogCache cache, CatalogProperties properties, RateLimiter limiter) {
        return new CatalogReads(cache, properties, limiter);
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
