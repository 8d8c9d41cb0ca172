package io.centrabff.coordination;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.resource.ClientResources;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * This instance's link to Redis, and whether it works ({@link LinkProbe} decides). While it works, coordination runs
 * through Redis; when it does not, every component uses its local fallback at once ({@link RedisLinkLost} is
 * published); when it comes back, {@link RedisLinkRecovered} is published first (its listeners clear the catalog cache
 * because invalidations may have been missed, and write to Redis what was kept locally meanwhile).
 */
public final class RedisLink implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RedisLink.class);

    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final StringRedisTemplate redis;
    private final RedisMessageListenerContainer listeners;
    private final CoordinationProperties properties;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();
    private final ApplicationEventPublisher events;
    private final Counter downs;
    private final Counter ups;

    private volatile boolean up;
    private volatile boolean everUp;
    private volatile Instant downSince;
    private volatile String downReason = "not connected yet";
    private volatile boolean running;
    /** Whether a failed start of the listener container was logged: only the first is. */
    private volatile boolean startFailureLogged;

    private final LinkProbe probe;

    RedisLink(
            StringRedisTemplate redis,
            RedisMessageListenerContainer listeners,
            CoordinationProperties properties,
            ClientResources resources,
            MeterRegistry meters,
            ApplicationEventPublisher events) {
        this.events = events;
        this.redis = redis;
        this.listeners = listeners;
        this.properties = properties;
        this.meters = meters;
        this.downSince = clock.instant();
        meters.gauge("bff.redis.up", this, link -> link.up ? 1 : 0);
        this.downs = transitions("down");
        this.ups = transitions("up");
        // On the scrape from start-up at 0, for the dashboard's fallback panel and alerts on its rate.
        for (String component : List.of("cart-state", "cart-aliases", "replies", "rate-limits")) {
            meters.counter("bff.redis.fallbacks", "component", component);
        }
        this.probe = new LinkProbe(this, redis, properties, resources);
    }

    private Counter transitions(String to) {
        return Counter.builder("bff.redis.transitions")
                .description("Times this instance's Redis link went down (local fallback) or came back")
                .tag("to", to)
                .register(meters);
    }

    /** This instance's name in messages, so it can tell its own from the others'. */
    public String instance() {
        return instance;
    }

    /** Whether coordination runs through Redis right now. */
    public boolean up() {
        return up;
    }

    /** Why the link is down, or null while it is up. */
    public String downReason() {
        return up ? null : downReason;
    }

    /** Since when the link is down, or null while it is up. */
    public Instant downSince() {
        return up ? null : downSince;
    }

    public StringRedisTemplate redis() {
        return redis;
    }

    public CoordinationProperties properties() {
        return properties;
    }

    /** A Redis key or channel under the configured prefix. */
    public String key(String... parts) {
        return properties.key(parts);
    }

    /**
     * Delivers every message on channel {@code name} to {@code handler}, one at a time in the order Redis received
     * them (the listener container runs on one thread).
     */
    public void subscribe(String name, Consumer<String> handler) {
        listeners.addMessageListener(
                (message, pattern) -> handler.accept(new String(message.getBody(), StandardCharsets.UTF_8)),
                new ChannelTopic(key(name)));
    }

    /**
     * Runs {@code call} against Redis for {@code component} if the link is up; false if it is down or the call failed
     * (counted as a fallback, and the link marked down if Redis could not be reached), so the caller keeps it local.
     */
    public boolean attempt(String component, Runnable call) {
        if (!up) {
            fellBack(component);
            return false;
        }
        try {
            call.run();
            return true;
        } catch (RuntimeException e) {
            failed(component, e);
            return false;
        }
    }

    /** Publishes {@code message} on channel {@code name}; false (and the link marked down) if Redis refused it. */
    public boolean publish(String name, String message) {
        if (!up) {
            return false;
        }
        try {
            redis.convertAndSend(key(name), message);
            return true;
        } catch (RuntimeException e) {
            failed("pubsub", e);
            return false;
        }
    }

    /**
     * A Redis call of {@code component} failed and it used its local fallback. If Redis could not be reached the link
     * goes down (every component falls back) until a probe comes back; an error Redis answered with (a wrong type, a
     * script error) concerns that one call only.
     */
    public void failed(String component, Throwable cause) {
        fellBack(component);
        if (answeredByRedis(cause)) {
            log.warn("Redis refused a {} call, answered locally: {}", component, cause.getMessage());
            return;
        }
        down(component + ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    private static boolean answeredByRedis(Throwable cause) {
        for (Throwable e = cause; e != null; e = e.getCause()) {
            if (e instanceof RedisCommandExecutionException) {
                return true;
            }
        }
        return false;
    }

    /** {@code component} used its local fallback for one operation. */
    public void fellBack(String component) {
        meters.counter("bff.redis.fallbacks", "component", component).increment();
    }

    void down(String reason) {
        if (up) {
            synchronized (this) {
                if (!up) {
                    return;
                }
                up = false;
                downSince = clock.instant();
                downReason = reason;
            }
            downs.increment();
            publish(new RedisLinkLost(reason, downSince));
            log.warn(
                    "Redis unreachable ({}): coordination falls back to this instance's local state until it"
                            + " returns",
                    reason);
        }
    }

    /** The probe came back while the link was down: its listeners run first, then coordination resumes. */
    void recover() {
        if (up) {
            return;
        }
        boolean first = !everUp;
        publish(new RedisLinkRecovered(first, downSince));
        up = true;
        everUp = true;
        if (first) {
            log.info("Redis reached: instances coordinate through it (instance {})", instance);
        } else {
            ups.increment();
            log.warn("Redis is back after being unreachable since {}: coordination through Redis resumed", downSince);
        }
    }

    /**
     * Runs a listener's {@code action} for {@code component} when the link came back; a failure is logged, so the
     * other listeners still run and coordination resumes.
     */
    void recovering(String component, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("Writing what {} kept during the Redis outage failed", component, e);
        }
    }

    /**
     * Waits (at most 3 s) for a connection of a listener's own to be open again, so that coordination resumes only once
     * it can be used; null (never connected) does not wait.
     */
    static void awaitOpen(StatefulConnection<?, ?> connection) {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (connection != null && !connection.isOpen() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

    private void publish(Object event) {
        try {
            events.publishEvent(event);
        } catch (RuntimeException e) {
            log.warn("A listener of {} failed", event.getClass().getSimpleName(), e);
        }
    }

    @Override
    public void start() {
        running = true;
        listening();
        probe.start();
    }

    /**
     * Whether the listener container is subscribed, starting it if not. A Redis that cannot be reached (at start-up,
     * when the context would otherwise fail to start) leaves it stopped and the link down; the probe calls this again
     * before each probe it sends, so the container starts once Redis answers.
     */
    boolean listening() {
        if (listeners.isRunning()) {
            return true;
        }
        try {
            listeners.start();
            return true;
        } catch (RuntimeException e) {
            try {
                // A failed start leaves the container marked as started; stopped, it can be started again.
                listeners.stop();
            } catch (RuntimeException ignored) {
                // Nothing was subscribed.
            }
            if (!everUp && !startFailureLogged) {
                startFailureLogged = true;
                log.warn(
                        "Redis not reachable at start-up ({}): coordination uses this instance's local state until it"
                                + " answers",
                        rootMessage(e));
            }
            downReason = "listener container: " + rootMessage(e);
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Override
    public void stop() {
        running = false;
        probe.stop();
        if (listeners.isRunning()) {
            listeners.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
