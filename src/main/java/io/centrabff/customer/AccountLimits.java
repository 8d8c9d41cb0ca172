package io.centrabff.customer;

import io.centrabff.web.BffException;
import io.centrabff.web.RateLimiter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.CacheControl;

/**
 * Per-account rate limits: attempts on one e-mail address are counted whichever IP they come from, so an attacker
 * spreading password guesses (or reset e-mails to a victim) over many addresses still hits a limit. The per-IP limits
 * are path rules applied by the web layer before a request gets here.
 */
final class AccountLimits {

    static final String LOGIN = "login-account";
    static final String PASSWORD_RESET = "password-reset-account";

    private final RateLimiter limiter;

    AccountLimits(RateLimiter limiter) {
        this.limiter = limiter;
    }

    /** Takes one attempt for {@code email} under {@code rule}, or throws the 429 answer. */
    void consume(String rule, String email) {
        Optional<Duration> wait = limiter.tryConsume(rule, normalise(email));
        if (wait.isPresent()) {
            BffException rejection = RateLimiter.tooManyRequests(rule, wait.get());
            rejection.getHeaders().setCacheControl(CacheControl.noStore().getHeaderValue());
            throw rejection;
        }
    }

    /** {@code " Ada@Example.com"} and {@code "ada@example.com"} are one account: case and spaces do not buy attempts. */
    static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
