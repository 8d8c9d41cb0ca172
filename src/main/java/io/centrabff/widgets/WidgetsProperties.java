package io.centrabff.widgets;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the BFF reads Centra's answers for checkout widgets. The other {@code bff.widgets.*} properties (how carts
 * are ordered, replayed and streamed) are {@code CartProperties}.
 *
 * @param kcoValidity How long a Klarna Checkout session stays usable after the last update or shopper interaction.
 * @param kcoPaymentMethods Payment-method ids that are Klarna Checkout (or Kustom) although neither the id nor
 *     Centra's paymentMethodType says so.
 * @param qliroPaymentMethods Payment-method ids that are Qliro One although neither the id nor Centra's
 *     paymentMethodType says so.
 */
@Validated
@ConfigurationProperties("bff.widgets")
public record WidgetsProperties(
        @NotNull @DefaultValue("48h") Duration kcoValidity,
        @NotNull @DefaultValue({}) List<String> kcoPaymentMethods,
        @NotNull @DefaultValue({}) List<String> qliroPaymentMethods) {}
