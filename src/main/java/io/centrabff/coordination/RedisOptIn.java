package io.centrabff.coordination;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Redis is opt-in: only when one of Spring's standard {@code spring.data.redis.*} connection properties is set do the
 * Redis auto-configurations run. Without them the BFF stays a single instance with local state and never tries to
 * reach a Redis on localhost. Redis repositories are never used, so their auto-configuration is always left out.
 */
class RedisOptIn implements EnvironmentPostProcessor {

    static final String PROPERTY_SOURCE = "redisOptIn";

    private static final List<String> CONNECTION_PROPERTIES = List.of(
            "spring.data.redis.host",
            "spring.data.redis.url",
            "spring.data.redis.sentinel.master",
            "spring.data.redis.cluster.nodes[0]",
            "spring.data.redis.cluster.nodes");

    private static final List<String> REDIS_AUTO_CONFIGURATIONS = List.of(
            "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration");

    /** Never used: Redis repositories. */
    private static final List<String> UNUSED_AUTO_CONFIGURATIONS =
            List.of("org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration");

    /** Whether the environment names a Redis to coordinate through. */
    static boolean configured(Environment environment) {
        return CONNECTION_PROPERTIES.stream().anyMatch(name -> StringUtils.hasText(environment.getProperty(name)));
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Set<String> excluded = new LinkedHashSet<>(
                StringUtils.commaDelimitedListToSet(environment.getProperty("spring.autoconfigure.exclude", "")));
        excluded.removeIf(name -> name.isBlank());
        excluded.addAll(UNUSED_AUTO_CONFIGURATIONS);
        if (!configured(environment)) {
            excluded.addAll(REDIS_AUTO_CONFIGURATIONS);
        }
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        PROPERTY_SOURCE, Map.of("spring.autoconfigure.exclude", String.join(",", excluded))));
    }
}
