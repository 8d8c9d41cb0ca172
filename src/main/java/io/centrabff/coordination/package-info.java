/**
 * Optional scale-out through Redis: the link to Redis with its health, outage fallback and recovery, catalog rebuild
 * fan-out, shared rate-limit buckets and the sign-in bindings of sessions. Only active when {@code spring.data.redis.*}
 * names a Redis; without it every capability keeps its state on the instance.
 */
package io.centrabff.coordination;
