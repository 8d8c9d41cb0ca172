package io.centrabff.centra;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.centra.BffHttp.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.ObjectMapper;

/** With everything logged at DEBUG, neither the shared secret nor shoppers' tokens reach a log line or a response. */
@ExtendWith(OutputCaptureExtension.class)
class CentraSecretLeakTests extends StubbedCentra {

    static final String BASE = "/api/checkout/52";
    static final String SECRET = SHARED_SECRET;
    static final String OLD_TOKEN = "tok0ld5a1e8c3f2b7d9e4";
    static final String NEW_TOKEN = "tokNEW9c7e5a3b1d2f8a6";

    @Autowired
    CentraGateway gateway;

    @Autowired
    ObjectMapper mapper;

    static final List<String> LOGGERS = List.of("io.centrabff", "org.springframework.web", "reactor.netty");

    final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

    // At run time, not as properties: the shared context stays the one of every StubbedCentra test.
    @BeforeEach
    void debugLogging() {
        LOGGERS.forEach(logger -> logging.setLogLevel(logger, LogLevel.DEBUG));
    }

    @AfterEach
    void normalLogging() {
        LOGGERS.forEach(logger -> logging.setLogLevel(logger, null));
    }

    @Test
    void secretAndTokensNeverReachLogsOrResponses(CapturedOutput output) {
        CENTRA.stubFor(get(urlEqualTo(BASE + "/selection"))
                .willReturn(json(200, "{\"token\":\"" + NEW_TOKEN + "\",\"selection\":{\"items\":[]}}")));
        CENTRA.stubFor(post(urlEqualTo(BASE + "/vouchers"))
                .willReturn(json(406, "{\"token\":\"" + NEW_TOKEN + "\",\"errors\":{\"voucher\":\"not valid\"}}")));
        CENTRA.stubFor(post(urlEqualTo(BASE + "/payment"))
                .willReturn(aResponse().withStatus(500).withBody("Authorization: Bearer " + SECRET)));
        CENTRA.stubFor(get(urlEqualTo(BASE + "/markets")).willReturn(json(200, "{\"markets\":[{\"market\":1}]}")));

        BffHttp bff = new BffHttp(port);
        List<Reply> replies = new ArrayList<>();
        replies.add(bff.get("/api/checkout/selection", "Cookie", "centra-session=" + OLD_TOKEN));
        replies.add(bff.post(
                "/api/checkout/vouchers",
                "{\"voucher\":\"X\"}",
                "Cookie",
                "centra-session=" + NEW_TOKEN,
                "Authorization",
                "Bearer " + SECRET));
        replies.add(bff.post(
                "/api/checkout/payment",
                "{\"paymentReturnPage\":\"https://shop.example/r\"}",
                "Cookie",
                "centra-session=" + NEW_TOKEN));
        CentraResponse markets = gateway.exchange(CentraRequest.sessionless(CentraOperation.MARKETS, null, "corr-m"))
                .block();

        CENTRA.verify(
                exactly(1),
                getRequestedFor(urlEqualTo(BASE + "/markets"))
                        .withHeader("Authorization", equalTo("Bearer " + SECRET)));
        assertThat(markets.status()).isEqualTo(200);
        assertThat(replies).extracting(Reply::status).containsExactly(200, 406, 503);
        assertThat(replies.get(0).cookieValue("centra-session")).isEqualTo(NEW_TOKEN);
        for (Reply reply : replies) {
            assertThat(reply.everything()).doesNotContain(SECRET);
            assertThat(reply.body()).doesNotContain(OLD_TOKEN).doesNotContain(NEW_TOKEN);
            reply.headers().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Set-Cookie")) {
                    assertThat(values.toString()).doesNotContain(NEW_TOKEN).doesNotContain(OLD_TOKEN);
                }
            });
        }
        // Every call reached Centra (the widgets hook may re-read the selection after the failed payment).
        assertThat(CENTRA.findAll(anyRequestedFor(anyUrl())))
                .extracting(com.github.tomakehurst.wiremock.verification.LoggedRequest::getUrl)
                .contains(BASE + "/selection", BASE + "/vouchers", BASE + "/payment", BASE + "/markets")
                .containsOnly(BASE + "/selection", BASE + "/vouchers", BASE + "/payment", BASE + "/markets");
        assertThat(output.getAll()).contains("DEBUG");
        assertThat(output.getAll())
                .doesNotContain(SECRET)
                .doesNotContain(OLD_TOKEN)
                .doesNotContain(NEW_TOKEN);
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
