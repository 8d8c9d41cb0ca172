package io.centrabff.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
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
                "centra-session");
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
}
