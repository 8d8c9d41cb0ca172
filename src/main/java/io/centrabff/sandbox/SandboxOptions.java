package io.centrabff.sandbox;

import java.time.Duration;

/**
 * How to start a {@link CentraSandbox}.
 *
 * @param port TCP port on 127.0.0.1; 0 picks any free port.
 * @param latency Delay added before every checkout-API answer, e.g. to benchmark the BFF; null means none.
 * @param sharedSecret Shared secret the sandbox accepts as {@code Authorization: Bearer …}; null picks a random one.
 */
public record SandboxOptions(int port, Duration latency, String sharedSecret) {

    /** Any free port, no latency, a random secret. */
    public static SandboxOptions defaults() {
        return new SandboxOptions(0, Duration.ZERO, null);
    }
}
