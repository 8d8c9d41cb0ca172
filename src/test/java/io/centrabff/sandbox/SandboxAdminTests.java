package io.centrabff.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SandboxAdminTests {

    private CentraSandbox sandbox;
    private SandboxClient client;

    @BeforeEach
    void start() {
        sandbox = CentraSandbox.start(new SandboxOptions(0, Duration.ZERO, "s3cret-value"));
        client = new SandboxClient(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.stop();
    }

    @Test
    void baseUrlIsThePluginPermalink() {
        assertThat(sandbox.baseUrl().toString()).isEqualTo("http://127.0.0.1:" + sandbox.port() + "/api/checkout/52");
        assertThat(sandbox.sharedSecret()).isEqualTo("s3cret-value");
        assertThat(sandbox.toString()).doesNotContain("s3cret-value");
    }

    @Test
    void requestLogRecordsRawPathsAndHeadersButNeverTheSecret() {
        client.post("/items/1001-1", null);
        client.post("/vouchers", "{\"voucher\":\"TEST+CODE\"}");
        client.admin("DELETE", "/sandbox/requests");

        client.withSecret().header("X-Correlation-ID", "corr-1").delete("/vouchers/TEST%2BCODE");
        var log = client.admin("GET", "/sandbox/requests");

        assertThat(log.json()).hasSize(1);
        var entry = log.json().get(0);
        assertThat(entry.path("method").asText()).isEqualTo("DELETE");
        assertThat(entry.path("path").asText()).isEqualTo("/api/checkout/52/vouchers/TEST%2BCODE");
        assertThat(entry.path("apiTokenPresent").asBoolean()).isTrue();
        assertThat(entry.path("apiToken").asText()).isEqualTo(client.token());
        assertThat(entry.path("authorization").asBoolean()).isTrue();
        assertThat(entry.path("correlationId").asText()).isEqualTo("corr-1");
        assertThat(log.raw().body()).doesNotContain("s3cret-value");
    }

    @Test
    void correlationIdIsEchoed() {
        var response = client.header("X-Correlation-ID", "abc-123").get("/selection");

        assertThat(response.raw().headers().firstValue("X-Correlation-ID")).hasValue("abc-123");
    }

    @Test
    void rotateEndpointArmsRotationForTheNextResponse() {
        client.post("/items/1001-1", null);
        String before = client.token();

        assertThat(client.admin("POST", "/sandbox/rotate").status()).isEqualTo(200);
        var rotated = client.get("/selection");

        assertThat(rotated.token()).isNotEqualTo(before);
        assertThat(rotated.json().at("/selection/items")).hasSize(1);
        assertThat(client.get("/selection").token()).isEqualTo(rotated.token());
    }

    @Test
    void resetForgetsSessionsAndRequests() {
        client.post("/items/1001-1", null);
        String token = client.token();

        assertThat(client.admin("POST", "/sandbox/reset").status()).isEqualTo(200);

        assertThat(client.admin("GET", "/sandbox/requests").json()).isEmpty();
        var after = new SandboxClient(sandbox).token(token).get("/selection");
        assertThat(after.token()).isNotEqualTo(token);
        assertThat(after.json().at("/selection/items")).isEmpty();
    }

    @Test
    void latencyEndpointDelaysCheckoutAnswers() {
        assertThat(client.admin("POST", "/sandbox/latency?ms=300")
                        .json()
                        .path("latencyMs")
                        .asLong())
                .isEqualTo(300);

        long started = System.nanoTime();
        client.get("/selection");
        long tookMs = Duration.ofNanos(System.nanoTime() - started).toMillis();

        assertThat(tookMs).isGreaterThanOrEqualTo(300);
        assertThat(client.admin("POST", "/sandbox/latency?ms=abc").status()).isEqualTo(400);
    }

    @Test
    void adminEndpointsAreNotReachableUnderTheCheckoutPathAndCheckMethods() {
        assertThat(client.post("/sandbox/rotate", null).status()).isEqualTo(404);
        assertThat(client.admin("GET", "/sandbox/rotate").status()).isEqualTo(405);
        assertThat(client.admin("GET", "/elsewhere").status()).isEqualTo(404);
    }
}
