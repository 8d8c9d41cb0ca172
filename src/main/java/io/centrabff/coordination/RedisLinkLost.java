package io.centrabff.coordination;

import java.time.Instant;

/**
 * Published when this instance's link to Redis stops working: from now on every component uses its local fallback
 * until {@link RedisLinkRecovered}.
 *
 * @param reason why, as far as this instance can tell
 * @param since when the link went down
 */
public record RedisLinkLost(String reason, Instant since) {}
