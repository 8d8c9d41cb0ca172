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

        // The bucket refills one attempt every 6 s: on a slow machine the 11th may already have earned one.
        Reply rejected = attacker.post("/login/" + CustomerAccountTests.newEmail(), GUESS);
        for (int i = 0; i < 2 && rejected.status() != 429; i++) {
            rejected = attacker.post("/login/" + CustomerAccountTests.newEmail(), GUESS);
        }

        assertProblem(rejected, 429);
        assertThat(Integer.parseInt(rejected.header("Retry-After"))).isBetween(1, 60);
        assertThat(new CustomerBrowser(port)
                        .post("/login/" + CustomerAccountTests.newEmail(), GUESS)
                        .status())
                .as("another IP is not limited")
                .isEqualTo(406);
    }

    @Test
    void guessesAtOneAccountFromManyIpsHitThePerAccountCeiling() {
        String victim = CustomerAccountTests.newEmail();
        for (int i = 0; i < 50; i++) {
            assertThat(new CustomerBrowser(port).post("/login/" + victim, GUESS).status())
                    .as("guess %d", i + 1)
                    .isEqualTo(406);
        }

        Reply rejected = new CustomerBrowser(port).post("/login/" + victim.toUpperCase(), GUESS);

        assertProblem(rejected, 429);
        assertThat(rejected.json().at("/errors/rateLimit").asText()).contains("login-account");
        assertThat(rejected.header("Retry-After")).isNotBlank();
        assertThat(rejected.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void anAttackerGuessingAtACustomersAddressLocksOnlyThemselvesOut() {
        String victim = CustomerAccountTests.newEmail();
        CustomerBrowser owner = new CustomerBrowser(port);
        assertThat(CustomerAccountTests.register(owner, victim).status()).isEqualTo(200);
        CustomerBrowser attacker = new CustomerBrowser(port);
        int refused = 0;
        for (int i = 0; i < 10; i++) {
            refused += attacker.post("/login/" + victim, GUESS).status() == 429 ? 1 : 0;
        }
        assertThat(refused)
                .as("the attacker's own budget for this account is 5 failures")
                .isEqualTo(5);

        for (int i = 0; i < 3; i++) {
            Reply login = new CustomerBrowser(port)
                    .post("/login/" + victim, Map.of("password", CustomerAccountTests.PASSWORD));
            assertThat(login.status())
                    .as("the customer signs in from anywhere else")
                    .isEqualTo(200);
        }
    }

    @Test
    void successfulSignInsDoNotCountAgainstTheAccount() {
        String email = CustomerAccountTests.newEmail();
        CustomerBrowser browser = new CustomerBrowser(port);
        assertThat(CustomerAccountTests.register(browser, email).status()).isEqualTo(200);
        Map<String, String> right = Map.of("password", CustomerAccountTests.PASSWORD);
        for (int i = 0; i < 8; i++) {
            assertThat(browser.post("/login/" + email, right).status())
                    .as("sign-in %d", i + 1)
                    .isEqualTo(200);
        }
    }

    @Test
    void changingEmailOrPasswordIsLimited() {
        CustomerBrowser browser = new CustomerBrowser(port);
        int refused = 0;
        for (int i = 0; i < 12; i++) {
            Reply reply = browser.put("/password", Map.of("password", "guess " + i, "newPassword", "whatever-1234"));
            refused += reply.status() == 429 ? 1 : 0;
        }
        assertThat(refused).isEqualTo(2);
        Reply email = browser.put("/email", Map.of("newEmail", CustomerAccountTests.newEmail()));
        assertProblem(email, 429);
    }

    @Test
    void resetLinksMustBeRelative() {
        for (String link : java.util.List.of("https://evil.example/reset", "//evil.example/reset", "javascript:x")) {
            Reply reply = new CustomerBrowser(port)
                    .post("/password-reset-email/" + CustomerAccountTests.newEmail(), Map.of("linkUri", link));
            assertProblem(reply, 400);
        }
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
