package io.centrabff.cart;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the BFF keeps each cart: the order of its changes, their replays, its state and its event streams. Bound under
 * {@code bff.widgets}, the names operators already use, next to {@code WidgetsProperties}.
 *
 * @param laneWait Longest a cart change waits for the changes queued before it on the same cart; then 409 cart-busy
 *     with Retry-After. Keep it below Klarna's ~10 s auto-resume.
 * @param idempotencyTtl How long the first answer to a change with an Idempotency-Key is replayed for the same key.
 * @param eventDedupeWindow Identical widget events inside this window are answered without a second call to Centra.
 * @param paymentLockTimeout A payment lock no one released ends after this long.
 * @param streamHeartbeat Interval of the comment lines that keep idle event streams open through proxies and find
 *     closed tabs, whose slots are then freed.
 * @param maxStreamsPerCart Open event streams allowed per cart; more get 429.
 * @param maxStreamsPerClient Open event streams allowed per client address on one instance; more get 429.
 * @param maxStreams Open event streams allowed on one instance in all; more get 429.
 * @param maxCarts Carts whose state and token aliases one instance keeps; the least recently used go first.
 * @param cartIdleTtl State and token aliases of a cart untouched this long are forgotten (Klarna orders live 48 h).
 * @param repliesMaxMemory Memory the kept answers for Idempotency-Key retries may take on one instance (serialized
 *     size); the oldest are dropped first.
 */
@Validated
@ConfigurationProperties("bff.widgets")
public record CartProperties(
        @NotNull @DefaultValue("8s") Duration laneWait,
        @NotNull @DefaultValue("10m") Duration idempotencyTtl,
        @NotNull @DefaultValue("10s") Duration eventDedupeWindow,
        @NotNull @DefaultValue("5m") Duration paymentLockTimeout,
        @NotNull @DefaultValue("4s") Duration streamHeartbeat,
        @Min(1) @DefaultValue("5") int maxStreamsPerCart,
        @Min(1) @DefaultValue("20") int maxStreamsPerClient,
        @Min(1) @DefaultValue("10000") int maxStreams,
        @Min(1) @DefaultValue("100000") long maxCarts,
        @NotNull @DefaultValue("49h") Duration cartIdleTtl,
        @NotNull @DefaultValue("16MB") DataSize repliesMaxMemory) {}
