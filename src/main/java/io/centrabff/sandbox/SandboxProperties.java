package io.centrabff.sandbox;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded Centra sandbox, started under the {@code sandbox} profile when no {@code centra.base-url} is configured.
 *
 * @param port Port the sandbox listens on; 0 picks a free port.
 * @param latency Delay the sandbox adds before every Checkout API answer, to mimic a remote Centra.
 * @param bindAddress Address the sandbox listens on; 0.0.0.0 lets other BFF instances share this one sandbox.
 * @param sharedSecret Shared secret the sandbox accepts, so other instances can be given it; empty picks a random one.
 * @param webhookUrl Where the sandbox posts its product-change webhooks (e.g. the load balancer in front of several
 *     instances); empty means this BFF's own webhook endpoint.
 * @param latencyProfile {@code realistic} adds Centra-like delays per call on top of {@code latency}: about 100 ms
 *     for catalog reads, 250 ms for payment calls and 150 ms for cart calls, each ±20 %; {@code none} adds nothing.
 */
@ConfigurationProperties("bff.sandbox")
public record SandboxProperties(
        @DefaultValue("0") int port,
        @DefaultValue("0s") Duration latency,
        @DefaultValue("127.0.0.1") String bindAddress,
        @DefaultValue("") String sharedSecret,
        URI webhookUrl,
        @DefaultValue("none") String latencyProfile) {

    @Override
    public String toString() {
        // Never print the secret.
        return "SandboxProperties[port=" + port + ", latency=" + latency + ", bindAddress="
                + bindAddress + ", sharedSecret=" + (sharedSecret.isBlank() ? "(random)" : "******") + ", webhookUrl="
                + webhookUrl + ", latencyProfile=" + latencyProfile + "]";
    }
}
