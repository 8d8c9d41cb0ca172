package io.centrabff.widgets;

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
import java.util.function.BiConsumer;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pushes a cart's widget events (suspend, resume, replace, reload, payment-lock) to every open tab of the cart, in
 * the order the cart's lane produced them, and keeps the last events per cart for diagnostics.
 */
final class CartEvents {

    private static final int LOG_SIZE = 500;

    /** One pushed event. */
    record Event(String name, ObjectNode data) {}

    /** Carries events to every instance's tabs of the cart, in one order for all. */
    interface Transport {

        /** Sends {@code event}; false if it could not, and only this instance's tabs are to get it. */
        boolean send(String cart, Event event);

        /** Hands every event sent (by any instance) to {@code deliver}, in the order they were sent. */
        void subscribe(BiConsumer<String, Event> deliver);
    }

    private final Map<String, List<SseEmitter>> streams = new ConcurrentHashMap<>();
    private final Cache<String, Deque<Event>> logs;
    private final int maxStreams;
    private final Transport transport;

    CartEvents(int maxStreams, Duration idleTtl) {
        this(maxStreams, idleTtl, null);
    }

    CartEvents(int maxStreams, Duration idleTtl, Transport transport) {
        this.maxStreams = maxStreams;
        this.logs = Caffeine.newBuilder().expireAfterAccess(idleTtl).build();
        this.transport = transport;
        if (transport != null) {
            transport.subscribe(this::deliver);
        }
    }

    /** Opens a stream for {@code cart} that starts with {@code snapshot}; 429 once the cart has too many. */
    SseEmitter open(String cart, ObjectNode snapshot) {
        List<SseEmitter> open = streams.computeIfAbsent(cart, key -> new CopyOnWriteArrayList<>());
        SseEmitter emitter = new SseEmitter(0L);
        synchronized (open) {
            if (open.size() >= maxStreams) {
                throw new BffException(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "too-many-streams",
                        "Too many event streams",
                        "This cart already has " + maxStreams + " open event streams",
                        "events",
                        Duration.ofSeconds(5),
                        null);
            }
            open.add(emitter);
        }
        Runnable remove = () -> open.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(error -> remove.run());
        send(cart, emitter, new Event("snapshot", snapshot));
        return emitter;
    }

    /** Pushes {@code name} to every open tab of {@code cart}, on every instance. */
    void publish(String cart, String name, ObjectNode data) {
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

    /** The last events of {@code cart}, oldest first. */
    List<Event> log(String cart) {
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
                    open.remove(emitter);
                }
            }
        });
        streams.values().removeIf(List::isEmpty);
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
            streams.getOrDefault(cart, new ArrayList<>()).remove(emitter);
        }
    }
}
