package io.centrabff.catalog;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How catalog answers are cached outside the BFF, and how repeated reads are answered inside it.
 *
 * @param maxAge How long a CDN or browser may reuse a catalog answer that does not depend on the shopper's session
 *     (no session token, no server key) without asking again; webhooks do not reach those copies, so keep it short.
 * @param staleWhileRevalidate How long after max-age a CDN may still serve such an answer while it revalidates it in
 *     the background (with If-None-Match, answered 304 when unchanged).
 * @param fastPath Whether a repeated catalog read whose answer is cached is answered ahead of MVC dispatch from its
 *     pre-rendered bytes (the first such read always goes through the controller).
 */
@Validated
@ConfigurationProperties("bff.catalog.http")
public record CatalogHttpProperties(
        @NotNull @DefaultValue("30s") Duration maxAge,
        @NotNull @DefaultValue("5m") Duration staleWhileRevalidate,
        @DefaultValue("true") boolean fastPath) {}
