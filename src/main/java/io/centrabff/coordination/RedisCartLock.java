package io.centrabff.coordination;

import io.centrabff.cart.CartLock;
import io.centrabff.cart.CartLock.Lease;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The cart's lane across instances: first this instance's FIFO lane (so at most one mutation per instance competes
 * for the cart), then a Redis lease ({@code SET NX PX} with a random owner, released by compare-and-delete, so any
 * thread may release it), then a fencing token from the cart's counter in Redis. Shared cart state and events accept
 * writes only with the newest token, so a holder whose lease ran out cannot apply a late write. The whole wait stays
 * bounded by {@code bff.widgets.lane-wait}; Redis calls run on Reactor's bounded elastic pool, never on a request or
 * I/O thread. While Redis is unreachable the local lane alone serializes (local fallback).
 */
final class RedisCartLock implements CartLock {

    private static final Logger log = LoggerFactory.getLogger(RedisCartLock.class);

    private static final RedisScript<Long> RELEASE = RedisScript.of(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
            Long.class);

    /** Redis calls run here, never on a request or I/O thread. */
    private static final Executor REDIS = task -> Schedulers.boundedElastic().schedule(task);

    private final CartLock lanes;
    private final Duration waitLimit;
    private final RedisLink link;
    private final Duration stateTtl;
    private final MeterRegistry meters;
    private final Map<String, Long> held = new ConcurrentHashMap<>();

    RedisCartLock(CartLock lanes, Duration waitLimit, RedisLink link, Duration stateTtl, MeterRegistry meters) {
        this.lanes = lanes;
        this.waitLimit = waitLimit;
        this.link = link;
        this.stateTtl = stateTtl;
        this.meters = meters;
        for (String outcome : List.of("acquired", "busy", "lease-lost")) {
            meters.counter("bff.cart.lock", "outcome", outcome);
        }
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
        String key = link.key("cart-lock") + ":" + cart;
        String owner = link.instance() + ":" + UUID.randomUUID();
        Duration lease = link.properties().cartLease();
        long deadline = started + waitLimit.toNanos();
        // Each attempt (SET NX, then the fencing token) runs as a whole on the bounded elastic pool through a future
        // that is never cancelled: interrupting a Redis call would count as Redis going away and could leave the lease
        // taken. The deadline is checked between attempts.
        return Mono.defer(() -> Mono.fromFuture(
                        CompletableFuture.supplyAsync(() -> attempt(cart, key, owner, lease, deadline), REDIS), true))
                .repeatWhenEmpty(
                        attempts -> attempts.delayElements(link.properties().lockRetry()))
                .flatMap(fence -> WAITED_TOO_LONG.equals(fence) ? Mono.error(new TimeoutException()) : Mono.just(fence))
                .map(fence -> {
                    held.put(cart, fence);
                    meters.counter("bff.cart.lock", "outcome", "acquired").increment();
                    return new Lease(fence, null, () -> {
                        held.remove(cart, fence);
                        REDIS.execute(() -> {
                            try {
                                release(key, owner);
                            } finally {
                                lane.close();
                            }
                        });
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
    private static final Long WAITED_TOO_LONG = -1L;

    /** One attempt: the new fencing token once the lease is taken, null to try again, or the wait's end. */
    private Long attempt(String cart, String key, String owner, Duration lease, long deadline) {
        if (Boolean.TRUE.equals(link.redis().opsForValue().setIfAbsent(key, owner, lease))) {
            return RedisCarts.nextFence(link, cart, stateTtl);
        }
        return System.nanoTime() - deadline > 0 ? WAITED_TOO_LONG : null;
    }

    /** The fencing token of the lease this instance holds on {@code cart}, or null. */
    Long fence(String cart) {
        return held.get(cart);
    }

    private void release(String key, String owner) {
        try {
            Long released = link.redis().execute(RELEASE, List.of(key), owner);
            if (released == null || released == 0) {
                // The lease ran out while the mutation ran: another instance may hold the cart now. Its fencing
                // token is newer, so writes made under this lease after that were refused.
                meters.counter("bff.cart.lock", "outcome", "lease-lost").increment();
                log.warn("The lease on a cart ran out before its mutation finished");
            }
        } catch (RuntimeException e) {
            // Redis went away; the lease expires by itself.
            link.failed("cart-lock", e);
        }
    }
}
