package io.centrabff.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.SandboxTest;
import io.centrabff.ShopperClient.Reply;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Sign-in and reset e-mails are limited per client IP (path rules) and per account (in code), with the default
 * limits from application.yml. Client IPs come from X-Forwarded-For, believed from the loopback "proxy".
 */
@SandboxTest
class CustomerRateLimitTests {

    static final Map<String, String> GUESS = Map.of("password", "a guess at it");

    @LocalServerPort
    int port;

    @Test
    void eleventhLoginInAMinuteFromOneIpIsRejectedWithRetryAfter() {
        CustomerBrowser attacker = new CustomerBrowser(port);
        for (int i = 0; i < 10; i++) {
            // Different accounts, so only the per-IP rule can be what stops the 11th.
            Reply attempt = attacker.post("/login/" + CustomerAccountTests.newEmail(), GUESS);
            assertThat(attempt.status()).as("attempt %d", i + 1).isEqualTo(406);
        }

        Reply rejected = attacker.post("/login/" + CustomerAccountTests.newEmail(), GUESS);

        assertProblem(rejected, 429);
        assertThat(Integer.parseInt(rejected.header("Retry-After"))).isBetween(1, 60);
        assertThat(new CustomerBrowser(port)
                        .post("/login/" + CustomerAccountTests.newEmail(), GUESS)
                        .status())
                .as("another IP is not limited")
                .isEqualTo(406);
    }

    @Test
    void guessesAtOneAccountFromManyIpsHitThePerAccountLimit() {
        String victim = CustomerAccountTests.newEmail();
        for (int i = 0; i < 5; i++) {
            assertThat(new CustomerBrowser(port).post("/login/" + victim, GUESS).status())
                    .isEqualTo(406);
        }

        Reply rejected = new CustomerBrowser(port).post("/login/" + victim.toUpperCase(), GUESS);

        assertProblem(rejected, 429);
        assertThat(rejected.json().at("/errors/rateLimit").asText()).contains("login-account");
        assertThat(rejected.header("Retry-After")).isNotBlank();
        assertThat(rejected.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void resetEmailsToOneAddressAreLimitedAcrossIps() {
        String victim = CustomerAccountTests.newEmail();
        Map<String, String> body = Map.of("linkUri", "account/reset");
        for (int i = 0; i < 3; i++) {
            assertThat(new CustomerBrowser(port)
                            .post("/password-reset-email/" + victim, body)
                            .status())
                    .isEqualTo(200);
        }

        Reply rejected = new CustomerBrowser(port).post("/password-reset-email/" + victim, body);

        assertProblem(rejected, 429);
        assertThat(rejected.header("Retry-After")).isNotBlank();
    }

    /** The BFF's own error shape: problem+json that also carries Centra's {@code errors} object. */
    static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).contains("application/problem+json");
        assertThat(reply.json().path("status").asInt()).isEqualTo(status);
        assertThat(reply.json().path("errors").isObject()).isTrue();
        assertThat(reply.json().path("correlationId").asText()).isNotBlank();
    }
}
