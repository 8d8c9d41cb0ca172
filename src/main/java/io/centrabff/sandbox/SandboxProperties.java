package io.centrabff.sandbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded Centra sandbox, started when no {@code centra.base-url} is configured.
 *
 * @param enabled Whether to start the embedded Centra sandbox when centra.base-url is not set.
 * @param port Port the sandbox listens on at 127.0.0.1; 0 picks a free port.
 * @param latency Delay the sandbox adds before every Checkout API answer, to mimic a remote Centra.
 */
@ConfigurationProperties("bff.sandbox")
public record SandboxProperties(
        @DefaultValue("true") boolean enabled, @DefaultValue("0") int port, @DefaultValue("0s") Duration latency) {}
