package io.centrabff.centra;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a {@link StubbedCentraTest} context at the shared stub while its environment is prepared: the stub's port is
 * known only once it has started, and {@link CentraConfiguredCheck} stops any start that has no Centra by the end of
 * the environment's preparation, before a context initializer could set one. Registered in the tests'
 * {@code META-INF/spring.factories}; does nothing unless {@value #MARKER} is true.
 */
class StubbedCentraUrl implements EnvironmentPostProcessor, Ordered {

    /** Set by {@link StubbedCentraTest}. */
    static final String MARKER = "test.stubbed-centra";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty(MARKER, Boolean.class, false)) {
            return;
        }
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "stubbedCentra",
                        Map.of("centra.base-url", StubbedCentra.CENTRA.baseUrl() + StubbedCentra.API)));
    }

    /** Just before the check. */
    @Override
    public int getOrder() {
        return CentraConfiguredCheck.ORDER - 1;
    }
}
