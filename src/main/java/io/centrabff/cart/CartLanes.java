package io.centrabff.cart;

import io.centrabff.web.BffException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

/**
 * One FIFO lane per cart: mutations of one cart run one at a time in arrival order, other carts are not slowed. The
 * lane queues work, not threads: a waiting mutation is a pending {@link Mono} that the previous mutation's lease
 * completes when it closes, so a burst of changes on one cart holds no request thread. Lanes disappear when no
 * mutation holds or waits for them.
 */
final class CartLanes implements CartLock {

    private static final class Lane {
        final Deque<Ticket> waiting = new ArrayDeque<>();
        boolean busy;
    }

    /** One waiting mutation's place in a lane: granted or abandoned, whichever happens first, never both. */
    private static final class Ticket {
        static final int WAITING = 0;
        static final int GRANTED = 1;
        static final int ABANDONED = 2;

        final AtomicInteger state = new AtomicInteger(WAITING);
        final CompletableFuture<Lease> granted = new CompletableFuture<>();
        final long queued = System.nanoTime();
        volatile Lease lease;
    }

    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final Duration wait;
    private final Timer acquiredWaits;
    private final Timer busyWaits;

    CartLanes(Duration wait) {
        this(wait, new SimpleMeterRegistry());
    }

    CartLanes(Duration wait, MeterRegistry meters) {
        this.wait = wait;
        this.acquiredWaits = waits(meters, "acquired");
        this.busyWaits = waits(meters, "busy");
    }

    private static Timer waits(MeterRegistry meters, String outcome) {
        return Timer.builder("bff.widgets.lane.wait")
                .description("Time a cart mutation waited for the earlier ones on the same cart")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(meters);
    }

    @Override
    public Mono<Lease> enter(String cart) {
        return Mono.defer(() -> {
            Ticket ticket = new Ticket();
            boolean[] free = {false};
            Lane lane = lanes.compute(cart, (key, existing) -> {
                Lane current = existing != null ? existing : new Lane();
                if (current.busy) {
                    current.waiting.addLast(ticket);
                } else {
                    current.busy = true;
                    free[0] = true;
                }
                return current;
            });
            if (free[0]) {
                acquiredWaits.record(0, TimeUnit.NANOSECONDS);
                return Mono.just(lease(cart, lane));
            }
            return Mono.fromFuture(ticket.granted, true)
                    .timeout(wait)
                    .onErrorResume(TimeoutException.class, timeout -> {
                        if (ticket.state.compareAndSet(Ticket.WAITING, Ticket.ABANDONED)) {
                            busyWaits.record(wait);
                            return Mono.error(busy());
                        }
                        // Granted in the same instant the wait ran out: take the lease rather than lose it.
                        return Mono.fromFuture(ticket.granted);
                    })
                    .doOnCancel(() -> {
                        // The caller went away while waiting; a lease granted meanwhile is handed on.
                        if (!ticket.state.compareAndSet(Ticket.WAITING, Ticket.ABANDONED)) {
                            ticket.granted.thenAccept(Lease::close);
                        }
                    });
        });
    }

    private Lease lease(String cart, Lane lane) {
        return new Lease(0, null, () -> handOn(cart, lane));
    }

    /** The holder closed its lease: the next waiting mutation gets the lane, or the lane goes away. */
    private void handOn(String cart, Lane lane) {
        while (true) {
            Ticket[] next = {null};
            lanes.compute(cart, (key, current) -> {
                if (current != lane) {
                    return current;
                }
                next[0] = current.waiting.pollFirst();
                if (next[0] == null) {
                    current.busy = false;
                    return null;
                }
                return current;
            });
            Ticket ticket = next[0];
            if (ticket == null) {
                return;
            }
            if (ticket.state.compareAndSet(Ticket.WAITING, Ticket.GRANTED)) {
                acquiredWaits.record(System.nanoTime() - ticket.queued, TimeUnit.NANOSECONDS);
                ticket.lease = lease(cart, lane);
                // Completed outside the map's lock: the next mutation continues on this thread.
                ticket.granted.complete(ticket.lease);
                return;
            }
            // That one gave up waiting: try the next.
        }
    }

    /** The answer when a mutation waited its longest for the cart. */
    static BffException busy() {
        return new BffException(
                HttpStatus.CONFLICT,
                "cart-busy",
                "Cart busy",
                "Other changes to this cart are still running; try again shortly",
                "selection",
                Duration.ofSeconds(1),
                null);
    }

    Duration waitLimit() {
        return wait;
    }

    /** Carts with a lane in use (for tests and metrics). */
    int size() {
        return lanes.size();
    }
}
