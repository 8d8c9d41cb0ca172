package io.centrabff.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which browser origins may call the storefront API.
 *
 * @param allowedOrigins Origins (scheme, host and optional port, no path and no wildcard) whose browser code may call
 *     the API with credentials, e.g. https://shop.example.com; requests from any other origin are refused with 403.
 * @param maxAge How long browsers may cache a preflight answer.
 */
@Validated
@ConfigurationProperties("bff.cors")
public record CorsProperties(
        @NotNull @DefaultValue({})
                List<
                                @Pattern(
                                        regexp = "https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?",
                                        message =
                                                "bff.cors.allowed-origins entries must look like https://shop.example.com")
                                String>
                        allowedOrigins,
        @NotNull @DefaultValue("30m") Duration maxAge) {}
