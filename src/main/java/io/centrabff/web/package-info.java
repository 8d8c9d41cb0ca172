/**
 * Cross-cutting HTTP concerns: problem details (RFC 9457) with an {@code errors} object (Tomcat's own refusals
 * included), the correlation id filter and its propagation across Reactor threads, CORS for configured origins,
 * hardening headers, request size, JSON depth and rate limits, and the count of refused requests.
 */
package io.centrabff.web;
