package io.centrabff.centra;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands a {@link CentraOperation} path template against the base URL, encoding each value as exactly one path
 * segment. Centra treats an unencoded voucher or item id as routing input ({@code TEST+CODE} must travel as
 * {@code TEST%2BCODE}; {@code ../x} must never reach another route), so everything but RFC 3986 unreserved characters
 * is percent-encoded and dot-only segments are encoded too, so no client or proxy normalises them away.
 */
final class CentraPath {

    private static final Pattern VARIABLE = Pattern.compile("\\{[a-zA-Z]+}");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private CentraPath() {}

    static URI expand(URI baseUrl, CentraOperation operation, String... values) {
        if (values.length != operation.variables()) {
            throw new IllegalArgumentException(operation + " takes " + operation.variables() + " path values");
        }
        String base = baseUrl.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        StringBuilder path = new StringBuilder(base);
        Matcher matcher = VARIABLE.matcher(operation.template());
        int last = 0;
        int index = 0;
        while (matcher.find()) {
            path.append(operation.template(), last, matcher.start());
            path.append(encodeSegment(values[index++]));
            last = matcher.end();
        }
        path.append(operation.template().substring(last));
        return URI.create(path.toString());
    }

    /** Percent-encodes one path segment; the result never contains '/', and never is "." or "..". */
    static String encodeSegment(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("A path segment must not be empty");
        }
        boolean onlyDots = value.chars().allMatch(c -> c == '.');
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (isUnreserved(c) && !(onlyDots && c == '.')) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '_'
                || c == '.'
                || c == '~';
    }
}
