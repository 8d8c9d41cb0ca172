package io.centrabff.sandbox;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands the sandbox started by {@link SandboxEnvironmentPostProcessor} (before any bean exists) over to
 * {@link SandboxConfiguration}; keyed by {@code bff.sandbox.instance-id} so parallel contexts don't mix them up.
 */
final class SandboxRegistry {

    private static final Map<String, CentraSandbox> INSTANCES = new ConcurrentHashMap<>();

    private SandboxRegistry() {}

    static void put(String id, CentraSandbox sandbox) {
        INSTANCES.put(id, sandbox);
    }

    static Optional<CentraSandbox> get(String id) {
        return Optional.ofNullable(id).map(INSTANCES::get);
    }

    static void remove(CentraSandbox sandbox) {
        INSTANCES.values().remove(sandbox);
    }
}
