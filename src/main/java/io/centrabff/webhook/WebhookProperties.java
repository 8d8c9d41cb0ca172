package io.centrabff.webhook;

import io.centrabff.web.Secret;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Intake of Centra Webhook plugin calls that keep the catalog cache fresh.
 *
 * @param path Path Centra posts to (the plugin's endpoint URL); outside the storefront base path.
 * @param secret The plugin's endpoint secret; X-Centra-Signature is checked against it, and without it every call is
 *     refused with 401.
 * @param tolerance How far the signature's timestamp may be from now; older (or replayed) calls are refused.
 * @param queueCapacity Webhook calls waiting to be applied; when full, the affected caches are cleared at once.
 */
@Validated
@ConfigurationProperties("bff.webhook")
public record WebhookProperties(
        @Pattern(regexp = "(/[A-Za-z0-9._-]+)+", message = "bff.webhook.path must look like /api/webhooks/centra")
                @DefaultValue("/api/webhooks/centra")
                String path,
        @DefaultValue("") Secret secret,
        @NotNull @DefaultValue("300s") Duration tolerance,
        @Min(1) @Max(1_000_000) @DefaultValue("1000") int queueCapacity) {}
