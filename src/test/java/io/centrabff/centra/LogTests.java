package io.centrabff.centra;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.ConfigurableEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Log lines are JSON when {@code logging.structured.format.console=ecs} (set for this context), carry the request's
 * correlation id even when written on a Netty thread after a reactive hop, show tokens only masked, and never show
 * the shared secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogTests extends StubbedCentra {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    CentraGateway gateway;

    @Autowired
    LoggingSystem logging;

    @Autowired
    ConfigurableEnvironment environment;

    /**
     * The first Spring context in a test JVM configures logging for every later one, so apply this context's
     * {@code logging.structured.format.console=ecs} explicitly, whichever test class happened to run first.
     */
    @BeforeEach
    void structuredLogs() {
        logging.cleanUp();
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(environment), null, null);
    }

    @Test
    void gatewayLogLineWrittenOnANettyThreadCarriesTheCorrelationId(CapturedOutput output) {
        CENTRA.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));

        client.post("/api/checkout/items/1001-1", null, "X-Correlation-ID", "log-test-4711");

        JsonNode line = awaitLine(output, "Centra ADD_ITEM failed");
        assertThat(line.path("correlationId").asText()).isEqualTo("log-test-4711");
        assertThat(line.at("/process/thread/name").asText())
                .as("written after the hop to Reactor Netty's event loop")
                .startsWith("reactor-http");
        assertThat(line.at("/log/level").asText()).isEqualTo("WARN");
    }

    @Test
    void rotatedTokensAppearOnlyMasked(CapturedOutput output) {
        String first = "sess-0001-abcdefghijkl";
        String second = "sess-0002-mnopqrstuvwx";
        CENTRA.stubFor(post(urlEqualTo(API + "/items/1001-1"))
                .willReturn(okJson("{\"token\":\"" + first + "\",\"selection\":{}}")));
        CENTRA.stubFor(get(urlEqualTo(API + "/selection"))
                .withHeader("API-token", equalTo(first))
                .willReturn(okJson("{\"token\":\"" + second + "\",\"selection\":{}}")));

        client.post("/api/checkout/items/1001-1", null);
        assertThat(client.get("/api/checkout/selection", "X-Correlation-ID", "rotate-1")
                        .status())
                .isEqualTo(200);

        JsonNode line = awaitLine(output, "replaced the session token");
        assertThat(line.path("message").asText()).contains("sess…").doesNotContain(first, second);
        assertThat(line.path("correlationId").asText()).isEqualTo("rotate-1");
        assertThat(output.getAll()).doesNotContain(first).doesNotContain(second);
    }

    @Test
    void sharedSecretNeverReachesTheLogEvenAtDebug(CapturedOutput output) {
        CENTRA.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
        List<String> loggers =
                List.of("org.springframework.web.reactive.function.client", "reactor.netty", "io.centrabff");
        loggers.forEach(name -> logging.setLogLevel(name, LogLevel.DEBUG));
        try {
            Optional<CentraResponse> answer = gateway.exchange(
                            CentraRequest.sessionless(CentraOperation.SERVER_PRODUCTS, null, "secret-check"))
                    .onErrorResume(error -> reactor.core.publisher.Mono.empty())
                    .blockOptional(Duration.ofSeconds(10));
            assertThat(answer).isEmpty();
        } finally {
            loggers.forEach(name -> logging.setLogLevel(name, null));
        }

        CENTRA.verify(postRequestedFor(urlEqualTo(API + "/products"))
                .withHeader("Authorization", equalTo("Bearer " + SHARED_SECRET)));
        awaitLine(output, "Centra SERVER_PRODUCTS failed");
        assertThat(output.getAll()).doesNotContain(SHARED_SECRET);
    }

    /** The first JSON log line whose message contains {@code text}, waiting for asynchronous writers. */
    private static JsonNode awaitLine(CapturedOutput output, String text) {
        String line = await().alias("a log line containing '" + text + "'")
                .atMost(Duration.ofSeconds(5))
                .until(
                        () -> Stream.of(output.getOut().split("\\R"))
                                .filter(candidate -> candidate.startsWith("{") && candidate.contains(text))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("Not a JSON log line: " + line, e);
        }
    }
}
