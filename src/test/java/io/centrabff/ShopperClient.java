package io.centrabff;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * A shopper's browser for tests: real HTTP with its own cookie jar, raw paths sent exactly as written (no client-side
 * re-encoding), JSON bodies parsed into trees. The jar keeps {@code Secure} cookies over plain http too (the BFF's
 * cookies are Secure outside the sandbox), and sends them to whatever host the client calls.
 */
public final class ShopperClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String base;
    private final Map<String, String> cookies = new ConcurrentHashMap<>();
    private final HttpClient http;

    public ShopperClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Reply get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public Reply post(String path, Object body, String... headers) {
        return send("POST", path, body, headers);
    }

    public Reply put(String path, Object body, String... headers) {
        return send("PUT", path, body, headers);
    }

    public Reply delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    /**
     * Sends {@code body} as JSON (a String is sent as-is, so tests can send malformed JSON), or as the Content-Type
     * given in {@code headers}.
     */
    public Reply send(String method, String path, Object body, String... headers) {
        try {
            String text = body == null ? null : body instanceof String s ? s : MAPPER.writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create(path.startsWith("http") ? path : base + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(
                            method,
                            text == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(text));
            boolean cookieGiven = false;
            boolean typeGiven = false;
            for (int i = 0; i + 1 < headers.length; i += 2) {
                boolean cookie = headers[i].equalsIgnoreCase("Cookie");
                request.header(headers[i], cookie ? TestCookies.rewrite(headers[i + 1]) : headers[i + 1]);
                cookieGiven |= cookie;
                typeGiven |= headers[i].equalsIgnoreCase("Content-Type");
            }
            if (text != null && !typeGiven) {
                request.header("Content-Type", "application/json");
            }
            if (!cookieGiven && !cookies.isEmpty()) {
                request.header(
                        "Cookie",
                        cookies.entrySet().stream()
                                .map(c -> c.getKey() + "=" + c.getValue())
                                .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").forEach(this::keep);
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The cookie jar's value for {@code name} (or {@code __Host-name}), or null; a sealed session value is read back to
     * the Centra token it names (see {@link TestCookies}).
     */
    public String cookie(String name) {
        String value = cookies.get(name);
        return TestCookies.token(value != null ? value : cookies.get("__Host-" + name));
    }

    /** Stores a {@code Set-Cookie}, or drops the cookie when it is emptied or expired ({@code Max-Age=0}). */
    private void keep(String setCookie) {
        String[] parts = setCookie.split(";");
        int equals = parts[0].indexOf('=');
        if (equals < 1) {
            return;
        }
        String name = parts[0].substring(0, equals).trim();
        String value = parts[0].substring(equals + 1).trim();
        boolean expired = java.util.Arrays.stream(parts)
                .map(String::trim)
                .anyMatch(attribute -> attribute.equalsIgnoreCase("Max-Age=0"));
        if (value.isEmpty() || expired) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    /** One HTTP answer. */
    public record Reply(int status, Map<String, List<String>> headers, String text) {

        public JsonNode json() {
            try {
                return text == null || text.isEmpty() ? MissingNode.getInstance() : MAPPER.readTree(text);
            } catch (tools.jackson.core.JacksonException e) {
                throw new IllegalStateException("Not JSON: " + text, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst()
                    .orElse(null);
        }

        public List<String> allHeaders(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .toList();
        }
    }
}
