package io.centrabff.customer;

import io.centrabff.web.BffException;
import io.centrabff.web.RateLimiter;
import java.time.Duration;
import java.util.Locale;
import org.springframework.http.CacheControl;

/**
 * Per-account rate limits. Sign-in counts failures only, so nobody can lock a customer out by guessing at the address:
 * per account and client together (an attacker's guesses cost only the attacker's budget), plus a much higher ceiling
 * per account across all clients (guesses spread over many addresses still stop). Reset e-mails are counted per
 * account whoever asks. The per-IP limits are path rules applied by the web layer before a request gets here.
 */
final class AccountLimits {

    /** Failed sign-ins per account and client. */
    static final String LOGIN = "login-account-client";
    /** Failed sign-ins per account, from every client together: the ceiling. */
    static final String LOGIN_CEILING = "login-account";

    static final String PASSWORD_RESET = "password-reset-account";

    private final RateLimiter limiter;

    AccountLimits(RateLimiter limiter) {
        this.limiter = limiter;
    }

    /** Takes one attempt for {@code email} under {@code rule}, or throws the 429 answer. */
    void consume(String rule, String email) {
        limiter.tryConsume(rule, normalise(email)).ifPresent(wait -> refuse(rule, wait));
    }

    /** Refuses a sign-in while this client or every client together has used up the failures allowed for it. */
    void checkLogin(String email, String client) {
        limiter.check(LOGIN, pair(email, client)).ifPresent(wait -> refuse(LOGIN, wait));
        limiter.check(LOGIN_CEILING, normalise(email)).ifPresent(wait -> refuse(LOGIN_CEILING, wait));
    }

    /** Counts a sign-in Centra refused. */
    void loginFailed(String email, String client) {
        limiter.spend(LOGIN, pair(email, client));
        limiter.spend(LOGIN_CEILING, normalise(email));
    }

    private static String pair(String email, String client) {
        return normalise(email) + "|" + client;
    }

    private static void refuse(String rule, Duration wait) {
        BffException rejection = RateLimiter.tooManyRequests(rule, wait);
        rejection.getHeaders().setCacheControl(CacheControl.noStore().getHeaderValue());
        throw rejection;
    }

    /** {@code " Ada@Example.com"} and {@code "ada@example.com"} are one account: case and spaces do not buy attempts. */
    static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
