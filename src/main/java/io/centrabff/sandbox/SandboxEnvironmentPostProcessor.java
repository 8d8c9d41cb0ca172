package io.centrabff.sandbox;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded Centra sandbox under the {@code sandbox} profile when no {@code centra.base-url} is configured,
 * so the BFF runs with no Centra account. Without that profile nothing is started, and a missing
 * {@code centra.base-url} stops start-up (a production instance never serves a fake Centra by accident; see
 * {@code CentraConfiguredCheck}, which runs after this). It must run before beans exist because {@code centra.base-url} and {@code centra.shared-secret} are bound
 * from the environment; the running instance is handed to {@link SandboxConfiguration} through
 * {@link SandboxRegistry}.
 */
class SandboxEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** The profile that starts the embedded sandbox. */
    public static final String PROFILE = "sandbox";

    static final String PROPERTY_SOURCE = "centraSandbox";

    private final Log log;

    SandboxEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(SandboxEnvironmentPostProcessor.class);
    }

    /** Before the check that a Centra is configured (the last post-processor), which this one satisfies. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("centra.base-url"))
                || environment.getPropertySources().contains(PROPERTY_SOURCE)) {
            return;
        }
        if (!environment.matchesProfiles(PROFILE)) {
            return;
        }
        SandboxProperties properties = Binder.get(environment).bindOrCreate("bff.sandbox", SandboxProperties.class);
        CentraSandbox sandbox = CentraSandbox.start(new SandboxOptions(
                properties.port(),
                properties.latency(),
                properties.sharedSecret(),
                properties.bindAddress(),
                LatencyProfile.parse(properties.latencyProfile())));
        String id = UUID.randomUUID().toString();
        SandboxRegistry.put(id, sandbox);
        // If the context never comes up, no bean will stop the sandbox; do it here.
        application.addListeners((ApplicationListener<ApplicationFailedEvent>) event -> sandbox.stop());
        Map<String, Object> values = new HashMap<>();
        if (!StringUtils.hasText(environment.getProperty("bff.webhook.secret"))) {
            // The sandbox signs the webhooks it posts to this BFF; a random secret keeps the endpoint closed to others.
            values.put("bff.webhook.secret", SandboxSelection.randomHex(24));
        }
        values.putAll(Map.of(
                "centra.base-url",
                sandbox.baseUrl().toString(),
                "centra.shared-secret",
                sandbox.sharedSecret(),
                "bff.sandbox.active",
                "true",
                "bff.sandbox.instance-id",
                id));
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, values));
        log.warn("centra-bff runs against the embedded Centra sandbox at " + sandbox.baseUrl()
                + ", NOT a real Centra (profile 'sandbox'; set CENTRA_BASE_URL for a real one).");
    }
}
