package io.centrabff.coordination;

import io.centrabff.cart.CartLock;
import io.centrabff.cart.CartLock.Lease;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import reactor.core.publisher.Mono;

/**
 * The cart's lane across instances: first this instance's FIFO lane (so at most one mutation per instance competes
 * for the cart), then a Redis lease with a fencing token. Taking the lease is one script ({@code SET NX PX} with a
 * random owner, the next token from the cart's counter, and the cart's shared state in the same reply), and so is
 * giving it back (the change's events and state, fenced, then compare-and-delete of the lease): a cart change costs
 * two round trips to Redis, plus an unawaited publish of the events that must reach the tabs before Centra is called
 * when the lease found a tab of the cart open on some instance. Shared cart state and events accept writes only with the newest token, so a holder whose lease ran out
 * cannot apply a late write. A change that finds the lease taken waits for the holder's release, which the release
 * script announces when a failed attempt marked the cart as waited for, or {@code bff.redis.lock-retry} at the
 * latest; the whole wait stays bounded by {@code bff.widgets.lane-wait}. Redis is called through Lettuce's
 * asynchronous API on one connection of its own (so Redis receives one cart's commands in the order they were sent;
 * kept answers, payment locks and {@link RedisTokenReads} use it too); the lease never blocks a request or I/O thread. While Redis is
 * unreachable the local lane alone serializes (local fallback).
 */
