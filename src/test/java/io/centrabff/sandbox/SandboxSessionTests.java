package io.centrabff.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SandboxSessionTests {

    private CentraSandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = CentraSandbox.start(SandboxOptions.defaults());
    }

    @AfterEach
    void stop() {
        sandbox.stop();
    }

    @Test
    void firstCallWithoutTokenCreatesSessionInGeoIpCountry() {
        var response = new SandboxClient(sandbox).get("/selection");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.token()).matches("[a-z2-7]{26}");
        assertThat(response.json().at("/selection/items")).isEmpty();
        assertThat(response.json().at("/location/country").asText()).isEqualTo("SE");
        assertThat(response.raw().headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void tokenNoneAnswersWithoutToken() {
        var response = new SandboxClient(sandbox).token("none").post("/products", "{}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().has("token")).isFalse();
        assertThat(response.json().path("products")).isNotEmpty();
    }

    @Test
    void unknownTokenStartsFreshSessionLikeExpiredToken() {
        var response =
                new SandboxClient(sandbox).token("expiredtokenexpiredtoken12").get("/selection");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.token()).isNotEqualTo("expiredtokenexpiredtoken12");
        assertThat(response.json().at("/selection/items")).isEmpty();
    }

    @Test
    void tokenHeaderNameIsCaseInsensitiveAndAcceptFormWorks() {
        var client = new SandboxClient(sandbox);
        client.post("/items/1001-1", null);
        String token = client.token();

        var lowerCase = new SandboxClient(sandbox).header("api-token", token).get("/selection");
        var accept = new SandboxClient(sandbox)
                .header("Accept", "*/*; api-token=" + token)
                .get("/selection");

        assertThat(lowerCase.token()).isEqualTo(token);
        assertThat(lowerCase.json().at("/selection/items")).hasSize(1);
        assertThat(accept.token()).isEqualTo(token);
        assertThat(accept.json().at("/selection/items")).hasSize(1);
    }

    @Test
    void rotatedTokenKeepsTheCart() {
        var client = new SandboxClient(sandbox);
        client.post("/items/1001-1", null);
        String oldToken = client.token();

        sandbox.rotateNextResponse();
        var rotated = client.get("/selection");

        assertThat(rotated.token()).isNotEqualTo(oldToken);
        assertThat(rotated.json().at("/selection/items")).hasSize(1);
        assertThat(client.get("/selection").json().at("/selection/items")).hasSize(1);
    }

    @Test
    void oldTokenLosesTheCartAfterRotation() {
        var client = new SandboxClient(sandbox);
        client.post("/items/1001-1", null);
        String oldToken = client.token();
        sandbox.rotateNextResponse();
        client.get("/selection");

        var stale = new SandboxClient(sandbox).token(oldToken).get("/selection");

        assertThat(stale.token()).isNotEqualTo(oldToken).isNotEqualTo(client.token());
        assertThat(stale.json().at("/selection/items")).isEmpty();
    }

    @Test
    void errorResponsesCarryTheToken() {
        var client = new SandboxClient(sandbox);
        client.get("/selection");

        var response = client.post("/items/9999-1", null);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.token()).isNotBlank();
        assertThat(response.json().at("/errors/item").asText()).isEqualTo("product item not found");
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() {
        var client = new SandboxClient(sandbox);

        var unknown = client.get("/nope");
        var wrongMethod = client.delete("/selection");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().at("/errors/path").asText()).isEqualTo("not found");
        assertThat(unknown.token()).isNotBlank();
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().has("errors")).isTrue();
    }

    @Test
    void malformedJsonIs400WithErrors() {
        var response = new SandboxClient(sandbox).put("/items", "{not json");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/errors/body").asText()).isEqualTo("malformed json");
    }
}
