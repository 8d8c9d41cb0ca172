package io.centrabff.web;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The storefront-facing API.
 *
 * @param basePath Path under which the Centra-shaped endpoints are served; storefront code written for Centra only
 *     changes its base URL to this.
 */
@Validated
@ConfigurationProperties("bff.api")
public record ApiProperties(
        @Pattern(regexp = "(/[A-Za-z0-9._-]+)+", message = "bff.api.base-path must look like /api/checkout")
                @DefaultValue("/api/checkout")
                String basePath) {}
