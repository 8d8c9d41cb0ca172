/**
 * Cross-cutting HTTP concerns: problem details (RFC 9457) with an {@code errors} object, the correlation id filter,
 * request size limits.
 */
package io.centrabff.web;
