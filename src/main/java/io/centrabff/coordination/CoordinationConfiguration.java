package io.centrabff.coordination;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.support.TaskExecutorAdapter;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.util.backoff.FixedBackOff;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CoordinationProperties.class)
class CoordinationConfiguration {

    /** Reports how instances coordinate; present with or without Redis. */
    @Bean("coordinationHealthIndicator")
    CoordinationHealthIndicator coordinationHealthIndicator(ObjectProvider<RedisLink> link) {
        return new CoordinationHealthIndicator(link.getIfAvailable());
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(RedisConfigured.class)
    static class WithRedis {

        private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

        /**
         * Fail fast while disconnected: a command issued during an outage is rejected at once (and the caller uses its
         * local fallback) instead of queueing while Lettuce reconnects. Applied on top of Boot's options (SSL etc.).
         */
        @Bean
        LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected(DataRedisProperties redis) {
            Duration command = redis.getTimeout() != null ? redis.getTimeout() : DEFAULT_TIMEOUT;
            return builder -> {
                builder.autoReconnect(true)
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                        .timeoutOptions(TimeoutOptions.enabled(command));
                if (redis.getConnectTimeout() == null) {
                    builder.socketOptions(SocketOptions.builder()
                            .connectTimeout(DEFAULT_TIMEOUT)
                            .build());
                }
            };
        }

        /** Without spring.data.redis.timeout a command waits at most 1 s (Lettuce's own default is 60 s). */
        @Bean
        LettuceClientConfigurationBuilderCustomizer boundedCommandTimeout(DataRedisProperties redis) {
            return builder -> {
                if (redis.getTimeout() == null) {
                    builder.commandTimeout(DEFAULT_TIMEOUT);
                }
            };
        }

        /** Reconnect attempts back off from 100 ms to bff.redis.reconnect-max-delay, with jitter. */
        @Bean
        ClientResourcesBuilderCustomizer boundedReconnectDelay(CoordinationProperties properties) {
            return builder -> builder.reconnectDelay(Delay.equalJitter(
                    Duration.ofMillis(100), properties.reconnectMaxDelay(), 100, TimeUnit.MILLISECONDS));
        }

        /**
         * One delivery thread, so messages reach handlers in the order Redis received them (replaces Boot's container).
         * Started by {@link RedisLink}, not by the context: a Redis that cannot be reached at start-up leaves the link
         * down (local fallbacks) instead of failing the start, and the link's probe starts it once Redis answers.
         */
        @Bean(destroyMethod = "destroy")
        RedisMessageListenerContainer redisMessageListenerContainer(RedisConnectionFactory connections) {
            RedisMessageListenerContainer container = new RedisMessageListenerContainer();
            container.setAutoStartup(false);
            container.setConnectionFactory(connections);
            container.setTaskExecutor(new TaskExecutorAdapter(Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "redis-messages");
                thread.setDaemon(true);
                return thread;
            })));
            container.setRecoveryBackoff(new FixedBackOff(1000, FixedBackOff.UNLIMITED_ATTEMPTS));
            return container;
        }

        @Bean
        RedisLink redisLink(
                StringRedisTemplate redis,
                RedisMessageListenerContainer listeners,
                CoordinationProperties properties,
                ClientResources resources,
                MeterRegistry meters,
                ApplicationEventPublisher events) {
            return new RedisLink(redis, listeners, properties, resources, meters, events);
        }
    }
}
