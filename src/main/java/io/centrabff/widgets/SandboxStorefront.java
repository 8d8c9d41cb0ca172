package io.centrabff.widgets;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves a minimal storefront checkout page at {@code /sandbox-storefront/} that shows the widget contract in a
 * browser. Only against the embedded sandbox: a real deployment never serves it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "bff.sandbox.active", havingValue = "true")
class SandboxStorefront implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/sandbox-storefront/**").addResourceLocations("classpath:/sandbox-storefront/");
    }
}
