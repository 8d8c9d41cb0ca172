package io.centrabff.web;

import jakarta.servlet.http.HttpServletRequest;

/** Resolves the IP of the client behind a request (forwarding headers believed only from trusted proxies). */
@FunctionalInterface
public interface ClientIp {

    String of(HttpServletRequest request);
}
