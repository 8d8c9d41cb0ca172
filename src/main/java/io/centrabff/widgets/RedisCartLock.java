package io.centrabff.widgets;

import io.centrabff.coordination.RedisLink;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.redis.util.RedisLockRegistry;

/**
 * The cart's lane across instances: first this instance's FIFO lane (so at most one request per instance competes
 * for the cart), then Spring Integration's Redis lease lock, then a fencing token from the cart's counter in Redis.
 * Shared cart state and events accept writes only with the newest token, so a holder whose lease ran out cannot
 * apply a late write. The whole wait stays bounded by {@code bff.widgets.lane-wait}. While Redis is unreachable the
 * local lane alone serializes (local fallback).
 */
final class RedisCartLock implements CartLock {

    private static final Logger log = LoggerFactory.getLogger(RedisCartLock.class);

    private final CartLanes lanes;
    private final RedisLockRegistry registry;
    private final RedisLink link;
    private final Duration stateTtl;
    private final MeterRegistry meters;
    private final Map<String, Long> held = new ConcurrentHashMap<>();

    RedisCartLock(
            CartLanes lanes, RedisLockRegistry registry, RedisLink link, Duration stateTtl, MeterRegistry meters) {
        this.lanes = lanes;
        this.registry = registry;
        this.link = link;
        this.stateTtl = stateTtl;
        this.meters = meters;
        for (String outcome : List.of("acquired", "busy", "lease-lost")) {
            meters.counter("bff.cart.lock", "outcome", outcome);
        }
    }

    @Override
    public Lease enter(String cart) {
        long started = System.nanoTime();
        Lease lane = lanes.enter(cart);
        if (!link.up()) {
            link.fellBack("cart-lock");
            return lane;
        }
        Lock lock = registry.obtain(cart);
        long left = lanes.waitLimit().toNanos() - (System.nanoTime() - started);
        boolean acquired;
        try {
            acquired = lock.tryLock(Math.max(0, left), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lane.close();
            throw CartLanes.busy();
        } catch (RuntimeException e) {
            link.failed("cart-lock", e);
            return lane;
        }
        if (!acquired) {
            lane.close();
            meters.counter("bff.cart.lock", "outcome", "busy").increment();
            throw CartLanes.busy();
        }
        long fence;
        try {
            fence = RedisCarts.nextFence(link, cart, stateTtl);
        } catch (RuntimeException e) {
            release(cart, lock);
            link.failed("cart-lock", e);
            return lane;
        }
        held.put(cart, fence);
        meters.counter("bff.cart.lock", "outcome", "acquired").increment();
        return new Lease(fence, link.properties().cartLease(), () -> {
            held.remove(cart, fence);
            try {
                release(cart, lock);
            } finally {
                lane.close();
            }
        });
    }

    /** The fencing token of the lease this instance holds on {@code cart}, or null. */
    Long fence(String cart) {
        return held.get(cart);
    }

    private void release(String cart, Lock lock) {
        try {
            lock.unlock();
        } catch (IllegalStateException | java.util.ConcurrentModificationException e) {
            // The lease ran out while the mutation ran: another instance may hold the cart now. Its fencing token is
            // newer, so writes made under this lease after that were refused.
            meters.counter("bff.cart.lock", "outcome", "lease-lost").increment();
            log.warn("The lease on a cart ran out before its mutation finished ({})", e.getMessage());
        } catch (RuntimeException e) {
            // Redis went away; the lease expires by itself.
            link.failed("cart-lock", e);
        }
    }
}
