package io.centrabff.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.SandboxTest;
import io.centrabff.ShopperClient.Reply;
import io.centrabff.sandbox.CentraSandbox;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Customer accounts through the BFF against the embedded sandbox: the cart follows the customer. */
@SandboxTest
class CustomerAccountTests {

    static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    @Autowired
    CentraSandbox sandbox;

    static String newEmail() {
        return "ada." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    static Reply register(CustomerBrowser browser, String email) {
        return browser.post(
                "/register", Map.of("email", email, "password", PASSWORD, "firstName", "Ada", "lastName", "Lovelace"));
    }

    @Test
    void registerSignOutAndSignInFromASecondBrowserSeesTheSameCart() {
        String email = newEmail();
        CustomerBrowser laptop = new CustomerBrowser(port);
        laptop.post("/items/1001-1/quantity/2", null);
        Reply registered = register(laptop, email);
        assertThat(registered.status()).as(registered.text()).isEqualTo(200);
        assertThat(registered.json().at("/loggedIn/email").asText()).isEqualTo(email);
        assertThat(registered.json().at("/selection/items/0/quantity").asInt()).isEqualTo(2);

        Reply signedOut = laptop.post("/logout", null);
        assertThat(signedOut.status()).isEqualTo(200);
        assertThat(signedOut.json().has("loggedIn")).isFalse();
        assertThat(signedOut.json().at("/selection/items").size())
                .as("Centra's logout empties the selection")
                .isZero();
        assertThat(laptop.get("/customer").status())
                .as("the laptop's token no longer points at the customer")
                .isEqualTo(403);

        CustomerBrowser phone = new CustomerBrowser(port);
        phone.post("/items/1002-1", null);
        Reply signedIn = phone.post("/login/" + email, Map.of("password", PASSWORD));
        assertThat(signedIn.status()).as(signedIn.text()).isEqualTo(200);
        assertThat(signedIn.json().at("/loggedIn/firstName").asText()).isEqualTo("Ada");
        JsonNode items = signedIn.json().at("/selection/items");
        assertThat(items.size())
                .as("the saved cart plus the phone's anonymous line")
                .isEqualTo(2);
        assertThat(java.util.List.of(
                        items.get(0).path("item").asText(),
                        items.get(1).path("item").asText()))
                .containsExactlyInAnyOrder("1001-1", "1002-1");
        assertThat(phone.get("/selection").json().at("/selection/items").size()).isEqualTo(2);
    }

    @Test
    void wrongPasswordAndUnknownAddressGetCentrasNotAcceptableNotA500() {
        String email = newEmail();
        CustomerBrowser browser = new CustomerBrowser(port);
        register(browser, email);
        browser.post("/logout", null);

        Reply wrong = browser.post("/login/" + email, Map.of("password", "not the password"));
        Reply unknown = browser.post("/login/" + newEmail(), Map.of("password", "not the password"));

        for (Reply reply : new Reply[] {wrong, unknown}) {
            assertThat(reply.status()).as(reply.text()).isEqualTo(406);
            assertThat(reply.header("Content-Type")).startsWith("application/json");
            assertThat(reply.json().at("/errors/password").asText()).isEqualTo("incorrect");
            assertThat(reply.json().has("loggedIn")).isFalse();
        }
        assertThat(wrong.json().path("errors")).isEqualTo(unknown.json().path("errors"));
    }

    @Test
    void registrationErrorsAreCentras() {
        String email = newEmail();
        register(new CustomerBrowser(port), email);

        Reply taken = register(new CustomerBrowser(port), email);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().at("/errors/email").asText()).isEqualTo("already registered");

        Reply weak = new CustomerBrowser(port).post("/register", Map.of("email", newEmail(), "password", "123"));
        assertThat(weak.status()).isEqualTo(406);
        assertThat(weak.json().at("/errors/password").asText()).isEqualTo("not valid");
    }

