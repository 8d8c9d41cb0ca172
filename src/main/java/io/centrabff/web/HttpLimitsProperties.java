package io.centrabff.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on what callers may send.
 *
 * @param maxBodySize Largest request body accepted; larger bodies get 413 before anything parses them.
 * @param maxJsonDepth Deepest nesting of JSON objects and arrays accepted in a body; deeper documents get 400 while
 *     parsing, before any tree is built.
 */
@Validated
@ConfigurationProperties("bff.http")
public record HttpLimitsProperties(
        @NotNull @DefaultValue("64KB") DataSize maxBodySize, @Min(8) @Max(1000) @DefaultValue("64") int maxJsonDepth) {}
