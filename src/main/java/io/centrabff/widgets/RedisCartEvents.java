package io.centrabff.widgets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.centrabff.coordination.RedisLink;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.List;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Cart events through one Redis channel that every instance listens to, so a tab connected to any instance sees
 * every change in the order the cart's lease holders made them (each publish completes before the lease is
 * released, and Redis delivers in the order it received). An event sent under a lease that is no longer the newest
 * is dropped.
 */
final class RedisCartEvents implements CartEvents.Transport {

    private static final Logger log = LoggerFactory.getLogger(RedisCartEvents.class);
    private static final String CHANNEL = "cart-events";

    /** Publishes a cart event if the caller's fence is the newest; -1 when refused. */
    private static final RedisScript<Long> PUBLISH = RedisScript.of(
            """
            if ARGV[1] ~= '' and redis.call('HGET', KEYS[1], 'fence') ~= ARGV[1] then return -1 end
            return redis.call('PUBLISH', ARGV[2], ARGV[3])
            """,
            Long.class);

    private final RedisLink link;
    private final RedisCartLock lock;
    private final ObjectMapper mapper;
    private final MeterRegistry meters;

    RedisCartEvents(RedisLink link, RedisCartLock lock, ObjectMapper mapper, MeterRegistry meters) {
        this.link = link;
        this.lock = lock;
        this.mapper = mapper;
        this.meters = meters;
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
        link.subscribe(CHANNEL, text -> {
            try {
                JsonNode message = mapper.readTree(text);
                deliver.accept(
                        message.path("cart").asText(),
                        new CartEvents.Event(message.path("name").asText(), (ObjectNode) message.path("data")));
            } catch (IOException | RuntimeException e) {
                log.warn("Unreadable cart event from Redis dropped", e);
            }
        });
    }
}