final class RedisCartLock implements CartLock, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisCartLock.class);

    /**
     * KEYS: lease, cart hash; ARGV: owner, lease ms, cart ttl ms, the cart's event channel. Nil while another holds the
     * lease (marking the cart as waited for), else the new fencing token with the cart's state and payment lock as
     * they are now, and how many instances listen to the cart's events (have a tab of it open).
     */
    private static final Script ACQUIRE = new Script(
            """
            if not redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then
              redis.call('HSET', KEYS[2], 'waiting', '1')
              return false
            end
            local fence = redis.call('HINCRBY', KEYS[2], 'fence', 1)
            redis.call('PEXPIRE', KEYS[2], ARGV[3])
            local values = redis.call('HMGET', KEYS[2], 'state', 'lock')
            local listening = redis.call('PUBSUB', 'NUMSUB', ARGV[4])[2]
            return {fence, values[1], values[2], listening}
            """);

    /**
     * KEYS: cart hash, lease; ARGV: fence, owner, the cart's event channel, cart ttl ms, state ('' for none), version, release channel,
     * cart, events... Writes and publishes only while the fence is the newest; releases the lease only if it is still
     * the caller's, and then announces the release if another instance waits for it. Answers {newest, released}.
     */
    private static final Script FINISH = new Script(
            """
            local newest = redis.call('HGET', KEYS[1], 'fence') == ARGV[1]
            if newest then
              for i = 9, #ARGV do redis.call('PUBLISH', ARGV[3], ARGV[i]) end
              if ARGV[5] ~= '' then
                redis.call('HSET', KEYS[1], 'state', ARGV[5], 'version', ARGV[6])
                redis.call('PEXPIRE', KEYS[1], ARGV[4])
              end
            end
            local released = 0
            if redis.call('GET', KEYS[2]) == ARGV[2] then
              released = redis.call('DEL', KEYS[2])
              if redis.call('HDEL', KEYS[1], 'waiting') == 1 then redis.call('PUBLISH', ARGV[7], ARGV[8]) end
            end
            return {newest and 1 or 0, released}
            """);

    /** KEYS: cart hash; ARGV: fence ('' for none), channel, message. Publishes if the fence is the newest; -1 if not. */
    static final Script PUBLISH = new Script(
            """
            if ARGV[1] ~= '' and redis.call('HGET', KEYS[1], 'fence') ~= ARGV[1] then return -1 end
            return redis.call('PUBLISH', ARGV[2], ARGV[3])
            """);

    /** Where a release is announced (with the cart's name) when another instance waits for the cart. */
    static final String RELEASED = "cart-released";

    /** A Lua script sent by its digest, and in full only when Redis does not know it yet (after a restart). */
    record Script(String text, String sha) {
        Script(String text) {
            this(text, sha1(text));
        }

        private static String sha1(String text) {
            try {
                return HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * A lease this instance holds: its token, the cart's shared state as the lease found it (applied by
     * {@link RedisCarts#pull} inside it, once to each copy), how many instances had a tab of the cart open then, and
     * what the change hands back with the release.
     */
    static final class Held {
        final long fence;
        final String state;
        final String lock;
        final long listeners;
        private final List<Object> restoredCopies = new ArrayList<>(2);
        private final List<Pending> events = new ArrayList<>();
        private String stateJson;
        private String version;
        private Runnable stateUnsaved;

        Held(long fence, String state, String lock, long listeners) {
            this.fence = fence;
            this.state = state;
            this.lock = lock;
            this.listeners = listeners;
        }

        /**
         * Runs {@code restore} (the state the lease found applied to {@code copy}, without asking Redis) once per copy,
         * and only after every earlier call has finished. Once per copy, not once per lease: a copy made while the
         * lease is held (a widget's signal or a tab for a cart this instance had no copy of yet builds a candidate
         * copy, which may be dropped for the holder's own) gets the state too, and the holder's copy is still restored
         * when its own pull comes later. Again into the same copy, it would undo the holder's changes.
         */
        synchronized void restoreOnce(Object copy, Runnable restore) {
            for (Object restored : restoredCopies) {
                if (restored == copy) {
                    return;
                }
            }
            restoredCopies.add(copy);
            restore.run();
        }

        /** The state to write with the release; {@code unsaved} runs if it cannot be. */
        synchronized void state(String json, long version, Runnable unsaved) {
            this.stateJson = json;
            this.version = Long.toString(version);
            this.stateUnsaved = unsaved;
        }

        /** An event to publish with the release; {@code undelivered} runs if Redis cannot be reached. */
        synchronized void event(String message, Runnable undelivered) {
            events.add(new Pending(message, undelivered));
        }
    }

    private record Pending(String message, Runnable undelivered) {}

    private final CartLock lanes;
    private final Duration waitLimit;
    private final RedisLink link;
    private final AbstractRedisClient client;
    private final Duration stateTtl;
    private final MeterRegistry meters;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    /**
     * The carts whose lease a change on this instance waits for (at most one per cart: the local lane lets one change
     * at a time compete), each with what completes when the holder announces its release.
     */
    private final Map<String, CompletableFuture<Void>> releases = new ConcurrentHashMap<>();

    private volatile StatefulConnection<String, String> connection;

    RedisCartLock(
            CartLock lanes,
            Duration waitLimit,
            RedisLink link,
            AbstractRedisClient client,
            Duration stateTtl,
            MeterRegistry meters) {
        this.lanes = lanes;
        this.waitLimit = waitLimit;
        this.link = link;
        this.client = client;
        this.stateTtl = stateTtl;
        this.meters = meters;
        for (String outcome : List.of("acquired", "busy", "lease-lost")) {
            meters.counter("bff.cart.lock", "outcome", outcome);
        }
        link.subscribe(RELEASED, cart -> {
            // Completed, not removed: the attempt that registered it may still be waiting for its answer.
            CompletableFuture<Void> release = releases.get(cart);
            if (release != null) {
                release.complete(null);
            }
        });
    }

    @Override
    public Mono<Lease> enter(String cart) {
        long started = System.nanoTime();
        return lanes.enter(cart).flatMap(lane -> shared(cart, lane, started));
    }

    private Mono<Lease> shared(String cart, Lease lane, long started) {
        if (!link.up()) {
            link.fellBack("cart-lock");
            return Mono.just(lane);
        }
        String key = leaseKey(cart);
        String owner = link.instance() + ":" + UUID.randomUUID();
        long deadline = started + waitLimit.toNanos();
        // A running attempt is never cancelled (it could leave the lease taken with nobody to release it); the
        // deadline is checked between attempts.
        return Mono.defer(() -> attempt(cart, key, owner, deadline))
                .repeatWhenEmpty(
                        attempts -> attempts.concatMap(attempt -> released(cart).thenReturn(attempt)))
                .doFinally(signal -> releases.remove(cart))
                .flatMap(taken -> taken == WAITED_TOO_LONG ? Mono.error(new TimeoutException()) : Mono.just(taken))
                // The change goes on on Lettuce's event loop: nothing it does before it calls Centra blocks (kept
                // answers, the payment lock and events go out on this connection without waiting).
                .map(taken -> {
                    held.put(cart, taken);
                    meters.counter("bff.cart.lock", "outcome", "acquired").increment();
                    return new Lease(taken.fence, null, () -> {
                        held.remove(cart, taken);
                        finish(cart, key, owner, taken).whenComplete((done, error) -> lane.close());
                    });
                })
                .onErrorResume(TimeoutException.class, timeout -> {
                    lane.close();
                    meters.counter("bff.cart.lock", "outcome", "busy").increment();
                    return Mono.error(CartLock.busy());
                })
                .onErrorResume(RuntimeException.class, error -> {
                    if (error instanceof io.centrabff.web.BffException) {
                        return Mono.error(error);
                    }
                    link.failed("cart-lock", error);
                    return Mono.just(lane);
                })
                .doOnCancel(lane::close);
    }

    /** Fencing tokens start at 1, so this can only mean the wait's end. */
    private static final Held WAITED_TOO_LONG = new Held(-1, null, null, 0);

    /** One attempt: the lease once taken, empty to try again, or the wait's end. */
    private Mono<Held> attempt(String cart, String key, String owner, long deadline) {
        // Before asking: a release announced while the answer is on its way must not be missed.
        releases.put(cart, new CompletableFuture<>());
        CompletableFuture<List<Object>> reply = eval(
                ACQUIRE,
                ScriptOutputType.MULTI,
                new String[] {key, RedisCarts.key(link, cart)},
                owner,
                Long.toString(link.properties().cartLease().toMillis()),
                Long.toString(stateTtl.toMillis()),
                RedisCartEvents.channel(link, cart));
        // Lettuce reads the script's nil (lease taken) as a list holding one null.
        return Mono.fromFuture(reply, true)
                .filter(values -> !values.isEmpty() && values.get(0) instanceof Long)
                .map(values -> new Held(
                        (Long) values.get(0), (String) values.get(1), (String) values.get(2), (Long) values.get(3)))
                .switchIfEmpty(
                        Mono.defer(() -> System.nanoTime() - deadline > 0 ? Mono.just(WAITED_TOO_LONG) : Mono.empty()))
                .onErrorMap(CompletionException.class, Throwable::getCause);
    }

    /**
     * The next attempt's cue: the holder's release, announced on {@link #RELEASED}, or {@code bff.redis.lock-retry}
     * at the latest (a holder that crashed announces nothing; its lease runs out).
     */
    private Mono<Void> released(String cart) {
        CompletableFuture<Void> release = releases.get(cart);
        Mono<Void> pause = Mono.delay(link.properties().lockRetry()).then();
        return release == null ? pause : Mono.firstWithSignal(Mono.fromFuture(release, true), pause);
    }

    private String leaseKey(String cart) {
        return link.key("cart-lock") + ":" + cart;
    }

    /** The lease this instance holds on {@code cart}, or null. */
    Held held(String cart) {
        return held.get(cart);
    }

    /** The fencing token of the lease this instance holds on {@code cart}, or null. */
    Long fence(String cart) {
        Held lease = held.get(cart);
        return lease == null ? null : lease.fence;
    }

    /** The change's events and state, and the lease's release, in one trip; completes (never fails) when done. */
    private CompletableFuture<Void> finish(String cart, String key, String owner, Held lease) {
        List<Pending> events;
        String state;
        String version;
        Runnable stateUnsaved;
        synchronized (lease) {
            events = List.copyOf(lease.events);
            state = lease.stateJson;
            version = lease.version;
            stateUnsaved = lease.stateUnsaved;
        }
        Runnable keptLocally = () -> {
            events.forEach(event -> event.undelivered().run());
            if (stateUnsaved != null) {
                stateUnsaved.run();
            }
        };
        if (!link.up()) {
            // The lease expires by itself; what the change made is kept here until Redis returns.
            link.fellBack("cart-lock");
            keptLocally.run();
            return CompletableFuture.completedFuture(null);
        }
        List<String> args = new ArrayList<>(List.of(
                Long.toString(lease.fence),
                owner,
                RedisCartEvents.channel(link, cart),
                Long.toString(stateTtl.toMillis()),
                state == null ? "" : state,
                version == null ? "" : version,
                link.key(RELEASED),
                cart));
        events.forEach(event -> args.add(event.message()));
        return this.<List<Object>>eval(
                        FINISH,
                        ScriptOutputType.MULTI,
                        new String[] {RedisCarts.key(link, cart), key},
                        args.toArray(String[]::new))
                .handle((values, error) -> {
                    if (error != null) {
                        link.failed("cart-lock", error instanceof CompletionException ? error.getCause() : error);
                        keptLocally.run();
                        return null;
                    }
                    if (!Long.valueOf(1).equals(values.get(0))) {
                        if (state != null) {
                            RedisCarts.refused(meters, log, "A late write to a cart's shared state was refused");
                        }
                        events.forEach(event -> RedisCarts.refused(meters, log, "A late cart event was dropped"));
                    }
                    if (!Long.valueOf(1).equals(values.get(1))) {
                        // The lease ran out while the change ran: another instance may hold the cart now. Its
                        // fencing token is newer, so writes made under this lease after that were refused.
                        meters.counter("bff.cart.lock", "outcome", "lease-lost").increment();
                        log.warn("The lease on a cart ran out before its mutation finished");
                    }
                    return null;
                });
    }

    /**
     * Runs {@code script} on this component's connection without waiting: by digest, and in full if Redis answers
     * that it does not know it. Fails (never throws) if Redis cannot be reached.
     */
    <T> CompletableFuture<T> eval(Script script, ScriptOutputType type, String[] keys, String... args) {
        try {
            var commands = commands();
            CompletableFuture<T> bySha =
                    commands.<T>evalsha(script.sha(), type, keys, args).toCompletableFuture();
            return bySha.handle((value, error) -> {
                        Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                        if (cause instanceof RedisNoScriptException) {
                            return commands.<T>eval(script.text(), type, keys, args)
                                    .toCompletableFuture();
                        }
                        return error == null
                                ? CompletableFuture.completedFuture(value)
                                : CompletableFuture.<T>failedFuture(cause);
                    })
                    .thenCompose(next -> next);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Sends {@code command} on this component's connection without waiting, after everything sent on it before (a
     * lease's release included). Fails (never throws) if Redis cannot be reached.
     */
    <T> CompletableFuture<T> send(Function<RedisClusterAsyncCommands<String, String>, RedisFuture<T>> command) {
        try {
            return command.apply(commands()).toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private RedisClusterAsyncCommands<String, String> commands() {
        StatefulConnection<String, String> current = connection;
        if (current == null) {
            synchronized (this) {
                if (connection == null) {
                    // Connects on first use (Redis may be down at start-up); Lettuce then reconnects by itself.
                    connection = client instanceof RedisClusterClient cluster
                            ? cluster.connect(StringCodec.UTF8)
                            : ((RedisClient) client).connect(StringCodec.UTF8);
                }
                current = connection;
            }
        }
        return current instanceof StatefulRedisClusterConnection<String, String> cluster
                ? cluster.async()
                : ((StatefulRedisConnection<String, String>) current).async();
    }

    /** Before coordination through Redis resumes: wait (briefly) for this connection to be back too. */
    @EventListener
    void recovered(RedisLinkRecovered event) {
        link.recovering("cart-lock", () -> {
            RedisLink.awaitOpen(connection);
        });
    }

    /** Closes the connection, unless stopping Spring's connection factory already shut its client down. */
    @Override
    public synchronized void destroy() {
        if (connection != null && connection.isOpen()) {
            connection.close();
        }
    }
}
