package io.centrabff.cart;

import io.centrabff.web.BffException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Mono;

/**
 * Serializes the mutations of one cart: on one instance a FIFO queue of waiting work ({@link CartLanes}), across
 * instances a Redis lease lock on top of it (implemented in {@code coordination}). No thread waits in the queue: the lease is
 * handed to the next mutation when the previous one closes its own. Waits are bounded; a mutation that cannot get in
 * answers 409 cart-busy.
 */
public interface CartLock {

    /** A lease once the cart is free, or 409 cart-busy after the bounded wait; the lease must be closed once. */
    Mono<Lease> enter(String cart);

    /** This instance's own lock: a FIFO lane per cart, waiting at most {@code wait}. */
    static CartLock local(Duration wait, MeterRegistry meters) {
        return new CartLanes(wait, meters);
    }

    /** 409 cart-busy: the changes queued before this one on the cart still run after the bounded wait. */
    static BffException busy() {
        return CartLanes.busy();
    }

    /** The right to change one cart, until closed. */
    final class Lease implements AutoCloseable {

        private final long fence;
        private final Duration threadBound;
        private final Runnable release;
        private final AtomicBoolean closed = new AtomicBoolean();

        /**
         * @param fence the lease's fencing token (0 for a lease of this instance only): shared state accepts writes
         *     only from the newest lease
         * @param threadBound null, or how long the lease lasts if {@link #close()} must run on the thread that entered
         * @param release what closing does
         */
        public Lease(long fence, Duration threadBound, Runnable release) {
            this.fence = fence;
            this.threadBound = threadBound;
            this.release = release;
        }

        public long fence() {
            return fence;
        }

        /** Null, or the lease's length if it must be closed by the thread that entered. */
        public Duration threadBound() {
            return threadBound;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                release.run();
            }
        }
    }
}
