package io.centrabff.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.SandboxTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/** Without spring.data.redis.* the service is one instance with local state and never reaches for a Redis. */
@SandboxTest
class SingleInstanceTests {

    @Autowired
    ApplicationContext context;

    @Test
    void noRedisIsConfiguredAndCoordinationReportsASingleInstance() {
        assertThat(context.getBeanNamesForType(RedisConnectionFactory.class)).isEmpty();
        assertThat(context.getBeanNamesForType(RedisLink.class)).isEmpty();

        Health health = context.getBean(CoordinationHealthIndicator.class).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("mode", "single-instance");
    }
}
