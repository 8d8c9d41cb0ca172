/**
 * Optional scale-out through Redis, and the only code that talks to Redis: the link with its health, outage fallback
 * and its loss and recovery published as application events ({@code RedisLinkLost}, {@code RedisLinkRecovered}); the
 * Redis implementations of the ports other capabilities declare (the cart's state, lock, replies, events and token
 * aliases; rate-limit buckets; sign-in bindings of sessions), chosen against their local implementations in
 * {@code ScaleOutConfiguration}; and pub/sub for catalog rebuild and webhook fan-out. Redis is used only when
 * {@code spring.data.redis.*} names one; without it every capability keeps its state on the instance.
 */
package io.centrabff.coordination;
