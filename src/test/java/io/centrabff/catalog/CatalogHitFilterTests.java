package io.centrabff.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.centrabff.CentraStubs;
import io.centrabff.ShopperClient.Reply;
import io.centrabff.centra.StubbedCentra;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Repeated catalog hits answered ahead of MVC dispatch, over real HTTP against a WireMock Centra. */
class CatalogHitFilterTests extends StubbedCentra {

    /** The server key both shared test contexts configure (bff.catalog.server-key). */
    private static final String SERVER_KEY = "test-server-key";

    static final String LISTING = "/api/checkout/products";
    static final Map<String, Object> QUERY = Map.of("limit", 1);

    @Autowired
    MeterRegistry meters;

    @Autowired
    RequestMappingHandlerMapping mappings;

    @BeforeEach
    void catalog() {
        CentraStubs.countries(CENTRA);
        CentraStubs.listing(CENTRA, 0);
    }

    @Test
    void repeatedHitsSkipDispatchYetGetTheControllersAnswerWithEveryFiltersHeadersAndMetrics() {
        double before = requests(LISTING);
        // The cache header is for the storefront's server only: these calls present the server key.
        Reply miss = client.post(LISTING, QUERY, "Origin", STOREFRONT, "X-BFF-Server-Key", SERVER_KEY);
        assertThat(miss.header("X-BFF-Cache")).isEqualTo("miss");
        Reply dispatched = client.post(LISTING, QUERY, "Origin", STOREFRONT, "X-BFF-Server-Key", SERVER_KEY);
        assertThat(dispatched.header("X-BFF-Cache")).isEqualTo("hit");

        int handled = countingCatalogHandlers(() -> {
            for (int i = 0; i < 5; i++) {
                Reply fast = client.post(
                        LISTING,
                        QUERY,
                        "Origin",
                        STOREFRONT,
                        "X-BFF-Server-Key",
                        SERVER_KEY,
                        "X-Correlation-ID",
                        "corr-fast-" + i);
                assertThat(fast.status()).isEqualTo(200);
                assertThat(fast.text()).isEqualTo(dispatched.text());
                assertThat(comparable(fast)).isEqualTo(comparable(dispatched));
                assertThat(fast.header("X-Correlation-ID")).isEqualTo("corr-fast-" + i);
                assertThat(fast.header("X-Content-Type-Options")).isEqualTo("nosniff");
                assertThat(fast.header("Access-Control-Allow-Origin")).isEqualTo(STOREFRONT);
            }
        });

        assertThat(handled).as("requests that reached CatalogController").isZero();
        // The two dispatched reads and the five fast ones. The server meter is recorded once an answer is complete,
        // a moment after the client has read it.
        await().untilAsserted(() -> assertThat(requests(LISTING) - before).isEqualTo(7));
    }

    @Test
    void anotherShopperContextIsNotAnsweredWithTheRememberedView() {
        client.post(LISTING, QUERY);
        Reply sweden = client.post(LISTING, QUERY);
        assertThat(client.post(LISTING, QUERY).text()).isEqualTo(sweden.text());

        int handled = countingCatalogHandlers(() -> {
            Reply germany = client.post(LISTING, QUERY, "CF-IPCountry", "DE");
            assertThat(germany.status()).isEqualTo(200);
            // Pricelist 20 doubles the price of pricelist 19.
            assertThat(germany.json().at("/products/0/priceAsNumber").asInt())
                    .isEqualTo(2 * sweden.json().at("/products/0/priceAsNumber").asInt());
        });

        assertThat(handled).isEqualTo(1);
    }

    @Test
    void aShopperWhoseCountryIsNotKnownYetCostsOneSelectionReadNotTwo() {
        CENTRA.stubFor(get(urlEqualTo(CentraStubs.BASE + "/selection"))
                .willReturn(CentraStubs.json("{\"token\":\"tok-fast-1\",\"location\":{\"country\":\"DE\"}}")));
        client.post(LISTING, QUERY);

        Reply germany = client.post(LISTING, QUERY, "Cookie", "centra-session=tok-fast-1");
        client.post(LISTING, QUERY, "Cookie", "centra-session=tok-fast-1");

        assertThat(germany.status()).isEqualTo(200);
        assertThat(upstreamCalls("GET", "/selection")).isEqualTo(1);
    }

    @Test
    void aCorsRefusalStillComesFirst() {
        client.post(LISTING, QUERY);
        client.post(LISTING, QUERY);

        Reply refused = client.post(LISTING, QUERY, "Origin", "https://elsewhere.example");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }

    /** How many requests reach one of CatalogController's handlers while {@code requests} run. */
    private int countingCatalogHandlers(Runnable requests) {
        AtomicInteger calls = new AtomicInteger();
        HandlerInterceptor counter = new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (handler instanceof HandlerMethod method && method.getBeanType() == CatalogController.class) {
                    calls.incrementAndGet();
                }
                return true;
            }
        };
        // The shared context's handler mapping, reached by reflection so that no test starts a context of its own.
        @SuppressWarnings("unchecked")
        List<HandlerInterceptor> interceptors =
                (List<HandlerInterceptor>) ReflectionTestUtils.getField(mappings, "adaptedInterceptors");
        interceptors.add(counter);
        try {
            requests.run();
        } finally {
            interceptors.remove(counter);
        }
        return calls.get();
    }

    /** The headers an answer is made of, without those that differ per request. */
    private static Map<String, List<String>> comparable(Reply reply) {
        Map<String, List<String>> headers = new TreeMap<>();
        reply.headers().forEach((name, values) -> {
            String lower = name == null ? null : name.toLowerCase(Locale.ROOT);
            if (lower != null
                    && !Set.of("date", "x-correlation-id", "traceparent").contains(lower)) {
                headers.put(lower, values);
            }
        });
        return headers;
    }

    private double requests(String uri) {
        return meters.find("http.server.requests").tag("uri", uri).timers().stream()
                .mapToDouble(Timer::count)
                .sum();
    }
}
