package io.centrabff.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the payment provider may send the shopper back to.
 *
 * @param returnOrigins Storefront origins (scheme, host, optional port) that paymentReturnPage and paymentFailedPage
 *     of POST /payment must point to; empty means the CORS allow-list (bff.cors.allowed-origins), and when both are
 *     empty the pages are not restricted.
 */
@Validated
@ConfigurationProperties("bff.payment")
public record PaymentPagesProperties(
        @NotNull @DefaultValue({})
                List<
                                @Pattern(
                                        regexp = "https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?",
                                        message =
                                                "bff.payment.return-origins entries must look like https://shop.example.com")
                                String>
                        returnOrigins) {}
