package io.centrabff;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for asynchronous work by re-reading until a condition holds, with a deadline (never a fixed sleep). */
public final class Poll {

    private Poll() {}

    public static <T> T until(Supplier<T> read, Predicate<T> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        T value = read.get();
        while (!done.test(value)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Condition not met within 10 s; last value: " + value);
            }
            Thread.onSpinWait();
            value = read.get();
        }
        return value;
    }
}
