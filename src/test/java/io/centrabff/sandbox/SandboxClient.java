package io.centrabff.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** A tiny HTTP client for the sandbox tests: real HTTP, JSON in and out, token and headers per call. */
final class SandboxClient {

    static final ObjectMapper MAPPER = new ObjectMapper();

    record Response(int status, JsonNode json, HttpResponse<String> raw) {

        String token() {
            return json.path("token").asText(null);
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final CentraSandbox sandbox;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String token;

    SandboxClient(CentraSandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** A client that remembers the token it was given, like the BFF should. */
    SandboxClient withSecret() {
        headers.put("Authorization", "Bearer " + sandbox.sharedSecret());
        return this;
    }

    SandboxClient header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    SandboxClient token(String token) {
        this.token = token;
        return this;
    }

    String token() {
        return token;
    }

    Response get(String path) {
        return send("GET", path, null);
    }

    Response post(String path, String json) {
        return send("POST", path, json);
    }

    Response put(String path, String json) {
        return send("PUT", path, json);
    }

    Response delete(String path) {
        return send("DELETE", path, null);
    }

    /** Sends to the checkout API (path relative to the base URL) and follows token rotation. */
    Response send(String method, String path, String json) {
        Response response = raw(method, URI.create(sandbox.baseUrl() + path), json);
        if (response.token() != null && !"none".equals(token)) {
            token = response.token();
        }
        return response;
    }

    /** Sends to any URL on the sandbox port, e.g. {@code /sandbox/requests}. */
    Response admin(String method, String path) {
        return raw(method, URI.create("http://127.0.0.1:" + sandbox.port() + path), null);
    }

    Response raw(String method, URI uri, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("API-token", token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? MAPPER.nullNode() : MAPPER.readTree(response.body());
            return new Response(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
