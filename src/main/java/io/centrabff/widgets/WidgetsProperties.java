package io.centrabff.widgets;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the BFF keeps checkout widgets in step with the cart.
 *
 * @param laneWait Longest a cart mutation waits for the mutations queued before it on the same cart; then 409
 *     cart-busy with Retry-After. Keep it below Klarna's ~10 s auto-resume.
 * @param idempotencyTtl How long the first answer to a mutation with an Idempotency-Key is replayed for the same key.
 * @param eventDedupeWindow Identical widget events inside this window are answered without a second call to Centra.
 * @param kcoValidity How long a Klarna Checkout session stays usable after the last update or shopper interaction.
 * @param paymentLockTimeout A payment lock no one released ends after this long.
 * @param streamHeartbeat Interval of the comment lines that keep idle event streams open through proxies and find
 *     closed tabs, whose slots are then freed.
 * @param maxStreamsPerCart Open event streams allowed per cart; more get 429.
 * @param maxStreamsPerClient Open event streams allowed per client address on one instance; more get 429.
 * @param maxStreams Open event streams allowed on one instance in all; more get 429.
 * @param maxCarts Carts whose widget state and token aliases one instance keeps; the least recently used go first.
 * @param cartIdleTtl Widget state and token aliases of a cart untouched this long are forgotten.
 * @param kcoPaymentMethods Payment-method ids that are Klarna Checkout (or Kustom) although neither the id nor
 *     Centra's paymentMethodType says so.
 * @param qliroPaymentMethods Payment-method ids that are Qliro One although neither the id nor Centra's
 *     paymentMethodType says so.
 * @param repliesMaxMemory Memory the kept answers for Idempotency-Key retries may take on one instance (serialized
 *     size); the oldest are dropped first.
 */
@Validated
@ConfigurationProperties("bff.widgets")
public record WidgetsProperties(
        @NotNull @DefaultValue("8s") Duration laneWait,
        @NotNull @DefaultValue("10m") Duration idempotencyTtl,
        @NotNull @DefaultValue("10s") Duration eventDedupeWindow,
        @NotNull @DefaultValue("48h") Duration kcoValidity,
        @NotNull @DefaultValue("5m") Duration paymentLockTimeout,
        @NotNull @DefaultValue("4s") Duration streamHeartbeat,
        @Min(1) @DefaultValue("5") int maxStreamsPerCart,
        @Min(1) @DefaultValue("20") int maxStreamsPerClient,
        @Min(1) @DefaultValue("10000") int maxStreams,
        @Min(1) @DefaultValue("100000") long maxCarts,
        @NotNull @DefaultValue("49h") Duration cartIdleTtl,
        @NotNull @DefaultValue({}) List<String> kcoPaymentMethods,
        @NotNull @DefaultValue({}) List<String> qliroPaymentMethods,
        @NotNull @DefaultValue("16MB") DataSize repliesMaxMemory) {}
