package io.centrabff.centra;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Stops start-up before any bean or connector exists when there is no Centra to talk to: neither
 * {@code centra.base-url} nor the embedded sandbox, which the {@code sandbox} profile starts just before this check
 * runs. Failing this early keeps the report to Boot's start-up failure analysis of one line, instead of a chain of
 * bean-creation errors and a web server started and stopped again.
 */
class CentraConfiguredCheck implements EnvironmentPostProcessor, Ordered {

    /** After every other environment post-processor, the sandbox's included: it is what sets the URL in sandbox mode. */
    static final int ORDER = Ordered.LOWEST_PRECEDENCE;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!StringUtils.hasText(environment.getProperty("centra.base-url"))) {
            throw new CentraNotConfiguredException();
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
