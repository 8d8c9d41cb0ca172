package io.centrabff.coordination;

import io.centrabff.cart.CartEvents;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cart events through one Redis channel per cart ({@code <prefix>:cart-events:<cart>}), which an instance subscribes
 * to while it has a tab of the cart open: an instance without one receives, parses and hands on nothing, however many
 * instances there are. A tab on any instance sees every change in the order the cart's lease holders made them (all
 * are sent on the lease's own connection, the change's outcome with the lease's release, and Redis delivers one
 * channel in the order it received). An event sent under a lease that is no longer the newest is dropped. If Redis
 * cannot be reached, the event goes to this instance's tabs.
 */
final class RedisCartEvents implements CartEvents.Transport, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisCartEvents.class);
    static final String CHANNEL = "cart-events";

    /**
     * Events that announce a change about to reach Centra: the tabs must have them before it does, so they are sent at
     * once, and only if a tab listened when the lease was taken (a tab opened later starts from its snapshot). The
     * others report the change's outcome and travel with the lease's release, in the same trip, always.
     */
    private static final Set<String> BEFORE_CENTRA = Set.of("suspend", "payment-lock");

    /** Delivery threads: one cart's events always on the same one (in order), a slow tab holds up few other carts. */
    private static final int STRIPES = 8;

    private final RedisLink link;
    private final RedisCartLock lock;
    private final AbstractRedisClient client;
    private final ObjectMapper mapper;
    private final MeterRegistry meters;
    private final ExecutorService[] stripes = new ExecutorService[STRIPES];
    /** Open tabs on this instance per cart; subscriptions change under this monitor, so Redis sees them in order. */
    private final Map<String, Integer> listening = new HashMap<>();

    private volatile StatefulRedisPubSubConnection<String, String> connection;
    private volatile BiConsumer<String, CartEvents.Event> delivery;

    RedisCartEvents(
            RedisLink link, RedisCartLock lock, AbstractRedisClient client, ObjectMapper mapper, MeterRegistry meters) {
        this.link = link;
        this.lock = lock;
        this.client = client;
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

    /** The channel of {@code cart}'s events. */
    static String channel(RedisLink link, String cart) {
        return link.key(CHANNEL, cart);
    }

    @Override
    public boolean send(String cart, CartEvents.Event event) {
        if (!link.up()) {
            link.fellBack("cart-events");
            return false;
        }
        RedisCartLock.Held lease = lock.held(cart);
        ObjectNode message = mapper.createObjectNode().put("name", event.name());
        message.set("data", event.data());
        Runnable deliverHere = () -> {
            BiConsumer<String, CartEvents.Event> local = delivery;
            if (local != null) {
                local.accept(cart, event);
            }
        };
        boolean beforeCentra = BEFORE_CENTRA.contains(event.name());
        if (lease != null && !beforeCentra) {
            lease.event(message.toString(), deliverHere);
            return true;
        }
        if (lease != null && lease.listeners == 0) {
            // No instance had a tab of the cart when the lease was taken: nobody to tell before Centra is called.
            return true;
        }
        // Not awaited: the lease's connection keeps Redis receiving the cart's events in the order they were sent.
        lock.<Long>eval(
                        RedisCartLock.PUBLISH,
                        ScriptOutputType.INTEGER,
                        new String[] {RedisCarts.key(link, cart)},
                        lease == null ? "" : Long.toString(lease.fence),
                        channel(link, cart),
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

    @Override
    public void subscribe(BiConsumer<String, CartEvents.Event> deliver) {
        delivery = deliver;
    }

    /**
     * Subscribes to the cart's channel and waits until Redis confirms it (at most {@code bff.redis.probe-timeout}),
     * so the tab's snapshot, taken next, misses nothing sent later. If Redis cannot be reached the tab still opens:
     * events then go to this instance's tabs, and the subscription is renewed when the link is back.
     */
    @Override
    public void listen(String cart) {
        CompletableFuture<Void> subscribed;
        synchronized (listening) {
            listening.merge(cart, 1, Integer::sum);
            if (!link.up() && connection == null) {
                link.fellBack("cart-events");
                return;
            }
            // Sent even while the link is down: during a recovery it may already go through.
            subscribed = subscribe(channel(link, cart));
        }
        if (!link.up()) {
            link.fellBack("cart-events");
            return;
        }
        await(subscribed);
    }

    @Override
    public void ignore(String cart) {
        synchronized (listening) {
            Integer left = listening.computeIfPresent(cart, (key, tabs) -> tabs > 1 ? tabs - 1 : null);
            if (left == null && connection != null) {
                // Not awaited; a later subscription of the same cart follows it on the same connection.
                try {
                    connection.async().unsubscribe(channel(link, cart));
                } catch (RuntimeException e) {
                    // Disconnected: Lettuce does not subscribe it again once the channel is off its list.
                }
            }
        }
    }

    /** Sends SUBSCRIBE (not awaited); a future failed at once if Redis cannot be reached. */
    private CompletableFuture<Void> subscribe(String... channels) {
        try {
            return connection().async().subscribe(channels).toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void await(CompletableFuture<Void> subscribed) {
        Duration timeout = link.properties().probeTimeout();
        try {
            subscribed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            link.failed("cart-events", e.getCause());
        } catch (TimeoutException e) {
            link.failed("cart-events", new IllegalStateException("No subscription confirmed within " + timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private StatefulRedisPubSubConnection<String, String> connection() {
        StatefulRedisPubSubConnection<String, String> current = connection;
        if (current == null) {
            synchronized (this) {
                if (connection == null) {
                    // Connects on first use (Redis may be down at start-up); Lettuce then reconnects and subscribes
                    // again by itself.
                    StatefulRedisPubSubConnection<String, String> created = client instanceof RedisClusterClient cluster
                            ? cluster.connectPubSub(StringCodec.UTF8)
                            : ((RedisClient) client).connectPubSub(StringCodec.UTF8);
                    created.addListener(new RedisPubSubAdapter<>() {
                        @Override
                        public void message(String channel, String message) {
                            received(channel, message);
                        }
                    });
                    connection = created;
                }
                current = connection;
            }
        }
        return current;
    }

    /** Off Lettuce's event loop: parsing and the tabs' writes run on the cart's stripe. */
    private void received(String channel, String text) {
        String cart = channel.substring(channel(link, "").length());
        BiConsumer<String, CartEvents.Event> deliver = delivery;
        if (deliver == null) {
            return;
        }
        stripes[Math.floorMod(cart.hashCode(), STRIPES)].execute(() -> {
            try {
                JsonNode message = mapper.readTree(text);
                deliver.accept(
                        cart, new CartEvents.Event(message.path("name").asText(), (ObjectNode) message.path("data")));
            } catch (RuntimeException e) {
                log.warn("Unreadable cart event from Redis dropped", e);
            }
        });
    }

    /**
     * Before coordination through Redis resumes: the channels of the carts with open tabs here are subscribed again
     * and confirmed, so a change made once the link is back reaches them (Lettuce's own resubscription may come later).
     */
    @EventListener
    void recovered(RedisLinkRecovered event) {
        link.recovering("cart-events", () -> {
            RedisLink.awaitOpen(connection);
            CompletableFuture<Void> subscribed;
            synchronized (listening) {
                if (listening.isEmpty()) {
                    return;
                }
                subscribed = subscribe(listening.keySet().stream()
                        .map(cart -> channel(link, cart))
                        .toArray(String[]::new));
            }
            try {
                subscribed.get(3, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Cart event channels not subscribed again", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Override
    public void destroy() {
        for (ExecutorService stripe : stripes) {
            stripe.shutdownNow();
        }
        StatefulRedisPubSubConnection<String, String> current = connection;
        if (current != null && current.isOpen()) {
            current.close();
        }
    }
}
