package io.centrabff.centra;

import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.centra.BffHttp.Reply;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Nothing listening at Centra's address: a refused connection is a quick 503, never a hang or a 500. */
class CentraUnreachableTests extends StubbedCentra {

    @Test
    void refusedConnectionBecomes503WithRetryAfter() {
        // The stub keeps its port (StubbedCentra.CENTRA), so stopping it leaves the BFF's base URL refusing
        // connections.
        CENTRA.stop();
        Reply reply;
        Duration elapsed;
        try {
            long start = System.nanoTime();
            reply = new BffHttp(port).get("/api/checkout/selection", "Cookie", "centra-session=tok-1");
            elapsed = Duration.ofNanos(System.nanoTime() - start);
        } finally {
            CENTRA.start();
        }

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.header("Retry-After")).isEqualTo("5");
        assertThat(reply.json().path("type").asText()).isEqualTo("urn:centra-bff:problem:centra-unavailable");
        assertThat(reply.json().path("errors").isObject()).isTrue();
        assertThat(elapsed).isLessThan(Duration.ofSeconds(3));
    }
}
