package io.centrabff.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.CentraStubs;
import io.centrabff.ShopperClient.Reply;
import io.centrabff.centra.StubbedCentra;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Header mode: like every Centra answer, a catalog answer carries the caller's {@code token}, whether the controller
 * or the hit filter answers it (Centra's documented client code drops a session whose token is missing).
 */
@TestPropertySource(properties = "bff.session.mode=HEADER")
class CatalogHeaderModeTests extends StubbedCentra {

    static final String LISTING = "/api/checkout/products";
    static final Map<String, Object> QUERY = Map.of("limit", 1);

    @BeforeEach
    void catalog() {
        CentraStubs.countries(CENTRA);
        CentraStubs.listing(CENTRA, 0);
        CENTRA.stubFor(get(urlEqualTo(CentraStubs.BASE + "/selection"))
                .willReturn(CentraStubs.json("{\"token\":\"tok-cat-1\",\"location\":{\"country\":\"SE\"}}")));
    }

    @Test
    void everyAnswerToASessionCarriesItsTokenAndAnETagOfItsOwn() {
        Reply shared = client.post(LISTING, QUERY);
        assertThat(shared.json().has("token")).isFalse();

        // The miss, the controller's hit, then hits answered ahead of dispatch.
        for (int i = 0; i < 4; i++) {
            Reply mine = client.post(LISTING, QUERY, "API-Token", "tok-cat-1");
            assertThat(mine.status()).isEqualTo(200);
            assertThat(mine.json().path("token").asText()).isEqualTo("tok-cat-1");
            assertThat(mine.json().path("products")).isEqualTo(shared.json().path("products"));
            assertThat(mine.header("ETag")).isNotEqualTo(shared.header("ETag"));
            assertThat(mine.header("Cache-Control")).contains("private");
        }

        Reply other = client.post(LISTING, QUERY, "API-Token", "tok-cat-2");
        assertThat(other.json().path("token").asText()).isEqualTo("tok-cat-2");
        Reply mine = client.post(LISTING, QUERY, "API-Token", "tok-cat-1");
        assertThat(other.header("ETag")).isNotEqualTo(mine.header("ETag"));

        Reply revalidated = client.post(LISTING, QUERY, "API-Token", "tok-cat-1", "If-None-Match", mine.header("ETag"));
        assertThat(revalidated.status()).isEqualTo(304);
        Reply anotherToken =
                client.post(LISTING, QUERY, "API-Token", "tok-cat-2", "If-None-Match", mine.header("ETag"));
        assertThat(anotherToken.status()).as("another token's validator").isEqualTo(200);
    }

    @Test
    void centrasTokenLessCallGetsTheSharedAnswerWithoutAToken() {
        Reply shared = client.post(LISTING, QUERY);
        for (int i = 0; i < 3; i++) {
            Reply tokenless = client.post(LISTING, QUERY, "API-Token", "none");
            assertThat(tokenless.status()).isEqualTo(200);
            assertThat(tokenless.json().has("token")).isFalse();
            assertThat(tokenless.header("ETag")).isEqualTo(shared.header("ETag"));
            assertThat(tokenless.header("Cache-Control")).isEqualTo(shared.header("Cache-Control"));
        }
    }

    @Test
    void aSingleProductCarriesTheTokenToo() {
        CENTRA.stubFor(CentraStubs.single("1001", "Shirt", "100"));
        for (int i = 0; i < 3; i++) {
            Reply product = client.get("/api/checkout/products/1001", "API-Token", "tok-cat-1");
            assertThat(product.status()).as(product.text()).isEqualTo(200);
            assertThat(product.json().path("token").asText()).isEqualTo("tok-cat-1");
            assertThat(product.json().path("product").path("product").asText()).isEqualTo("1001");
        }
    }
}
