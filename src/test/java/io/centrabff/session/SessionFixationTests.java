package io.centrabff.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.SandboxTest;
import io.centrabff.ShopperClient;
import io.centrabff.ShopperClient.Reply;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A session cannot be fixed: a cookie value planted in a victim's browser before they sign in reaches nobody's
 * account afterwards, and a value the BFF did not write opens nothing.
 */
@SandboxTest
class SessionFixationTests {

    static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    @Test
    void aPlantedCookieDoesNotSeeTheVictimsAccountAfterTheVictimSignsIn() {
        ShopperClient attacker = new ShopperClient(port);
        assertThat(attacker.get("/api/checkout/selection").status()).isEqualTo(200);
        String planted = attacker.cookie("centra-session");
        assertThat(planted).isNotBlank();

        String email = "victim." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        ShopperClient victim = new ShopperClient(port);
        Reply registered = victim.post(
                "/api/checkout/register",
                Map.of("email", email, "password", PASSWORD, "firstName", "Vic", "lastName", "Tim"),
                "Cookie",
                "centra-session=" + planted);
        assertThat(registered.status()).as(registered.text()).isEqualTo(200);
        assertThat(registered.json().at("/loggedIn/email").asText()).isEqualTo(email);
        assertThat(registered.header("Set-Cookie"))
                .as("signing in gives the browser a new value")
                .contains("centra-session=v1.");

        Reply seen = attacker.get("/api/checkout/customer");
        assertThat(seen.text()).doesNotContain(email);
        Reply takeover = attacker.put("/api/checkout/email", Map.of("newEmail", "attacker@example.com"));
        assertThat(takeover.text()).doesNotContain(email);

        Reply own = victim.get("/api/checkout/customer");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().at("/loggedIn/email").asText())
                .as("the victim's account is untouched")
                .isEqualTo(email);
    }

    @Test
    void aCookieTheBffDidNotWriteOpensNoSessionAndNoStream() {
        ShopperClient forger = new ShopperClient(port);
        Reply events = forger.get("/api/checkout/selection/events", "Cookie", "centra-session=v1.made-up-value-123");
        assertThat(events.status()).isEqualTo(404);
        Reply selection = forger.get("/api/checkout/selection", "Cookie", "centra-session=v1.made-up-value-123");
        assertThat(selection.status()).isEqualTo(200);
        assertThat(selection.header("Set-Cookie"))
                .as("treated as a new shopper: Centra's new session gets a sealed value")
                .contains("centra-session=v1.");
    }
}
