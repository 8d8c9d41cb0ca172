package io.centrabff.session;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Resolves the shopper's IP. X-Forwarded-For is attacker-controlled unless the TCP peer is a proxy we run, so the
 * header is read only when the peer is trusted, right to left, stopping at the first address that is not a trusted
 * proxy.
 */
public final class ClientAddress {

    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    private static final Pattern ADDRESS_CHARACTERS = Pattern.compile("[0-9a-fA-F:.]+");

    private final List<Range> trusted = new ArrayList<>();

    public ClientAddress(List<String> trustedProxies) {
        for (String entry : trustedProxies) {
            trusted.add(Range.parse(entry.trim()));
        }
    }

    /** The client's address for this request. */
    public String resolve(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!isTrusted(peer)) {
            return peer;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!isLiteralAddress(hop)) {
                return peer;
            }
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return hops[0].trim();
    }

    private boolean isTrusted(String address) {
        if (trusted.isEmpty()) {
            return false; // every request asks: no parsing when no proxy is trusted
        }
        byte[] bytes = literal(address);
        if (bytes == null) {
            return false;
        }
        return trusted.stream().anyMatch(range -> range.contains(bytes));
    }

    private static boolean isLiteralAddress(String value) {
        return literal(value) != null;
    }

    /** Parses only canonical numeric literals; never does a DNS lookup. */
    static byte[] literal(String value) {
        if (value == null
                || value.isEmpty()
                || value.length() > 45
                || !ADDRESS_CHARACTERS.matcher(value).matches()) {
            return null;
        }
        // InetAddress takes "127.1" as 127.0.0.1 and looks up anything it cannot parse (e.g. "cafe") in DNS, so only
        // dotted quads and IPv6 literals (a ':' makes InetAddress fail instead of resolving) reach it.
        if (value.indexOf(':') < 0 && !IPV4.matcher(value).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(value).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Range(byte[] network, int prefix) {

        static Range parse(String entry) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            byte[] bytes = literal(address);
            if (bytes == null) {
                throw new IllegalArgumentException(
                        "bff.session.trusted-proxies: '" + entry + "' is not an IP address or CIDR range");
            }
            int prefix = slash < 0 ? bytes.length * 8 : prefix(entry, entry.substring(slash + 1));
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("bff.session.trusted-proxies: bad prefix in '" + entry + "'");
            }
            return new Range(bytes, prefix);
        }

        private static int prefix(String entry, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bff.session.trusted-proxies: bad prefix in '" + entry + "'");
            }
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
