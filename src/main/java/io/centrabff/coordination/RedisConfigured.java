package io.centrabff.coordination;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code spring.data.redis.*} names a Redis (see {@link RedisOptIn}). */
public class RedisConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return RedisOptIn.configured(context.getEnvironment());
    }
}
