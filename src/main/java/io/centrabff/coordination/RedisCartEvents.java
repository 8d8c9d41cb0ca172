package io.centrabff.coordination;

import io.centrabff.cart.CartEvents;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.core.script.RedisScript;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cart events through one Redis channel that every instance listens to, so a tab connected to any instance sees
 * every change in the order the cart's lease holders made them (each publish completes before the lease is
 * released, and Redis delivers in the order it received). An event sent under a lease that is no longer the newest
 * is dropped.
 */
final class RedisCartEvents implements CartEvents.Transport, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisCartEvents.class);
    private static final String CHANNEL = "cart-events";

    /** Publishes a cart event if the caller's fence is the newest; -1 when refused. */
    private static final RedisScript<Long> PUBLISH = RedisScript.of(
            """
            if ARGV[1] ~= '' and redis.call('HGET', KEYS[1], 'fence') ~= ARGV[1] then return -1 end
            return redis.call('PUBLISH', ARGV[2], ARGV[3])
            """,
            Long.class);

    /** Delivery threads: one cart's events always on the same one (in order), a slow tab holds up few other carts. */
    private static final int STRIPES = 8;

    private final RedisLink link;
    private final RedisCartLock lock;
    private final ObjectMapper mapper;
    private final MeterRegistry meters;
    private final ExecutorService[] stripes = new ExecutorService[STRIPES];

    RedisCartEvents(RedisLink link, RedisCartLock lock, ObjectMapper mapper, MeterRegistry meters) {
        this.link = link;
        this.lock = lock;
        this.mapper = mapper;
        this.meters = meters;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "cart-events");
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    @Override
    public boolean send(String cart, CartEvents.Event event) {
        if (!link.up()) {
            link.fellBack("cart-events");
            return false;
        }
        Long fence = lock.fence(cart);
        ObjectNode message = mapper.createObjectNode().put("cart", cart).put("name", event.name());
        message.set("data", event.data());
        try {
            Long sent = link.redis()
                    .execute(
                            PUBLISH,
                            List.of(RedisCarts.key(link, cart)),
                            fence == null ? "" : fence.toString(),
                            link.key(CHANNEL),
                            message.toString());
            if (Long.valueOf(-1).equals(sent)) {
                RedisCarts.refused(meters, log, "A late cart event was dropped");
            }
            return true;
        } catch (RuntimeException e) {
            link.failed("cart-events", e);
            return false;
        }
    }

    @Override
    public void subscribe(BiConsumer<String, CartEvents.Event> deliver) {
        // Off the listener container's single thread, which also carries catalog invalidations and link probes.
        link.subscribe(CHANNEL, text -> {
            try {
                JsonNode message = mapper.readTree(text);
                String cart = message.path("cart").asText();
                CartEvents.Event event =
                        new CartEvents.Event(message.path("name").asText(), (ObjectNode) message.path("data"));
                stripes[Math.floorMod(cart.hashCode(), STRIPES)].execute(() -> deliver.accept(cart, event));
            } catch (RuntimeException e) {
                log.warn("Unreadable cart event from Redis dropped", e);
            }
        });
    }

    @Override
    public void destroy() {
        for (ExecutorService stripe : stripes) {
            stripe.shutdownNow();
        }
    }
}
