package io.centrabff.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Token-bucket rate limits on abuse-prone endpoints.
 *
 * @param enabled Whether rate limits are enforced.
 * @param maxTrackedKeys Most client keys (IPs, accounts) tracked at once per rule; the least recently seen are
 *     forgotten first.
 * @param rules Rate-limit rules by name; each limits requests per client IP to matching paths.
 */
@Validated
@ConfigurationProperties("bff.rate-limits")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @Min(1) @DefaultValue("100000") long maxTrackedKeys,
        @NotNull @DefaultValue({}) Map<String, @Valid Rule> rules) {

    /**
     * One limit.
     *
     * @param paths Path patterns under the API base path, e.g. /payment or /login/*; empty for limits only applied in
     *     code (per account).
     * @param methods HTTP methods the rule applies to.
     * @param per What a budget belongs to: the client (its IP; an IPv6 /64) or the shopper's session (cart), for
     *     requests that carry one (others fall back to the client).
     * @param capacity Requests allowed per period per client.
     * @param period Length of the window in which capacity requests are allowed.
     */
    public record Rule(
            @NotNull @DefaultValue({}) List<String> paths,
            @NotEmpty @DefaultValue("POST") List<String> methods,
            @NotNull @DefaultValue("CLIENT") Per per,
            @Min(1) int capacity,
            @NotNull Duration period) {

        /** Whose budget a rule counts. */
        public enum Per {
            CLIENT,
            SESSION
        }
    }
}
