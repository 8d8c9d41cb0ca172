package io.centrabff.coordination;

import java.time.Instant;

/**
 * Published when this instance's link to Redis works again (and the first time it comes up), before coordination
 * through Redis resumes: listeners write what they kept locally meanwhile, or drop what they may have missed (the
 * catalog cache). Delivered on the link's probe thread, one listener after the other; a listener that fails does not
 * keep the others from running.
 *
 * @param first whether the link comes up for the first time since start-up
 * @param downSince since when the link was down (start-up for the first time)
 */
public record RedisLinkRecovered(boolean first, Instant downSince) {}
