package io.centrabff.sandbox;

import java.time.Duration;

/**
 * How to start a {@link CentraSandbox}.
 *
 * @param port TCP port; 0 picks any free port.
 * @param latency Delay added before every checkout-API answer, e.g. to benchmark the BFF; null means none.
 * @param sharedSecret Shared secret the sandbox accepts as {@code Authorization: Bearer …}; null picks a random one.
 * @param bindAddress Address to listen on, e.g. 0.0.0.0 to serve other hosts; null or blank means 127.0.0.1.
 * @param latencyProfile Per-call delay by kind of call, added to {@code latency}; null means none.
 */
public record SandboxOptions(
        int port, Duration latency, String sharedSecret, String bindAddress, LatencyProfile latencyProfile) {

    /** Without a latency profile. */
    public SandboxOptions(int port, Duration latency, String sharedSecret, String bindAddress) {
        this(port, latency, sharedSecret, bindAddress, LatencyProfile.NONE);
    }

    /** On 127.0.0.1. */
    public SandboxOptions(int port, Duration latency, String sharedSecret) {
        this(port, latency, sharedSecret, null);
    }

    /** Any free port, no latency, a random secret. */
    public static SandboxOptions defaults() {
        return new SandboxOptions(0, Duration.ZERO, null);
    }

    /** The same options with Centra-like per-call latency (catalog ~100 ms, payment ~250 ms). */
    public SandboxOptions realisticLatency() {
        return new SandboxOptions(port, latency, sharedSecret, bindAddress, LatencyProfile.REALISTIC);
    }
}
