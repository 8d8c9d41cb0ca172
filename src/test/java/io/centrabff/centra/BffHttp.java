package io.centrabff.centra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Calls the BFF over real HTTP/1.1 with {@code java.net.http}: paths are sent exactly as written (no client-side
 * re-encoding) and cookies are sent only when a test passes them, so every {@code Set-Cookie} is visible.
 */
public final class BffHttp {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final int port;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public BffHttp(int port) {
        this.port = port;
    }

    public Reply get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public Reply post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    public Reply put(String path, String body, String... headers) {
        return send("PUT", path, body, headers);
    }

    public Reply delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    /** Sends {@code body} (JSON text, or null) to the raw {@code path}; {@code headers} are name/value pairs. */
    public Reply send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes {@code head} (request line and header lines, without the final empty line) byte for byte on a socket, for
     * requests no HTTP client will send, e.g. a header value with a bare CR. Reads the answer until the server closes.
     */
    public Reply raw(String head) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return parse(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Reply parse(String text) {
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        return new Reply(status, headers, body);
    }

    /** One answer of the BFF. */
    public record Reply(int status, Map<String, List<String>> headers, String body) {

        public JsonNode json() {
            try {
                return body == null || body.isEmpty() ? MissingNode.getInstance() : MAPPER.readTree(body);
            } catch (tools.jackson.core.JacksonException e) {
                throw new IllegalStateException("Not JSON: " + body, e);
            }
        }

        /** The first value of header {@code name} (case-insensitive), or null. */
        public String header(String name) {
            List<String> values = headers(name);
            return values.isEmpty() ? null : values.get(0);
        }

        public List<String> headers(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .toList();
        }

        /** The {@code Set-Cookie} header that sets cookie {@code name}, or null. */
        public String setCookie(String name) {
            return headers("Set-Cookie").stream()
                    .filter(c -> c.startsWith(name + "="))
                    .findFirst()
                    .orElse(null);
        }

        /** The value {@code Set-Cookie} gives cookie {@code name}, or null when it is not set. */
        public String cookieValue(String name) {
            String cookie = setCookie(name);
            if (cookie == null) {
                return null;
            }
            int semicolon = cookie.indexOf(';');
            return cookie.substring(name.length() + 1, semicolon < 0 ? cookie.length() : semicolon);
        }

        /** Status line, headers and body as one text, to search for things that must never appear. */
        public String everything() {
            return status + "\n" + headers + "\n" + body;
        }
    }
}
