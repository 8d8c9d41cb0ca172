package io.centrabff.sandbox;

import java.net.URI;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Exposes the sandbox started by {@link SandboxEnvironmentPostProcessor} as a bean that stops with the context. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "bff.sandbox.active", havingValue = "true")
class SandboxConfiguration {

    @Bean(destroyMethod = "stop")
    CentraSandbox centraSandbox(Environment environment) {
        String id = environment.getProperty("bff.sandbox.instance-id");
        return SandboxRegistry.get(id)
                .orElseThrow(() -> new IllegalStateException(
                        "bff.sandbox.active=true but no running sandbox has bff.sandbox.instance-id=" + id));
    }

    /**
     * Once the BFF's port is known, the sandbox's webhooks go to the BFF's own webhook endpoint, signed, unless
     * {@code bff.sandbox.webhook-url} names another receiver (the load balancer in front of several instances).
     */
    @Bean
    ApplicationListener<WebServerInitializedEvent> sandboxWebhookTarget(
            CentraSandbox sandbox, Environment environment) {
        SandboxProperties properties = Binder.get(environment).bindOrCreate("bff.sandbox", SandboxProperties.class);
        return event -> {
            if ("management".equals(event.getApplicationContext().getServerNamespace())) {
                // The actuator on its own port (management.server.port) has no webhook endpoint.
                return;
            }
            String path = environment.getProperty("bff.webhook.path", "/api/webhooks/centra");
            URI target = properties.webhookUrl() != null
                    ? properties.webhookUrl()
                    : URI.create("http://127.0.0.1:" + event.getWebServer().getPort() + path);
            sandbox.webhookTarget(target, environment.getProperty("bff.webhook.secret"));
        };
    }
}
