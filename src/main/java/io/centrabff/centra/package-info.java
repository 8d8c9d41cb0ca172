/**
 * The Centra gateway: the only code that knows Centra's URLs and headers. One WebClient on a pooled connector, the
 * {@code centra.*} properties, token, correlation and shared-secret handling, safe path encoding, error decoding,
 * resilience (per-class time limits and circuit breakers, read-only retries, payment bulkhead), upstream metrics and
 * the readiness indicator derived from breaker states.
 */
package io.centrabff.centra;
