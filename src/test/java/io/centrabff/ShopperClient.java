package io.centrabff;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * A shopper's browser for tests, a thin cookie-keeping layer over {@link RestTestClient} bound to the running server:
 * real HTTP/1.1, raw paths sent exactly as written (a {@link URI}, never a template, so no client-side re-encoding),
 * JSON bodies parsed into trees. The jar keeps {@code Secure} cookies over plain http too (the BFF's cookies are
 * Secure outside the sandbox) and sends them to whatever host the client calls.
 */
public final class ShopperClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String base;
    private final Map<String, String> cookies = new ConcurrentHashMap<>();
    private final RestTestClient http;

    public ShopperClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = client();
    }

    /** RestTestClient on the JDK's HttpClient: HTTP/1.1, no redirects followed, a bounded wait. */
    public static RestTestClient client() {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        requests.setReadTimeout(Duration.ofSeconds(30));
        return RestTestClient.bindToServer(requests).build();
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
        String text = body == null ? null : body instanceof String s ? s : MAPPER.writeValueAsString(body);
        var request =
                http.method(HttpMethod.valueOf(method)).uri(URI.create(path.startsWith("http") ? path : base + path));
        boolean cookieGiven = false;
        boolean typeGiven = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            cookieGiven |= headers[i].equalsIgnoreCase("Cookie");
            typeGiven |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (!cookieGiven && !cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(c -> c.getKey() + "=" + c.getValue())
                            .collect(Collectors.joining("; ")));
        }
        if (text != null) {
            if (!typeGiven) {
                request.contentType(MediaType.APPLICATION_JSON);
            }
            request.body(text);
        }
        Reply reply = reply(request.exchange().returnResult(byte[].class));
        reply.allHeaders("Set-Cookie").forEach(this::keep);
        return reply;
    }

    public static Reply reply(EntityExchangeResult<byte[]> result) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        result.getResponseHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        byte[] body = result.getResponseBody();
        return new Reply(
                result.getStatus().value(), headers, body == null ? "" : new String(body, StandardCharsets.UTF_8));
    }

    /** The cookie jar's value for {@code name}, or null. */
    public String cookie(String name) {
        return cookies.get(name);
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
        boolean expired =
                Arrays.stream(parts).map(String::trim).anyMatch(attribute -> attribute.equalsIgnoreCase("Max-Age=0"));
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
