package io.centrabff.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** Which requests a rule covers: what a filter answering ahead of the rate limits must leave to them. */
class RateLimitFilterRulesTests {

    private static RateLimitFilter filter(Map<String, RateLimitProperties.Rule> rules) {
        RateLimitProperties properties = new RateLimitProperties(true, 100, rules);
        return new RateLimitFilter(
                properties,
                "/api/checkout",
                new RateLimiter(properties, null, new LocalBuckets(100)),
                null,
                JsonMapper.builder().build(),
                "centra-session",
                new Problems(request -> null));
    }

    private static RateLimitProperties.Rule rule(List<String> paths, List<String> methods) {
        return new RateLimitProperties.Rule(
                paths, methods, RateLimitProperties.Rule.Per.CLIENT, 10, Duration.ofMinutes(1));
    }

    @Test
    void aRuleCoversItsMethodsOnItsPathsOnly() {
        RateLimitFilter filter = filter(Map.of("reads", rule(List.of("/products/*"), List.of("GET"))));

        assertThat(filter.applies("GET", "/api/checkout/products/1001")).isTrue();
        assertThat(filter.applies("POST", "/api/checkout/products/1001")).isFalse();
        assertThat(filter.applies("GET", "/api/checkout/products")).isFalse();
        assertThat(filter.applies("GET", "/api/checkout/categories")).isFalse();
    }

    @Test
    void rulesWithoutPathsCoverNoRequest() {
        RateLimitFilter filter = filter(Map.of("catalog-miss", rule(List.of(), List.of("GET", "POST"))));

        assertThat(filter.applies("POST", "/api/checkout/products")).isFalse();
        assertThat(filter.applies("GET", "/api/checkout/products/1001")).isFalse();
    }

    @Test
    void aRefusalRepeatsTheCallersTokenWhereTheSessionSaysSo() throws Exception {
        RateLimitProperties properties = new RateLimitProperties(
                true,
                100,
                Map.of(
                        "vouchers",
                        new RateLimitProperties.Rule(
                                List.of("/vouchers"),
                                List.of("POST"),
                                RateLimitProperties.Rule.Per.SESSION,
                                1,
                                Duration.ofMinutes(1))));
        // Header mode's CallerToken: the API-Token the request carried.
        RateLimitFilter filter = new RateLimitFilter(
                properties,
                "/api/checkout",
                new RateLimiter(properties, new Rejections(new SimpleMeterRegistry()), new LocalBuckets(100)),
                null,
                // As the application's mapper writes problems: their properties as top-level members.
                JsonMapper.builder()
                        .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
                        .build(),
                "centra-session",
                new Problems(request -> request.getHeader("API-Token")));

        MockHttpServletResponse first = post(filter);
        MockHttpServletResponse second = post(filter);

        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(second.getStatus()).isEqualTo(429);
        assertThat(second.getContentType()).startsWith("application/problem+json");
        assertThat(JsonMapper.builder()
                        .build()
                        .readTree(second.getContentAsString())
                        .path("token")
                        .asText())
                .isEqualTo("tok-header");
    }

    private static MockHttpServletResponse post(RateLimitFilter filter) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/checkout/vouchers");
        request.addHeader("API-Token", "tok-header");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
