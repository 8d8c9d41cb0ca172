package io.centrabff.coordination;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How instances coordinate through Redis once {@code spring.data.redis.*} is set.
 *
 * @param keyPrefix Prefix of every Redis key and channel, so several shops (or environments) can share one Redis.
 * @param probeInterval How often each instance sends a probe through Redis pub/sub to itself.
 * @param probeTimeout A probe not back within this long marks Redis unreachable: local fallback until one is.
 * @param cartLease Lease of the per-cart lock; must outlive the longest cart or payment operation.
 * @param lockRetry Longest pause between attempts to take a per-cart lock another instance holds: the holder announces
 *     its release to a waiting instance, which then tries again at once.
 * @param reconnectMaxDelay Longest pause between reconnection attempts after Redis went away (Lettuce's own default
 *     grows to 30 s, which would keep instances uncoordinated that long after Redis is back).
 */
@Validated
@ConfigurationProperties("bff.redis")
public record CoordinationProperties(
        @NotBlank @DefaultValue("centra-bff") String keyPrefix,
        @NotNull @DefaultValue("500ms") Duration probeInterval,
        @NotNull @DefaultValue("1500ms") Duration probeTimeout,
        @NotNull @DefaultValue("60s") Duration cartLease,
        @NotNull @DefaultValue("10ms") Duration lockRetry,
        @NotNull @DefaultValue("2s") Duration reconnectMaxDelay) {

    /** A key or channel name under {@link #keyPrefix()}. */
    public String key(String... parts) {
        return keyPrefix + ":" + String.join(":", parts);
    }
}
