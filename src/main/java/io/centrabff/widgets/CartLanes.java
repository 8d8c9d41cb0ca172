package io.centrabff.widgets;

import io.centrabff.web.BffException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;

/**
 * One FIFO lane per cart: mutations of one cart run one at a time in arrival order, other carts are not slowed. A
 * fair semaphore has no owner thread, so the reactive pipeline may release it from any thread. Lanes are
 * reference-counted and disappear when no request holds or waits for them.
 */
final class CartLanes implements CartLock {

    private static final class Lane {
        final Semaphore semaphore = new Semaphore(1, true);
        int users;
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
    public Lease enter(String cart) {
        Lane lane = lanes.compute(cart, (key, existing) -> {
            Lane current = existing != null ? existing : new Lane();
            current.users++;
            return current;
        });
        boolean acquired = false;
        long started = System.nanoTime();
        try {
            acquired = lane.semaphore.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        (acquired ? acquiredWaits : busyWaits).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        if (!acquired) {
            leave(cart, lane);
            throw busy();
        }
        return new Lease(0, null, () -> {
            lane.semaphore.release();
            leave(cart, lane);
        });
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

    private void leave(String cart, Lane lane) {
        lanes.computeIfPresent(cart, (key, current) -> {
            if (current != lane) {
                return current;
            }
            current.users--;
            return current.users == 0 ? null : current;
        });
    }
}
