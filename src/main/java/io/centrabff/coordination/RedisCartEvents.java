package io.centrabff.coordination;

import io.centrabff.cart.CartEvents;
import io.lettuce.core.ScriptOutputType;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cart events through one Redis channel that every instance listens to, so a tab connected to any instance sees
 * every change in the order the cart's lease holders made them (all are sent on the lease's own connection, the
 * change's outcome with the lease's release, and Redis delivers in the order it received). An event sent under a lease
 * that is no longer the newest is dropped. If Redis cannot be reached, the event goes to this instance's tabs.
 */
final class RedisCartEvents implements CartEvents.Transport, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisCartEvents.class);
    static final String CHANNEL = "cart-events";

    /**
     * Events that announce a change about to reach Centra: the tabs must have them before it does, so they are sent at
     * once. The others report the change's outcome and travel with the lease's release, in the same trip.
     */
    private static final Set<String> BEFORE_CENTRA = Set.of("suspend", "payment-lock");

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
        RedisCartLock.Held lease = lock.held(cart);
        ObjectNode message = mapper.createObjectNode().put("cart", cart).put("name", event.name());
        message.set("data", event.data());
        Runnable deliverHere = () -> {
            BiConsumer<String, CartEvents.Event> local = delivery;
            if (local != null) {
                local.accept(cart, event);
            }
        };
        if (lease != null && !BEFORE_CENTRA.contains(event.name())) {
            lease.event(message.toString(), deliverHere);
            return true;
        }
        // Not awaited: the lease's connection keeps Redis receiving the cart's events in the order they were sent.
        lock.<Long>eval(
                        RedisCartLock.PUBLISH,
                        ScriptOutputType.INTEGER,
                        new String[] {RedisCarts.key(link, cart)},
                        lease == null ? "" : Long.toString(lease.fence),
                        link.key(CHANNEL),
                        message.toString())
                .whenComplete((sent, error) -> {
                    if (error != null) {
                        link.failed("cart-events", error instanceof CompletionException ? error.getCause() : error);
                        deliverHere.run();
                    } else if (Long.valueOf(-1).equals(sent)) {
                        RedisCarts.refused(meters, log, "A late cart event was dropped");
                    }
                });
        return true;
    }

    private volatile BiConsumer<String, CartEvents.Event> delivery;

    @Override
    public void subscribe(BiConsumer<String, CartEvents.Event> deliver) {
        delivery = deliver;
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
