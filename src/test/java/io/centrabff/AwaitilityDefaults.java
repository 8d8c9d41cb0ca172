package io.centrabff;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Awaitility settings for the whole suite (an extension every test class gets, see junit-platform.properties and
 * META-INF/services): check at once and then every 10 ms, since what tests wait for (a webhook's eviction, a Redis
 * link coming back) takes milliseconds, and give up after 10 s.
 */
public final class AwaitilityDefaults implements BeforeAllCallback {

    static {
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        Awaitility.setDefaultPollInterval(Duration.ofMillis(10));
        Awaitility.setDefaultTimeout(Duration.ofSeconds(10));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // The settings are made once, when the class is loaded.
    }
}
