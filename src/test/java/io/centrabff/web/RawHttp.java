package io.centrabff.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP written byte for byte on a socket, for what java.net.http refuses to send: CR, LF or NUL inside header
 * values, malformed percent-escapes, raw dot segments, odd methods. HTTP/1.0, so the answer ends when the server
 * closes the connection.
 */
final class RawHttp {

    private RawHttp() {}

    /** One answer: status, header lines as received and the body. */
    record Answer(int status, List<String> headers, String body) {

        String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream()
                    .filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(h -> h.substring(prefix.length()).trim())
                    .findFirst()
                    .orElse(null);
        }
    }

    /** Sends {@code method target} with the given raw header lines (each without its CRLF) and optional body. */
    static Answer send(int port, String method, String target, List<String> headerLines, byte[] body) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            // Chunked transfer coding exists only in HTTP/1.1; a server rightly refuses it on an HTTP/1.0 request.
            boolean chunked = headerLines.stream().anyMatch(h -> h.startsWith("Transfer-Encoding"));
            String version = chunked ? "HTTP/1.1" : "HTTP/1.0";
            request.writeBytes((method + " " + target + " " + version + "\r\nHost: 127.0.0.1:" + port + "\r\n"
                            + (chunked ? "Connection: close\r\n" : ""))
                    .getBytes(StandardCharsets.ISO_8859_1));
            for (String line : headerLines) {
                request.writeBytes((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            if (body != null && !chunked) {
                request.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            request.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                request.writeBytes(body);
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + target + ": " + e, e);
        }
    }

    static Answer get(int port, String target, String... headerLines) {
        return send(port, "GET", target, List.of(headerLines), null);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // A server may reset after answering a request it refused to read fully; keep what arrived.
        }
        return all.toByteArray();
    }

    private static Answer parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : new String(bytes, end + 4, bytes.length - end - 4, StandardCharsets.UTF_8);
        String[] lines = head.split("\r\n");
        if (lines.length == 0 || !lines[0].startsWith("HTTP/")) {
            return new Answer(0, List.of(), text);
        }
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
        return new Answer(status, headers, body);
    }
}
