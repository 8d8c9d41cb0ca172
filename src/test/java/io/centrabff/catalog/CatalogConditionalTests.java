package io.centrabff.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.SandboxTest;
import io.centrabff.ShopperClient;
import io.centrabff.ShopperClient.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.ObjectMapper;

/** Conditional requests and CDN headers on catalog answers, over real HTTP against the embedded sandbox. */
@SandboxTest
class CatalogConditionalTests {

    /** The server key both shared test contexts configure (bff.catalog.server-key). */
    private static final String SERVER_KEY = "test-server-key";

    static final String LISTING = "/api/checkout/products";
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Map<String, Object> QUERY = Map.of("limit", 3, "onlyAvailable", true);

    @LocalServerPort
    int port;

    @Autowired
    CatalogCache cache;

    @Autowired
    CatalogHttpProperties http;

    ShopperClient shopper;

    @BeforeEach
    void freshCache() {
        cache.clear();
        shopper = new ShopperClient(port);
    }

    @Test
    void everyCatalogReadHasAStrongEtagAndIfNoneMatchGets304WithoutBody() {
        Map<String, Supplier<Reply>> reads = Map.of(
                "listing", () -> shopper.post(LISTING, QUERY, "CF-IPCountry", "DE"),
                "product", () -> shopper.get(LISTING + "/1001", "CF-IPCountry", "DE"),
                "categories", () -> shopper.get("/api/checkout/categories", "CF-IPCountry", "DE"),
                "uri", () -> shopper.post("/api/checkout/uri", Map.of("uri", "tops"), "CF-IPCountry", "DE"));
        reads.forEach((name, read) -> {
            Reply first = read.get();
            assertThat(first.status()).as(name + ": " + first.text()).isEqualTo(200);
            String etag = first.header("ETag");
            assertThat(etag).as(name).matches("\"[A-Za-z0-9_-]{22}\"");
            // The first conditional read is dispatched to the controller, the later ones are answered before it.
            for (int i = 0; i < 3; i++) {
                Reply again = conditional(name, etag);
                assertThat(again.status()).as(name + " #" + i).isEqualTo(304);
                assertThat(again.text()).as(name).isEmpty();
                assertThat(again.header("ETag")).as(name).isEqualTo(etag);
                assertThat(again.header("Cache-Control")).as(name).contains("public");
                assertThat(again.allHeaders("Vary")).as(name).isNotEmpty();
            }
            Reply changed = conditional(name, "\"something-else\", W/\"another\"");
            assertThat(changed.status()).as(name).isEqualTo(200);
            assertThat(changed.text()).as(name).isEqualTo(first.text());
            assertThat(conditional(name, "W/" + etag).status())
                    .as(name + ": If-None-Match compares weakly")
                    .isEqualTo(304);
        });
    }

    private Reply conditional(String name, String ifNoneMatch) {
        return switch (name) {
            case "listing" -> shopper.post(LISTING, QUERY, "CF-IPCountry", "DE", "If-None-Match", ifNoneMatch);
            case "product" -> shopper.get(LISTING + "/1001", "CF-IPCountry", "DE", "If-None-Match", ifNoneMatch);
            case "categories" -> shopper.get(
                    "/api/checkout/categories", "CF-IPCountry", "DE", "If-None-Match", ifNoneMatch);
            default -> shopper.post(
                    "/api/checkout/uri", Map.of("uri", "tops"), "CF-IPCountry", "DE", "If-None-Match", ifNoneMatch);
        };
    }

    @Test
    void etagIsTheViewsOwnSoAnotherPricelistGetsAnother() {
        Reply germany = shopper.post(LISTING, QUERY, "CF-IPCountry", "DE");
        Reply germanyAgain = shopper.post(LISTING, QUERY, "CF-IPCountry", "DE");
        Reply usa = shopper.post(LISTING, QUERY, "CF-IPCountry", "US");

        assertThat(germanyAgain.header("ETag")).isEqualTo(germany.header("ETag"));
        assertThat(usa.text()).isNotEqualTo(germany.text());
        assertThat(usa.header("ETag")).isNotEqualTo(germany.header("ETag"));
        assertThat(shopper.post(LISTING, QUERY, "CF-IPCountry", "US", "If-None-Match", germany.header("ETag"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void sessionlessAnswersTellACdnHowLongAndByWhatTheyVary() {
        shopper.post(LISTING, QUERY, "CF-IPCountry", "DE");
        Reply reply = shopper.post(LISTING, QUERY, "CF-IPCountry", "DE");

        assertThat(reply.header("Cache-Control"))
                .contains("public")
                .contains("max-age=" + http.maxAge().toSeconds())
                .contains(
                        "stale-while-revalidate=" + http.staleWhileRevalidate().toSeconds())
                .doesNotContain("private");
        assertThat(String.join(",", reply.allHeaders("Vary")))
                .contains("Cookie")
                .contains("X-BFF-Server-Key")
                .contains("CF-IPCountry")
                .contains("CloudFront-Viewer-Country");
    }

    @Test
    void answersForAShopperSessionOrAServerCallerArePrivate() {
        shopper.get("/api/checkout/selection", "CF-IPCountry", "DE"); // the shopper now has a session cookie
        Reply withSession = shopper.post(LISTING, QUERY);
        assertThat(withSession.status()).isEqualTo(200);
        assertThat(withSession.header("Cache-Control")).contains("private").doesNotContain("public");

        // Whatever the key: an answer to a caller presenting one is never kept by a shared cache.
        Reply server = new ShopperClient(port).post(LISTING, QUERY, "X-BFF-Server-Key", "some-server-key");
        assertThat(server.status()).isEqualTo(200);
        assertThat(server.header("Cache-Control")).contains("private").doesNotContain("public");
        assertThat(server.header("ETag")).isNotNull();
    }

    @Test
    void aRequestTheControllerWouldRefuseIsNeverAnsweredFromTheFastPath() throws Exception {
        String body = MAPPER.writeValueAsString(QUERY);
        for (int i = 0; i < 3; i++) {
            assertThat(shopper.post(LISTING, body, "CF-IPCountry", "DE").status())
                    .isEqualTo(200);
        }

        // The same bytes as text/plain: the controller's 415, not the remembered 200.
        HttpResponse<String> text = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + LISTING))
                                .header("Content-Type", "text/plain")
                                .header("CF-IPCountry", "DE")
                                .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(QUERY)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(text.statusCode()).isEqualTo(415);
        Reply malformed = shopper.post(LISTING, "{\"limit\":", "CF-IPCountry", "DE");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(shopper.post(LISTING, "{\"limit\":", "CF-IPCountry", "DE").status())
                .isEqualTo(400);
    }

    @Test
    void anEvictedEntryIsNotServedFromRememberedBytes() {
        shopper.post(LISTING, QUERY, "CF-IPCountry", "DE", "X-BFF-Server-Key", SERVER_KEY);
        shopper.post(LISTING, QUERY, "CF-IPCountry", "DE", "X-BFF-Server-Key", SERVER_KEY);
        assertThat(shopper.post(LISTING, QUERY, "CF-IPCountry", "DE", "X-BFF-Server-Key", SERVER_KEY)
                        .header("X-BFF-Cache"))
                .isEqualTo("hit");

        cache.clear();

        assertThat(shopper.post(LISTING, QUERY, "CF-IPCountry", "DE", "X-BFF-Server-Key", SERVER_KEY)
                        .header("X-BFF-Cache"))
                .isEqualTo("miss");
    }
}
