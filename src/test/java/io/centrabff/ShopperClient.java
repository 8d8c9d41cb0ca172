package io.centrabff;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * A shopper's browser for tests: real HTTP with its own cookie jar, raw paths sent exactly as written (no client-side
 * re-encoding), JSON bodies parsed into trees.
 */
public final class ShopperClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    public ShopperClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
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

    /** Sends {@code body} as JSON (a String is sent as-is, so tests can send malformed JSON). */
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
            if (text != null) {
                request.header("Content-Type", "application/json");
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The cookie jar's value for {@code name}, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(c -> c.getValue())
                .findFirst()
                .orElse(null);
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
