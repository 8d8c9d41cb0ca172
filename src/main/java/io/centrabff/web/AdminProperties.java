package io.centrabff.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operator endpoints under {@code /api/admin}.
 *
 * @param secret Bearer token operators send to admin endpoints (catalog rebuild); when unset, every admin call is
 *     refused with 401.
 */
@ConfigurationProperties("bff.admin")
public record AdminProperties(@DefaultValue("") Secret secret) {}
