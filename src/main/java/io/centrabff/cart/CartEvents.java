package io.centrabff.cart;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.centrabff.web.BffException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pushes a cart's events (suspend, resume, replace, reload, payment-lock) to every open tab of the cart, in
 * the order the cart's lane produced them, and keeps the last events delivered to this instance per cart for
 * diagnostics. With a shared transport an instance receives the events of the carts it has tabs of, and only those.
 */
public final class CartEvents {

    private static final int LOG_SIZE = 200;
    private static final int MAX_LOGS = 5_000;

    /** One pushed event. */
    public record Event(String name, ObjectNode data) {}

    /** Carries events to every instance's tabs of the cart, in one order for all. */
    public interface Transport {

        /**
         * From the return on, the events of {@code cart} sent by any instance reach this one (until as many calls of
         * {@link #ignore} as of this one): called before a tab's snapshot is taken, so no change made after the
         * snapshot is missed.
         */
        default void listen(String cart) {}

        /** One tab of {@code cart} fewer on this instance; once none is left, its events stop coming here. */
        default void ignore(String cart) {}

        /** This instance alone: its own tabs get its events. */
        Transport LOCAL = new Transport() {
            @Override
            public boolean send(String cart, Event event) {
                return false;
            }

            @Override
            public void subscribe(BiConsumer<String, Event> deliver) {}
        };

        /** Sends {@code event}; false if it could not, and only this instance's tabs are to get it. */
        boolean send(String cart, Event event);

        /**
         * Hands every event sent (by any instance) of a cart this instance listens to to {@code deliver}, in the
         * order they were sent.
         */
        void subscribe(BiConsumer<String, Event> deliver);
    }

    /** How many streams may be open: per cart, per client address and in all. */
    record Limits(int perCart, int perClient, int total) {}

    private final Map<String, List<SseEmitter>> streams = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perClient = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final Cache<String, Deque<Event>> logs;
    private final Limits limits;
    private final Transport transport;

    CartEvents(int maxStreams, Duration idleTtl) {
        this(new Limits(maxStreams, Integer.MAX_VALUE, Integer.MAX_VALUE), idleTtl, null);
    }

    CartEvents(Limits limits, Duration idleTtl, Transport transport) {
        this.limits = limits;
        this.logs = Caffeine.newBuilder()
                .expireAfterAccess(idleTtl)
                .maximumSize(MAX_LOGS)
                .build();
        this.transport = transport;
        if (transport != null) {
            transport.subscribe(this::deliver);
        }
    }

    /**
     * Opens a stream for {@code cart} that starts with {@code snapshot}; 429 once the cart, the client address or the
     * instance has too many. The snapshot is taken once this instance receives the cart's events, and before any
     * event reaches the stream, so the tab misses no change. A slot is freed when the stream ends: completed, timed
     * out, or found dead by a heartbeat.
     */
    public SseEmitter open(String cart, String client, Supplier<ObjectNode> snapshot) {
        String clientKey = client == null ? "" : client;
        AtomicInteger mine = perClient.computeIfAbsent(clientKey, key -> new AtomicInteger());
        if (mine.incrementAndGet() > limits.perClient()) {
            release(clientKey, mine);
            throw tooMany("This client already has " + limits.perClient() + " open event streams");
        }
        if (total.incrementAndGet() > limits.total()) {
            total.decrementAndGet();
            release(clientKey, mine);
            throw tooMany("Too many event streams are open; try again shortly");
        }
        if (streams(cart) >= limits.perCart()) {
            // Checked again below; refused here first, so a tab too many costs no subscription.
            total.decrementAndGet();
            release(clientKey, mine);
            throw tooManyForCart();
        }
        SseEmitter emitter = new SseEmitter(0L);
        AtomicBoolean freed = new AtomicBoolean();
        Runnable remove = () -> {
            slots.remove(emitter);
            drop(cart, emitter);
            if (freed.compareAndSet(false, true)) {
                total.decrementAndGet();
                release(clientKey, mine);
                if (transport != null) {
                    transport.ignore(cart);
                }
            }
        };
        if (transport != null) {
            transport.listen(cart);
        }
        Deque<Event> log = logs.get(cart, key -> new ArrayDeque<>());
        // Under the log's monitor: an event delivered meanwhile waits, and reaches this stream after its snapshot.
        synchronized (log) {
            // Added in the map's own step for the cart: a heartbeat dropping the cart's empty list meanwhile cannot
            // leave this stream in a list nothing delivers to.
            boolean[] full = {false};
            streams.compute(cart, (key, current) -> {
                List<SseEmitter> open = current != null ? current : new CopyOnWriteArrayList<>();
                if (open.size() >= limits.perCart()) {
                    full[0] = true;
                } else {
                    open.add(emitter);
                }
                return open.isEmpty() ? null : open;
            });
            if (full[0]) {
                remove.run();
                throw tooManyForCart();
            }
            slots.put(emitter, remove);
            emitter.onCompletion(remove);
            emitter.onTimeout(remove);
            emitter.onError(error -> remove.run());
            try {
                send(cart, emitter, new Event("snapshot", snapshot.get()));
            } catch (RuntimeException e) {
                remove.run();
                throw e;
            }
        }
        return emitter;
    }

