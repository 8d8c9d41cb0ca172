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
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.centrabff.centra.BffHttp.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.ObjectMapper;

/** With everything logged at DEBUG, neither the shared secret nor shoppers' tokens reach a log line or a response. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "logging.level.io.centrabff=DEBUG",
            "logging.level.org.springframework.web=DEBUG",
            "logging.level.reactor.netty=DEBUG"
        })
class CentraSecretLeakTests {

    static final String BASE = "/api/checkout/52";
    static final String SECRET = "sEcReT-b6f0d2c4e8a1";
    static final String OLD_TOKEN = "tok0ld5a1e8c3f2b7d9e4";
    static final String NEW_TOKEN = "tokNEW9c7e5a3b1d2f8a6";

    @RegisterExtension
    static WireMockExtension centra = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @DynamicPropertySource
    static void centra(DynamicPropertyRegistry registry) {
        registry.add("centra.base-url", () -> "http://127.0.0.1:" + centra.getPort() + BASE);
        registry.add("centra.shared-secret", () -> SECRET);
    }

    @LocalServerPort
    int port;

    @Autowired
    CentraGateway gateway;

    @Autowired
    ObjectMapper mapper;

    @Test
    void secretAndTokensNeverReachLogsOrResponses(CapturedOutput output) {
        centra.stubFor(get(urlEqualTo(BASE + "/selection"))
                .willReturn(json(200, "{\"token\":\"" + NEW_TOKEN + "\",\"selection\":{\"items\":[]}}")));
        centra.stubFor(post(urlEqualTo(BASE + "/vouchers"))
                .willReturn(json(406, "{\"token\":\"" + NEW_TOKEN + "\",\"errors\":{\"voucher\":\"not valid\"}}")));
        centra.stubFor(post(urlEqualTo(BASE + "/payment"))
                .willReturn(aResponse().withStatus(500).withBody("Authorization: Bearer " + SECRET)));
        centra.stubFor(get(urlEqualTo(BASE + "/markets")).willReturn(json(200, "{\"markets\":[{\"market\":1}]}")));

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

        centra.verify(
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
        assertThat(centra.findAll(anyRequestedFor(anyUrl())))
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
