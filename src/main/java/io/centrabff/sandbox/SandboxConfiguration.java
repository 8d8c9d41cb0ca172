package io.centrabff.sandbox;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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
}
