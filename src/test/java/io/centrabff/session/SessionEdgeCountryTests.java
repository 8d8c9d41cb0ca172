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
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.centrabff.centra.BffHttp;
import io.centrabff.centra.BffHttp.Reply;
import io.centrabff.centra.StubbedCentra;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A new shopper's selection starts in the country the edge reported, not in the BFF's Geo-IP country. */
class SessionEdgeCountryTests extends StubbedCentra {

    static final String BASE = "/api/checkout/52";

    BffHttp bff;

    static ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    @BeforeEach
    void stubCentra() {
        bff = new BffHttp(port);
        CENTRA.stubFor(put(urlEqualTo(BASE + "/countries/DE"))
                .willReturn(json("{\"token\":\"tok-de\",\"selection\":{\"country\":\"DE\"}}")));
        CENTRA.stubFor(post(urlEqualTo(BASE + "/items/1313-19728"))
                .willReturn(json("{\"token\":\"tok-de\",\"selection\":{\"country\":\"DE\",\"items\":[{}]}}")));
        CENTRA.stubFor(get(urlEqualTo(BASE + "/selection")).willReturn(json("{\"token\":\"tok-x\",\"selection\":{}}")));
        CENTRA.stubFor(
                get(urlEqualTo(BASE + "/categories")).willReturn(json("{\"token\":\"tok-x\",\"categories\":[]}")));
    }

    @Test
    void newShopperGetsTheEdgeCountryBeforeTheRequestedOperation() {
        Reply reply = bff.post("/api/checkout/items/1313-19728", null, "CF-IPCountry", "de");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("selection").path("items").size()).isEqualTo(1);
        assertThat(reply.cookieValue("centra-session")).isEqualTo("tok-de");
        assertThat(CENTRA.findAll(anyRequestedFor(anyUrl())))
                .extracting(LoggedRequest::getUrl)
                .containsExactly(BASE + "/countries/DE", BASE + "/items/1313-19728");
        CENTRA.verify(
                exactly(1), putRequestedFor(urlEqualTo(BASE + "/countries/DE")).withoutHeader("API-token"));
        CENTRA.verify(
                exactly(1),
                postRequestedFor(urlEqualTo(BASE + "/items/1313-19728")).withHeader("API-token", equalTo("tok-de")));
    }

    @Test
    void newShopperReadingTheSelectionNeedsOnlyTheCountryCall() {
        Reply reply = bff.get("/api/checkout/selection", "CloudFront-Viewer-Country", "DE");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("selection").path("country").asText()).isEqualTo("DE");
        assertThat(reply.cookieValue("centra-session")).isEqualTo("tok-de");
        assertThat(CENTRA.findAll(anyRequestedFor(anyUrl())))
                .extracting(LoggedRequest::getUrl)
                .containsExactly(BASE + "/countries/DE");
    }

    @Test
    void existingSessionKeepsItsCountry() {
        bff.get("/api/checkout/selection", "CF-IPCountry", "DE", "Cookie", "centra-session=tok-x");

        assertThat(CENTRA.findAll(anyRequestedFor(anyUrl())))
                .extracting(LoggedRequest::getUrl)
                .containsExactly(BASE + "/selection");
    }

    @Test
    void unknownOrMalformedEdgeCountriesAreIgnored() {
        bff.get("/api/checkout/selection", "CF-IPCountry", "XX");
        bff.get("/api/checkout/selection", "CF-IPCountry", "T1");
        bff.get("/api/checkout/selection", "CF-IPCountry", "../DE");

        assertThat(CENTRA.findAll(anyRequestedFor(anyUrl())))
                .extracting(LoggedRequest::getUrl)
                .containsExactly(BASE + "/selection", BASE + "/selection", BASE + "/selection");
    }

    @Test
    void catalogReadsDoNotStartASelection() {
        bff.get("/api/checkout/categories", "CF-IPCountry", "DE");

        // Catalog reads come from the shared cache: its fills are sessionless and never set a country.
        assertThat(CENTRA.findAll(anyRequestedFor(anyUrl()))).isNotEmpty().allSatisfy(request -> {
            assertThat(request.getMethod().getName()).isNotEqualTo("PUT");
            assertThat(request.getHeader("API-token")).isEqualTo("none");
        });
    }
}
