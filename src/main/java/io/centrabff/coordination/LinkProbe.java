package io.centrabff.coordination;

import io.lettuce.core.event.connection.DisconnectedEvent;
import io.lettuce.core.resource.ClientResources;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.springframework.data.redis.core.StringRedisTemplate;
import reactor.core.Disposable;

/**
 * Decides whether the link works. Every {@code bff.redis.probe-interval} the instance publishes a probe to itself; a
 * probe not back within {@code bff.redis.probe-timeout}, a failed publish or a lost connection (Lettuce's event) takes
 * the link down. The first probe back proves the subscription is live again (so no invalidation after it is missed)
 * and brings the link back.
 */
final class LinkProbe {

    static final String CHANNEL = "probe";

    private final RedisLink link;
    private final StringRedisTemplate redis;
    private final CoordinationProperties properties;
    private final ClientResources resources;
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "redis-probe");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long nonce;
    private volatile long sent;
    private volatile boolean running;
    private Disposable disconnects;

    LinkProbe(RedisLink link, StringRedisTemplate redis, CoordinationProperties properties, ClientResources resources) {
        this.link = link;
        this.redis = redis;
        this.properties = properties;
        this.resources = resources;
        link.subscribe(CHANNEL, this::returned);
    }

    void start() {
        running = true;
        disconnects = resources.eventBus().get().subscribe(event -> {
            if (running && event instanceof DisconnectedEvent disconnected) {
                link.down("connection to " + disconnected.remoteAddress() + " lost");
            }
        });
        long interval = Math.max(10, properties.probeInterval().toMillis());
        prober.scheduleWithFixedDelay(this::send, 0, interval, TimeUnit.MILLISECONDS);
    }

    void stop() {
        running = false;
        prober.shutdownNow();
        if (disconnects != null) {
            disconnects.dispose();
        }
    }

    private void send() {
        try {
            long now = System.nanoTime();
            if (nonce != 0 && now - sent > properties.probeTimeout().toNanos()) {
                nonce = 0;
                link.down("probe through pub/sub unanswered for "
                        + properties.probeTimeout().toMillis() + " ms");
            }
            if (nonce == 0) {
                if (!link.listening()) {
                    // Not subscribed (Redis not reached since start-up): a probe could not come back.
                    return;
                }
                long next = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
                sent = now;
                nonce = next;
                redis.convertAndSend(link.key(CHANNEL), link.instance() + ":" + next);
            }
        } catch (RuntimeException e) {
            nonce = 0;
            link.down("probe: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void returned(String message) {
        long expected = nonce;
        if (expected == 0 || !message.equals(link.instance() + ":" + expected)) {
            return;
        }
        nonce = 0;
        if (!link.up()) {
            prober.execute(link::recover);
        }
    }
}