    /** Open streams on this instance (for tests and metrics). */
    int openStreams() {
        return total.get();
    }

    private void release(String client, AtomicInteger count) {
        if (count.decrementAndGet() <= 0) {
            perClient.remove(client, count);
        }
    }

    private BffException tooManyForCart() {
        return tooMany("This cart already has " + limits.perCart() + " open event streams");
    }

    private static BffException tooMany(String detail) {
        return new BffException(
                HttpStatus.TOO_MANY_REQUESTS,
                "too-many-streams",
                "Too many event streams",
                detail,
                "events",
                Duration.ofSeconds(5),
                null);
    }

    /** Pushes {@code name} to every open tab of {@code cart}, on every instance. */
    public void publish(String cart, String name, ObjectNode data) {
        Event event = new Event(name, data);
        if (transport == null || !transport.send(cart, event)) {
            deliver(cart, event);
        }
    }

    /** Records {@code event} and pushes it to this instance's open tabs of {@code cart}. */
    private void deliver(String cart, Event event) {
        Deque<Event> log = logs.get(cart, key -> new ArrayDeque<>());
        synchronized (log) {
            if (log.size() == LOG_SIZE) {
                log.removeFirst();
            }
            log.addLast(event);
            // Sending under the log's monitor keeps every stream in the order of the log.
            for (SseEmitter emitter : streams.getOrDefault(cart, List.of())) {
                send(cart, emitter, event);
            }
        }
    }

    /** The last events of {@code cart} delivered to this instance, oldest first. */
    public List<Event> log(String cart) {
        Deque<Event> log = logs.getIfPresent(cart);
        if (log == null) {
            return List.of();
        }
        synchronized (log) {
            return new ArrayList<>(log);
        }
    }

    int streams(String cart) {
        return streams.getOrDefault(cart, List.of()).size();
    }

    /** A comment line on every open stream, so proxies keep idle streams open and dead ones are noticed. */
    void heartbeat() {
        streams.forEach((cart, open) -> {
            for (SseEmitter emitter : open) {
                try {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                } catch (IOException | IllegalStateException e) {
                    // The tab is gone: free its slot now rather than when the container notices.
                    free(emitter);
                    drop(cart, emitter);
                }
            }
        });
    }

    /** Takes {@code emitter} off {@code cart}'s streams, and the cart off the map with its last stream. */
    private void drop(String cart, SseEmitter emitter) {
        streams.computeIfPresent(cart, (key, open) -> {
            open.remove(emitter);
            return open.isEmpty() ? null : open;
        });
    }

    private final Map<SseEmitter, Runnable> slots = new ConcurrentHashMap<>();

    private void free(SseEmitter emitter) {
        Runnable remove = slots.remove(emitter);
        if (remove != null) {
            remove.run();
        }
    }

    /** Ends every open stream, so a shutting-down server does not wait for tabs that never hang up. */
    void completeAll() {
        streams.values().forEach(open -> open.forEach(SseEmitter::complete));
        streams.clear();
    }

    private void send(String cart, SseEmitter emitter, Event event) {
        try {
            SseEmitter.SseEventBuilder builder =
                    SseEmitter.event().name(event.name()).data(event.data());
            if (event.data().has("cartVersion")) {
                builder.id(event.data().get("cartVersion").asText());
            }
            emitter.send(builder);
        } catch (IOException | IllegalStateException e) {
            free(emitter);
            drop(cart, emitter);
        }
    }
}
