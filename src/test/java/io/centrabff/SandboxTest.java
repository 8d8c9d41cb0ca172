package io.centrabff;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The BFF on a random port under the {@code sandbox} profile, against its embedded Centra sandbox: one application
 * context shared by every test class carrying this annotation. 127.0.0.1 is a trusted proxy (tests pick client IPs
 * with X-Forwarded-For), the admin and webhook secrets are known, anonymous shoppers see Sweden, and the widgets'
 * clock is a {@link MovableClock}. Before each test the BFF forgets its breaker states, caches and rate-limit buckets
 * and the clock is back at system time ({@link FreshState}); the sandbox's own state (carts, orders, customers) is
 * kept, so tests use their own shoppers and e-mail addresses.
 *
 * <p>Do not add properties, {@code @Import}s or {@code @DynamicPropertySource}s to a test class using this: each
 * difference starts another application context. Read configured values with {@code @Value} instead, or change
 * what a test needs at run time.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ActiveProfiles("sandbox")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bff.admin.secret=" + SandboxTest.ADMIN_SECRET,
            "bff.webhook.secret=" + SandboxTest.WEBHOOK_SECRET,
            "bff.catalog.default-country=SE",
            "bff.catalog.server-key=test-server-key",
            "bff.session.trusted-proxies=127.0.0.1/32"
        })
@Import(MovableClock.Config.class)
@ExtendWith(SandboxTest.Fresh.class)
public @interface SandboxTest {

    String ADMIN_SECRET = "admin-test-secret";
    String WEBHOOK_SECRET = "sandbox-test-webhook-secret";

    /** A BFF that remembers nothing of earlier tests. */
    final class Fresh implements BeforeEachCallback {

        @Override
        public void beforeEach(ExtensionContext extension) {
            FreshState.reset(extension);
        }
    }
}