    @Test
    void customerOnlyCallsWhileSignedOutGetCentrasForbidden() {
        Reply details = new CustomerBrowser(port).get("/customer");
        assertThat(details.status()).isEqualTo(403);
        assertThat(details.json().at("/errors/accessRight").asText()).isEqualTo("denied");
    }

    @Test
    void emailInThePathReachesCentraAsOneEncodedSegment() {
        String local = "a+b." + UUID.randomUUID().toString().substring(0, 8);
        String email = local + "@example.com";
        CustomerBrowser browser = new CustomerBrowser(port);
        register(browser, email);
        browser.post("/logout", null);

        Reply signedIn = browser.post("/login/" + email, Map.of("password", PASSWORD));

        assertThat(signedIn.status()).as(signedIn.text()).isEqualTo(200);
        assertThat(signedIn.json().at("/loggedIn/email").asText()).isEqualTo(email);
        JsonNode requests = browser.client
                .get(sandbox.baseUrl().resolve("/sandbox/requests").toString())
                .json();
        assertThat(requests.findValuesAsString("path"))
                .contains("/api/checkout/52/login/" + local.replace("+", "%2B") + "%40example.com");
    }

    @Test
    void customerResponsesAreNoStoreAndKeepTheTokenInAnHttpOnlyCookie() {
        CustomerBrowser browser = new CustomerBrowser(port);
        String email = newEmail();
        Reply registered = register(browser, email);
        assertThat(registered.header("Set-Cookie")).contains("centra-session=").contains("HttpOnly");
        Reply[] replies = {
            registered,
            browser.get("/customer"),
            browser.put("/customer/update", Map.of("firstName", "Augusta")),
            browser.post("/orders", Map.of("from", 0, "size", 5)),
            browser.post("/logout", null),
            browser.post("/login/" + email, Map.of("password", "wrong password")),
            browser.post("/password-reset-email/" + email, Map.of("linkUri", "account/reset"))
        };
        for (Reply reply : replies) {
            assertThat(reply.header("Cache-Control")).as(reply.text()).isEqualTo("no-store");
            assertThat(reply.json().has("token")).as("no token for JavaScript").isFalse();
        }
    }

