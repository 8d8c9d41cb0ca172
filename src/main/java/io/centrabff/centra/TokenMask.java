package io.centrabff.centra;

/** Shortens a Centra token for log lines: enough to tell sessions apart, too little to use one. */
public final class TokenMask {

    private TokenMask() {}

    /** The first four characters and an ellipsis, e.g. {@code 8f3a…}; {@code (none)} for null. */
    public static String mask(String token) {
        if (token == null || token.isEmpty()) {
            return "(none)";
        }
        return token.length() <= 4 ? "…" : token.substring(0, 4) + "…";
    }
}
