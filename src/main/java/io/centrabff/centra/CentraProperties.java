package io.centrabff.centra;

import io.centrabff.web.Secret;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How to reach Centra's Checkout API.
 *
 * @param baseUrl Base URL of the Checkout API, preferably the permalink with the plugin id, e.g.
 *     https://shop.centra.com/api/checkout/52; required unless the {@code sandbox} profile runs the embedded
 *     sandbox.
 * @param sharedSecret Checkout API shared secret, sent as a Bearer token only on server-side operations.
 * @param connectTimeout Time allowed to open a TCP connection to Centra.
 * @param maxConnections Maximum number of pooled connections to Centra.
 * @param pendingAcquireTimeout How long a call may wait for a pooled connection before failing.
 * @param maxResponseSize Largest Centra response body the gateway buffers.
 * @param timeouts Response time limits per operation class.
 */
@Validated
@ConfigurationProperties(prefix = "centra", ignoreUnknownFields = false)
public record CentraProperties(
        URI baseUrl,
        @DefaultValue("") Secret sharedSecret,
        @NotNull @DefaultValue("2s") Duration connectTimeout,
        @Min(1) @DefaultValue("500") int maxConnections,
        @NotNull @DefaultValue("2s") Duration pendingAcquireTimeout,
        @NotNull @DefaultValue("16MB") DataSize maxResponseSize,
        @Valid @NotNull @DefaultValue Timeouts timeouts) {

    /**
     * Response time limits per operation class; payment providers are slower than catalog reads.
     *
     * @param catalog Time limit for catalog reads (products, categories, uri, countries, languages).
     * @param cart Time limit for cart operations; keep it below Klarna Checkout's 10 s auto-resume.
     * @param payment Time limit for payment, payment-result, receipt and address search.
     */
    public record Timeouts(
            @NotNull @DefaultValue("3s") Duration catalog,
            @NotNull @DefaultValue("6s") Duration cart,
            @NotNull @DefaultValue("20s") Duration payment) {

        public Duration of(OperationClass operationClass) {
            return switch (operationClass) {
                case CATALOG -> catalog;
                case CART -> cart;
                case PAYMENT -> payment;
            };
        }
    }
}
