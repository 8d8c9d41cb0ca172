package io.centrabff.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The caller's current session token as the BFF's own error answers repeat it: in header mode the storefront reads
 * {@code token} from every answer (Centra's client code compares it with the token it holds and drops the session
 * when they differ), so a problem answer must carry it too. Declared here, supplied by the capability that knows how
 * the token travels.
 */
@FunctionalInterface
public interface CallerToken {

    /** The token {@code request} carried when it is one to repeat (header mode, well formed), else null. */
    String of(HttpServletRequest request);
}
