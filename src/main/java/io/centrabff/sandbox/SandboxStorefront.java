package io.centrabff.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the reference checkout at {@code /sandbox-storefront/index.html}: a small shop built on the TypeScript client
 * (its built copy in {@code sandbox-storefront/client/}) that shows the widget contract in a browser. Only against the
 * embedded sandbox: a real deployment never serves it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "bff.sandbox.active", havingValue = "true")
class SandboxStorefront implements WebMvcConfigurer {

    static final String PATH = "/sandbox-storefront/**";

    // The API's own policy (default-src 'none') suits JSON, not a page: this one lets the page run its script and
    // load the sandbox's simulated widget scripts (Centra's CheckoutScript is inline-injected) from loopback.
    private static final String PAGE_POLICY =
            "default-src 'self'; script-src 'self' 'unsafe-inline' http://127.0.0.1:*;"
                    + " style-src 'self' 'unsafe-inline'; connect-src 'self' http://127.0.0.1:*; img-src 'self' data:;"
                    + " frame-ancestors 'none'";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(PATH).addResourceLocations("classpath:/sandbox-storefront/");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        response.setHeader("Content-Security-Policy", PAGE_POLICY);
                        return true;
                    }
                })
                .addPathPatterns(PATH);
    }
}
