package io.centrabff.web;

import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.test.util.ReflectionTestUtils;

/** Drops this instance's rate-limit buckets in a shared test context, so one test's requests never limit the next. */
public final class RateLimitMemory {

    private RateLimitMemory() {}

    public static void forget(ApplicationContext context) {
        context.getBeanProvider(LocalBuckets.class)
                .ifAvailable(buckets -> ((Map<?, ?>) ReflectionTestUtils.getField(buckets, "buckets")).clear());
    }
}
