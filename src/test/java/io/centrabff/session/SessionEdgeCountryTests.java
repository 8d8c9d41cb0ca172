package io.centrabff.session;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.centrabff.centra.BffHttp;
import io.centrabff.centra.BffHttp.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A new shopper's selection starts in the country the edge reported, not in the BFF's Geo-IP country. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionEdgeCountryTests {

    static final String BASE = "/api/checkout/52";

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

    static ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    @BeforeEach
    void stubCentra() {
        bff = new BffHttp(port);
        centra.stubFor(put(urlEqualTo(BASE + "/countries/DE"))
                .willReturn(json("{\"token\":\"tok-de\",\"selection\":{\"country\":\"DE\"}}")));
        centra.stubFor(post(urlEqualTo(BASE + "/items/1313-19728"))
                .willReturn(json("{\"token\":\"tok-de\",\"selection\":{\"country\":\"DE\",\"items\":[{}]}}")));
        centra.stubFor(get(urlEqualTo(BASE + "/selection")).willReturn(json("{\"token\":\"tok-x\",\"selection\":{}}")));
        centra.stubFor(
                get(urlEqualTo(BASE + "/categories")).willReturn(json("{\"token\":\"tok-x\",\"categories\":[]}")));
    }

    @Test
    void newShopperGetsTheEdgeCountryBeforeTheRequestedOperation() {
        Reply reply = bff.post("/api/checkout/items/1313-19728", null, "CF-IPCountry", "de");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("selection").path("items").size()).isEqualTo(1);
        assertThat(reply.cookieValue("centra-session")).isEqualTo("tok-de");
        assertThat(centra.findAll(anyRequestedFor(anyUrl())))
                .extracting(LoggedRequest::getUrl)
                .containsExactly(BASE + "/countries/DE", BASE + "/items/1313-19728");
        centra.verify(
                exactly(1), putRequestedFor(urlEqualTo(BASE + "/countries/DE")).withoutHeader("API-token"));
        centra.verify(
                exactly(1),
                postRequestedFor(urlEqualTo(BASE + "/items/1313-19728")).withHeader("API-token", equalTo("tok-de")));
    }

    @Test
    void newShopperReadingTheSelectionNeedsOnlyTheCountryCall() {
        Reply reply = bff.get("/api/checkout/selection", "CloudFront-Viewer-Country", "DE");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("selection").path("country").asText()).isEqualTo("DE");
        assertThat(reply.cookieValue("centra-session")).isEqualTo("tok-de");
        assertThat(centra.findAll(anyRequestedFor(anyUrl())))
                .extracting(LoggedRequest::getUrl)
                .containsExactly(BASE + "/countries/DE");
    }

    @Test
    void existingSessionKeepsItsCountry() {
        bff.get("/api/checkout/selection", "CF-IPCountry", "DE", "Cookie", "centra-session=tok-x");

        assertThat(centra.findAll(anyRequestedFor(anyUrl())))
                .extracting(LoggedRequest::getUrl)
                .containsExactly(BASE + "/selection");
    }

    @Test
    void unknownOrMalformedEdgeCountriesAreIgnored() {
        bff.get("/api/checkout/selection", "CF-IPCountry", "XX");
        bff.get("/api/checkout/selection", "CF-IPCountry", "T1");
        bff.get("/api/checkout/selection", "CF-IPCountry", "../DE");

        assertThat(centra.findAll(anyRequestedFor(anyUrl())))
                .extracting(LoggedRequest::getUrl)
                .containsExactly(BASE + "/selection", BASE + "/selection", BASE + "/selection");
    }

    @Test
    void catalogReadsDoNotStartASelection() {
        bff.get("/api/checkout/categories", "CF-IPCountry", "DE");

        // Catalog reads come from the shared cache: its fills are sessionless and never set a country.
        assertThat(centra.findAll(anyRequestedFor(anyUrl()))).isNotEmpty().allSatisfy(request -> {
            assertThat(request.getMethod().getName()).isNotEqualTo("PUT");
            assertThat(request.getHeader("API-token")).isEqualTo("none");
        });
    }
}
