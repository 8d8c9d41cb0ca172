package io.centrabff.session;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.centrabff.centra.BffHttp;
import io.centrabff.centra.BffHttp.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Header mode: the storefront sends {@code API-Token} and reads {@code token} from bodies, exactly as with Centra. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"bff.session.mode=HEADER"})
class SessionHeaderModeTests {

    static final String BASE = "/api/checkout/52";
    static final String SELECTION = BASE + "/selection";

    @RegisterExtension
    static WireMockExtension centra = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @DynamicPropertySource
    static void centra(DynamicPropertyRegistry registry) {
        registry.add("centra.base-url", () -> "http://127.0.0.1:" + centra.getPort() + BASE);
        registry.add("centra.shared-secret", () -> "test-shared-secret");
    }

    @LocalServerPort
    int port;

    BffHttp bff;

    @BeforeEach
    void stubCentra() {
        bff = new BffHttp(port);
        centra.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"token\":\"tok-rotated\",\"selection\":{}}")));
    }

    @Test
    void apiTokenHeaderTravelsUpstreamAndTheTokenStaysInTheBody() {
        Reply reply = bff.get("/api/checkout/selection", "API-Token", "tok-header");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("token").asText()).isEqualTo("tok-rotated");
        assertThat(reply.headers("Set-Cookie")).isEmpty();
        centra.verify(
                exactly(1), getRequestedFor(urlEqualTo(SELECTION)).withHeader("API-token", equalTo("tok-header")));
    }

    @Test
    void acceptParameterCarriesTheTokenForGet() {
        Reply reply = bff.get("/api/checkout/selection", "Accept", "*/*; api-token=abc");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("token").asText()).isEqualTo("tok-rotated");
        centra.verify(exactly(1), getRequestedFor(urlEqualTo(SELECTION)).withHeader("API-token", equalTo("abc")));
    }

    @Test
    void sessionCookieIsIgnoredInHeaderMode() {
        Reply reply = bff.get("/api/checkout/selection", "Cookie", "centra-session=tok-cookie");

        assertThat(reply.status()).isEqualTo(200);
        centra.verify(exactly(1), getRequestedFor(urlEqualTo(SELECTION)).withoutHeader("API-token"));
    }

    @Test
    void malformedApiTokenIsRejectedWithoutCallingCentra() {
        Reply reply = bff.get("/api/checkout/selection", "API-Token", "none");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("errors").has("token")).isTrue();
        centra.verify(exactly(0), anyRequestedFor(anyUrl()));
    }
}
