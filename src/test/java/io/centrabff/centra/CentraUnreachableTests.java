package io.centrabff.centra;

import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.centra.BffHttp.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A Centra that refuses connections is an answer within seconds, not a hang. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CentraUnreachableTests {

    static final int CLOSED_PORT = closedPort();

    @DynamicPropertySource
    static void centra(DynamicPropertyRegistry registry) {
        registry.add("centra.base-url", () -> "http://127.0.0.1:" + CLOSED_PORT + "/api/checkout/52");
        registry.add("centra.shared-secret", () -> "test-shared-secret");
    }

    @LocalServerPort
    int port;

    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void refusedConnectionBecomes503WithRetryAfter() {
        long start = System.nanoTime();
        Reply reply = new BffHttp(port).get("/api/checkout/selection", "Cookie", "centra-session=tok-1");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.header("Retry-After")).isEqualTo("5");
        assertThat(reply.json().path("type").asText()).isEqualTo("urn:centra-bff:problem:centra-unavailable");
        assertThat(reply.json().path("errors").isObject()).isTrue();
        assertThat(elapsed).isLessThan(Duration.ofSeconds(3));
    }
}