    @Test
    void tokenCentraRotatesOnLoginReplacesTheCookieInTheSameResponse() {
        String email = newEmail();
        CustomerBrowser browser = new CustomerBrowser(port);
        register(browser, email);
        browser.post("/logout", null);
        String before = browser.sessionCookie();

        sandbox.rotateNextResponse();
        Reply signedIn = browser.post("/login/" + email, Map.of("password", PASSWORD));

        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.header("Set-Cookie")).contains("centra-session=").contains("HttpOnly");
        assertThat(browser.sessionCookie()).isNotEqualTo(before);
        assertThat(browser.get("/customer").json().at("/loggedIn/email").asText())
                .as("the new token is the signed-in one")
                .isEqualTo(email);
    }

    @Test
    void tokenCentraHandsOutOnLogoutReplacesTheCookieAndIsSignedOut() {
        String email = newEmail();
        CustomerBrowser browser = new CustomerBrowser(port);
        register(browser, email);
        browser.post("/items/1003-1", null);
        String signedInToken = browser.sessionCookie();

        sandbox.rotateNextResponse();
        Reply signedOut = browser.post("/logout", null);

        assertThat(signedOut.status()).isEqualTo(200);
        assertThat(signedOut.header("Set-Cookie")).contains("centra-session=").contains("HttpOnly");
        assertThat(browser.sessionCookie()).isNotEqualTo(signedInToken);
        Reply after = browser.get("/selection");
        assertThat(after.json().has("loggedIn")).isFalse();
        assertThat(after.json().at("/selection/items").size()).isZero();
        assertThat(browser.get("/customer").status()).isEqualTo(403);
    }

    @Test
    void detailsAddressEmailAndPasswordChangesGoThroughCentra() {
        String email = newEmail();
        String newEmail = newEmail();
        CustomerBrowser browser = new CustomerBrowser(port);
        register(browser, email);

        assertThat(browser.put("/customer/update", Map.of("lastName", "King"))
                        .json()
                        .at("/loggedIn/lastName")
                        .asText())
                .isEqualTo("King");
        assertThat(browser.put("/address", Map.of("city", "London"))
                        .json()
                        .at("/loggedIn/city")
                        .asText())
                .isEqualTo("London");
        assertThat(browser.put("/email", Map.of("newEmail", newEmail))
                        .json()
                        .at("/loggedIn/email")
                        .asText())
                .isEqualTo(newEmail);
        Reply wrongCurrent = browser.put("/password", Map.of("password", "guess guess", "newPassword", "n3w password"));
        assertThat(wrongCurrent.status()).isEqualTo(406);
        assertThat(browser.put("/password", Map.of("password", PASSWORD, "newPassword", "n3w password"))
                        .status())
                .isEqualTo(200);
        Reply orders = browser.post("/orders", null);
        assertThat(orders.json().at("/ordersPaging/totalSize").asInt()).isZero();
        assertThat(browser.post("/newsletter-subscription", null)
                        .json()
                        .path("subscribed")
                        .asBoolean())
                .isTrue();

        browser.post("/logout", null);
        assertThat(browser.post("/login/" + newEmail, Map.of("password", "n3w password"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void passwordResetEndToEndSignsTheCustomerIn() {
        String email = newEmail();
        CustomerBrowser browser = new CustomerBrowser(port);
        register(browser, email);
        browser.post("/items/1001-2", null);
        browser.post("/logout", null);

        Reply requested = browser.post("/password-reset-email/" + email, Map.of("linkUri", "account/reset"));
        assertThat(requested.status()).isEqualTo(200);
        JsonNode link = browser.client
                .get(sandbox.baseUrl()
                        .resolve("/sandbox/customers/" + email + "/reset-link")
                        .toString())
                .json();
        assertThat(link.path("link").asText()).contains("account/reset?i=");

        CustomerBrowser otherBrowser = new CustomerBrowser(port);
        Reply reset = otherBrowser.post(
                "/password-reset",
                Map.of("i", link.path("i").asText(), "id", link.path("id").asText(), "newPassword", "brand new pw"));
        assertThat(reset.status()).as(reset.text()).isEqualTo(200);
        assertThat(reset.json().at("/loggedIn/email").asText()).isEqualTo(email);
        assertThat(reset.json().at("/selection/items/0/item").asText()).isEqualTo("1001-2");

        Reply reused = new CustomerBrowser(port)
                .post(
                        "/password-reset",
                        Map.of(
                                "i",
                                link.path("i").asText(),
                                "id",
                                link.path("id").asText(),
                                "newPassword",
                                "again"));
        assertThat(reused.status()).as("a link works once").isEqualTo(406);
        assertThat(browser.post("/login/" + email, Map.of("password", PASSWORD)).status())
                .isEqualTo(406);
        assertThat(browser.post("/login/" + email, Map.of("password", "brand new pw"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void resetEmailAnswersAlikeForRegisteredAndUnknownAddresses() {
        String email = newEmail();
        register(new CustomerBrowser(port), email);
        Map<String, String> body = Map.of("linkUri", "account/reset");

        Reply registered = new CustomerBrowser(port).post("/password-reset-email/" + email, body);
        Reply unknown = new CustomerBrowser(port).post("/password-reset-email/" + newEmail(), body);

        assertThat(unknown.status()).isEqualTo(registered.status()).isEqualTo(200);
        assertThat(fieldNames(unknown.json())).isEqualTo(fieldNames(registered.json()));
        assertThat(unknown.json().has("errors")).isFalse();
    }

    private static java.util.List<String> fieldNames(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
