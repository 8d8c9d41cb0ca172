package io.centrabff.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;

class SandboxSpringWiringTests {

    private static final DeferredLogFactory LOGS = supplier -> supplier.get();

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("test", properties));
        return environment;
    }

    @Test
    void postProcessorStartsSandboxWhenNoBaseUrlIsConfigured() {
        StandardEnvironment environment = environment(Map.of("bff.sandbox.latency", "5ms"));
        environment.setActiveProfiles(SandboxEnvironmentPostProcessor.PROFILE);

        new SandboxEnvironmentPostProcessor(LOGS).postProcessEnvironment(environment, new SpringApplication());

        String id = environment.getProperty("bff.sandbox.instance-id");
        CentraSandbox sandbox = SandboxRegistry.get(id).orElseThrow();
        try {
            assertThat(environment.getPropertySources().iterator().next().getName())
                    .isEqualTo("centraSandbox");
            assertThat(environment.getProperty("centra.base-url"))
                    .isEqualTo(sandbox.baseUrl().toString());
            assertThat(environment.getProperty("centra.shared-secret")).isEqualTo(sandbox.sharedSecret());
            assertThat(environment.getProperty("bff.sandbox.active")).isEqualTo("true");
            assertThat(new SandboxClient(sandbox).get("/selection").status()).isEqualTo(200);
        } finally {
            sandbox.stop();
        }
        assertThat(SandboxRegistry.get(id)).isEmpty();
    }

    @Test
    void postProcessorIsRegisteredInSpringFactories() {
        var processors = SpringFactoriesLoader.forDefaultResourceLocation()
                .load(EnvironmentPostProcessor.class, ArgumentResolver.of(DeferredLogFactory.class, LOGS));

        assertThat(processors).hasAtLeastOneElementOfType(SandboxEnvironmentPostProcessor.class);
    }

    @Test
    void postProcessorStartsNothingWithoutTheSandboxProfileOrWithABaseUrl() {
        StandardEnvironment configured =
                environment(Map.of("centra.base-url", "https://shop.centra.com/api/checkout/52"));
        configured.setActiveProfiles(SandboxEnvironmentPostProcessor.PROFILE);
        StandardEnvironment disabled = environment(Map.of());

        new SandboxEnvironmentPostProcessor(LOGS).postProcessEnvironment(configured, new SpringApplication());
        new SandboxEnvironmentPostProcessor(LOGS).postProcessEnvironment(disabled, new SpringApplication());

        assertThat(configured.getProperty("centra.base-url")).isEqualTo("https://shop.centra.com/api/checkout/52");
        assertThat(configured.containsProperty("bff.sandbox.active")).isFalse();
        assertThat(disabled.containsProperty("centra.base-url")).isFalse();
    }

    @Test
    void configurationExposesSandboxBeanThatStopsWithTheContext() {
        CentraSandbox sandbox = CentraSandbox.start(SandboxOptions.defaults());
        SandboxRegistry.put("wiring-test", sandbox);
        URI base = sandbox.baseUrl();

        new ApplicationContextRunner()
                .withUserConfiguration(SandboxConfiguration.class)
                .withPropertyValues("bff.sandbox.active=true", "bff.sandbox.instance-id=wiring-test")
                .run(context -> assertThat(context).getBean(CentraSandbox.class).isSameAs(sandbox));

        assertThat(SandboxRegistry.get("wiring-test")).isEmpty();
        assertThatThrownBy(() -> new SandboxClient(sandbox).raw("GET", base, null))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void configurationIsInactiveWithoutActiveFlag() {
        new ApplicationContextRunner()
                .withUserConfiguration(SandboxConfiguration.class)
                .run(context -> assertThat(context).doesNotHaveBean(CentraSandbox.class));
    }

    @Test
    void propertiesHaveDefaultsAndBindDurations() {
        SandboxProperties defaults =
                new Binder(new MapConfigurationPropertySource()).bindOrCreate("bff.sandbox", SandboxProperties.class);
        SandboxProperties custom = new Binder(new MapConfigurationPropertySource(
                        Map.of("bff.sandbox.port", "8099", "bff.sandbox.latency", "250ms")))
                .bindOrCreate("bff.sandbox", SandboxProperties.class);

        assertThat(defaults).isEqualTo(new SandboxProperties(0, Duration.ZERO, "127.0.0.1", "", null, "none"));
        assertThat(custom)
                .isEqualTo(new SandboxProperties(8099, Duration.ofMillis(250), "127.0.0.1", "", null, "none"));
    }
}
