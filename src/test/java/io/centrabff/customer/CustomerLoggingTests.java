package io.centrabff.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.SandboxTest;
import io.centrabff.ShopperClient.Reply;
import io.centrabff.sandbox.CentraSandbox;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * With DEBUG logging on the service, Spring's web layer and Reactor Netty, a whole account flow leaves no password,
 * session token or reset secret in any log line.
 */
@ExtendWith(OutputCaptureExtension.class)
@SandboxTest
class CustomerLoggingTests {

    static final List<String> LOGGERS = List.of("io.centrabff", "org.springframework.web", "reactor.netty");

    @LocalServerPort
    int port;

    @Autowired
    CentraSandbox sandbox;

    final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

    @BeforeEach
    void debugLogging() {
        LOGGERS.forEach(logger -> logging.setLogLevel(logger, LogLevel.DEBUG));
    }

    @AfterEach
    void normalLogging() {
        LOGGERS.forEach(logger -> logging.setLogLevel(logger, null));
    }

    @Test
    void noPasswordOrTokenReachesALogLine(CapturedOutput output) {
        String email = CustomerAccountTests.newEmail();
        List<String> passwords = List.of("Pw-first-8c1e2a", "Pw-guess-77ab0f", "Pw-second-0d9e3b", "Pw-third-5f6a7c");
        Set<String> secrets = new LinkedHashSet<>(passwords);
        CustomerBrowser browser = new CustomerBrowser(port);

        browser.post("/items/1001-1", null);
        secrets.add(browser.sessionCookie());
        expect(browser.post("/register", Map.of("email", email, "password", passwords.get(0))), 200);
        expect(browser.post("/logout", null), 200);
        expect(browser.post("/login/" + email, Map.of("password", passwords.get(1))), 406);
        sandbox.rotateNextResponse();
        expect(browser.post("/login/" + email, Map.of("password", passwords.get(0))), 200);
        secrets.add(browser.sessionCookie());
        expect(browser.put("/password", Map.of("password", passwords.get(0), "newPassword", passwords.get(2))), 200);
        expect(browser.post("/password-reset-email/" + email, Map.of("linkUri", "account/reset")), 200);
        JsonNode link = browser.client
                .get(sandbox.baseUrl()
                        .resolve("/sandbox/customers/" + email + "/reset-link")
                        .toString())
                .json();
        secrets.add(link.path("id").asText());
        CustomerBrowser other = new CustomerBrowser(port);
        expect(
                other.post(
                        "/password-reset",
                        Map.of(
                                "i",
                                link.path("i").asText(),
                                "id",
                                link.path("id").asText(),
                                "newPassword",
                                passwords.get(3))),
                200);
        secrets.add(other.sessionCookie());

        String logs = output.getAll();
        assertThat(logs).as("DEBUG was on for the web layer").contains("DEBUG").contains("/api/checkout/login/");
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(7).doesNotContainNull();
        for (String secret : secrets) {
            assertThat(logs).as("a log line contains a secret").doesNotContain(secret);
        }
    }

    private static void expect(Reply reply, int status) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
    }
}
