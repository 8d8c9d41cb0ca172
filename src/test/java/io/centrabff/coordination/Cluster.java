package io.centrabff.coordination;

import static org.awaitility.Awaitility.await;

import io.centrabff.CentraBffApplication;
import io.centrabff.ShopperClient;
import io.centrabff.sandbox.CentraSandbox;
import io.centrabff.sandbox.SandboxOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two BFF instances, as behind a load balancer: one Centra (the sandbox on a loopback port), one real Redis, each
 * instance on its own port with its own caches, lanes and streams.
 */
public final class Cluster implements AutoCloseable {

    static final String WEBHOOK_SECRET = "cluster-webhook-secret";
    static final String ADMIN_SECRET = "cluster-admin-secret";

    public final RedisServer redis;
    public final CentraSandbox centra;
    private final String prefix;
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    private Cluster(RedisServer redis, CentraSandbox centra, String prefix) {
        this.redis = redis;
        this.centra = centra;
        this.prefix = prefix;
    }

    private static Cluster shared;

    /** The shared cluster's address-search limit per client IP, small enough to exhaust in a test. */
    static final int ADDRESS_SEARCH_CAPACITY = 6;

    /**
     * One cluster for every test class that can share it (starting two instances takes seconds); stopped when the
     * test JVM exits. Tests that stop Redis start it again before they end. The loopback address is a trusted proxy,
     * so tests choose client IPs with X-Forwarded-For.
     */
    public static synchronized Cluster shared() {
        if (shared == null) {
            shared = start(
                    "bff.rate-limits.rules.address-search.capacity=" + ADDRESS_SEARCH_CAPACITY,
                    "bff.session.trusted-proxies=127.0.0.1/32");
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "cluster-stop"));
        }
        Cluster cluster = shared;
        for (int i = 0; i < 2; i++) {
            RedisLink link = cluster.bean(i, RedisLink.class);
            await().until(link::up, up -> up);
        }
        return cluster;
    }

    /** Starts Redis, Centra and two instances, and waits until both coordinate through Redis. */
    public static Cluster start(String... properties) {
        RedisServer redis = RedisServer.start();
        Cluster cluster = new Cluster(
                redis,
                CentraSandbox.start(SandboxOptions.defaults()),
                "test-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            for (int i = 0; i < 2; i++) {
                cluster.instances.add(cluster.another(properties));
            }
            for (int i = 0; i < 2; i++) {
                RedisLink link = cluster.bean(i, RedisLink.class);
                await().until(link::up, up -> up);
            }
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * Starts one more instance with this cluster's settings (its Centra, its Redis and key prefix), plus
     * {@code properties}; the caller closes it. Does not wait for its Redis link.
     */
    public ConfigurableApplicationContext another(String... properties) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("server.port", "0");
        values.put("management.server.port", "0");
        values.put("centra.base-url", centra.baseUrl().toString());
        values.put("centra.shared-secret", centra.sharedSecret());
        values.put("bff.session.cookie-secure", "false");
        values.put("bff.webhook.secret", WEBHOOK_SECRET);
        values.put("bff.admin.secret", ADMIN_SECRET);
        values.put("bff.catalog.server-key", "test-server-key");
        values.put("spring.data.redis.host", "127.0.0.1");
        values.put("spring.data.redis.port", Integer.toString(redis.port()));
        values.put("bff.redis.key-prefix", prefix);
        values.put("bff.redis.probe-interval", "100ms");
        values.put("bff.redis.probe-timeout", "500ms");
        for (String property : properties) {
            int equals = property.indexOf('=');
            values.put(property.substring(0, equals), property.substring(equals + 1));
        }
        // As arguments: default properties would lose to application.yml.
        String[] arguments = values.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(CentraBffApplication.class).run(arguments);
    }

    public int port(int instance) {
        return ((WebServerApplicationContext) instances.get(instance))
                .getWebServer()
                .getPort();
    }

    /** An actuator URL of one instance (the actuator has its own port). */
    public String managementUrl(int instance, String path) {
        return "http://127.0.0.1:" + instances.get(instance).getEnvironment().getProperty("local.management.port")
                + path;
    }

    /** The base URL of one instance, for {@link ShopperClient} calls with absolute URLs. */
    public String url(int instance, String path) {
        return "http://127.0.0.1:" + port(instance) + path;
    }

    /** Hands every object one instance publishes as an application event (not Spring's own events) to {@code sink}. */
    public void listen(int instance, java.util.function.Consumer<Object> sink) {
        instances.get(instance).addApplicationListener(event -> {
            if (event instanceof org.springframework.context.PayloadApplicationEvent<?> payload) {
                sink.accept(payload.getPayload());
            }
        });
    }

    public <T> T bean(int instance, Class<T> type) {
        return instances.get(instance).getBean(type);
    }

    @Override
    public void close() {
        instances.forEach(ConfigurableApplicationContext::close);
        centra.stop();
        redis.close();
    }
}
