package io.centrabff.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.centrabff.ShopperClient.Reply;
import io.centrabff.centra.StubbedCentra;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Relayed answers are written when Centra's answer arrives, not through a second dispatch of the request: with their
 * length in one piece, with everything the filters gave the request (correlation id, hardening headers), the same
 * problem answers for failures, and the server observation ended by the answer.
 */
class JsonAnswersTests extends StubbedCentra {

    private static final String SELECTION =
            "{\"token\":\"tok-answers\",\"selection\":{\"currency\":\"SEK\",\"items\":[],\"totals\":{}}}";

    @Autowired
    MeterRegistry meters;

    @Test
    void aRelayedAnswerArrivingLaterIsWrittenWithItsLengthAndTheFiltersHeaders() {
        CENTRA.stubFor(
                get(urlEqualTo(API + "/selection")).willReturn(okJson(SELECTION).withFixedDelay(300)));

        Reply reply = client.get("/api/checkout/selection", "X-Correlation-ID", "answers-later-1");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().at("/selection/currency").asText()).isEqualTo("SEK");
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        assertThat(reply.header("Content-Length"))
                .isEqualTo(Integer.toString(reply.text().getBytes(StandardCharsets.UTF_8).length));
        assertThat(reply.header("Transfer-Encoding")).isNull();
        assertThat(reply.header("X-Correlation-ID")).isEqualTo("answers-later-1");
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(reply.header("Set-Cookie")).contains("centra-session");
    }

    @Test
    void aFailureArrivingLaterBecomesTheUsualProblemAnswer() {
        CENTRA.stubFor(get(urlEqualTo(API + "/selection"))
                .willReturn(aResponse()
                        .withStatus(500)
                        .withBody("<html>oops</html>")
                        .withFixedDelay(300)));

        Reply reply = client.get("/api/checkout/selection", "X-Correlation-ID", "answers-failed-1");

        ProblemTests.assertProblem(reply, 503);
        assertThat(reply.json().path("type").asText()).isEqualTo("urn:centra-bff:problem:centra-unavailable");
        assertThat(reply.json().path("correlationId").asText()).isEqualTo("answers-failed-1");
        assertThat(reply.header("Retry-After")).isEqualTo("5");
    }

    @Test
    void centrasAnswerKeepsItsContentTypeWhateverTheCallerAccepts() {
        // As Spring's message conversion does for an answer whose content type is set: no negotiation.
        CENTRA.stubFor(
                get(urlEqualTo(API + "/selection")).willReturn(okJson(SELECTION).withFixedDelay(100)));

        Reply reply = client.get("/api/checkout/selection", "Accept", "text/html");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        assertThat(reply.json().at("/selection/currency").asText()).isEqualTo("SEK");
    }

    @Test
    void theServerObservationEndsWithTheAnswer() {
        CENTRA.stubFor(
                get(urlEqualTo(API + "/selection")).willReturn(okJson(SELECTION).withFixedDelay(200)));
        long before = answered();

        assertThat(client.get("/api/checkout/selection").status()).isEqualTo(200);

        await().until(() -> answered() == before + 1);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aClientThatGoesAwayBeforeTheAnswerEndsTheRequestOnceAndTheAnswerIsDropped(CapturedOutput output)
            throws Exception {
        CENTRA.stubFor(
                get(urlEqualTo(API + "/selection")).willReturn(okJson(SELECTION).withFixedDelay(700)));

        for (int i = 0; i < 3; i++) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.getOutputStream()
                        .write("GET /api/checkout/selection HTTP/1.1\r\nHost: localhost\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                await().until(() -> CENTRA.getAllServeEvents().size() > 0);
                socket.setSoLinger(true, 0); // a reset, as a closed tab's connection
            }
            CENTRA.resetRequests();
        }
        Thread.sleep(1_500); // the answers Centra still gives arrive for requests that have ended

        assertThat(client.get("/api/checkout/selection").status()).isEqualTo(200);
        assertThat(output.getAll()).doesNotContain("IllegalStateException");
    }

    private long answered() {
        Timer timer = meters.find("http.server.requests")
                .tags("uri", "/api/checkout/selection", "status", "200", "method", "GET")
                .timer();
        return timer == null ? 0 : timer.count();
    }
}
