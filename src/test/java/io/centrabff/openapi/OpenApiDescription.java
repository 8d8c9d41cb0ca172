package io.centrabff.openapi;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The storefront contract as written in {@code openapi/centra-bff.yaml}: finds the operation and response an HTTP
 * exchange belongs to and validates its body with the OpenAPI 3.1 dialect of a JSON Schema 2020-12 validator.
 */
final class OpenApiDescription {

    static final String LOCATION = "classpath:openapi/centra-bff.yaml";

    private final JsonNode document;
    private final SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getOpenApi31());
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    OpenApiDescription() {
        try (InputStream in = OpenApiDescription.class.getResourceAsStream("/openapi/centra-bff.yaml")) {
            document = YAMLMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode document() {
        return document;
    }

    /**
     * What is wrong with a response to {@code method path} (the path below the base path, without query): an
     * undeclared path, status or content type, or a body its schema rejects. Empty when the answer is described.
     */
    List<String> checkResponse(String method, String path, int status, String contentType, String body) {
        String where = method + " " + path + " → " + status;
        String template = template(path);
        if (template == null) {
            return List.of(where + ": path not described");
        }
        JsonNode operation = document.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            return List.of(where + ": method not described for " + template);
        }
        JsonNode responses = operation.path("responses");
        String code = String.valueOf(status);
        if (!responses.has(code)) {
            code = responses.has(code.charAt(0) + "XX") ? code.charAt(0) + "XX" : "default";
        }
        JsonNode response = resolve(responses.path(code));
        if (response.isMissingNode()) {
            return List.of(where + ": status not described for " + template);
        }
        String pointer = pointer("paths", template, method.toLowerCase(Locale.ROOT), "responses", code);
        if (response != responses.path(code)) {
            pointer = responses.path(code).path("$ref").asString().substring(1);
        }
        return checkContent(where, response.path("content"), pointer + "/content", contentType, body);
    }

    /** What is wrong with a request body sent to {@code method path}. */
    List<String> checkRequest(String method, String path, String contentType, String body) {
        String where = method + " " + path + " (request)";
        String template = template(path);
        if (template == null) {
            return List.of(where + ": path not described");
        }
        JsonNode requestBody = document.path("paths")
                .path(template)
                .path(method.toLowerCase(Locale.ROOT))
                .path("requestBody");
        if (requestBody.isMissingNode()) {
            return body == null ? List.of() : List.of(where + ": no request body described");
        }
        String pointer = pointer("paths", template, method.toLowerCase(Locale.ROOT), "requestBody");
        if (requestBody.has("$ref")) {
            pointer = requestBody.path("$ref").asString().substring(1);
            requestBody = resolve(requestBody);
        }
        return checkContent(where, requestBody.path("content"), pointer + "/content", contentType, body);
    }

    private List<String> checkContent(String where, JsonNode content, String pointer, String contentType, String body) {
        if (content.isMissingNode() || content.isEmpty()) {
            return body == null || body.isEmpty() ? List.of() : List.of(where + ": a body where none is described");
        }
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim();
        if (!content.has(mediaType)) {
            return List.of(where + ": content type '" + mediaType + "' not described (" + names(content) + ")");
        }
        if (!content.path(mediaType).has("schema") || !mediaType.endsWith("json")) {
            return List.of();
        }
        Schema schema = schemas.computeIfAbsent(
                pointer + "/" + escape(mediaType) + "/schema",
                p -> registry.getSchema(SchemaLocation.of(LOCATION + "#" + p)));
        List<String> problems = new ArrayList<>();
        for (Error error : schema.validate(body, InputFormat.JSON)) {
            problems.add(where + ": " + describe(error));
        }
        return problems;
    }

    /** What {@code json} breaks of the component schema {@code name}. */
    List<String> checkComponent(String name, String json) {
        Schema schema = schemas.computeIfAbsent(
                "/components/schemas/" + name, p -> registry.getSchema(SchemaLocation.of(LOCATION + "#" + p)));
        List<String> problems = new ArrayList<>();
        for (Error error : schema.validate(json, InputFormat.JSON)) {
            problems.add(name + ": " + describe(error) + " in " + json);
        }
        return problems;
    }

    /** The described path template {@code path} belongs to, literal segments before parameters. */
    String template(String path) {
        String best = null;
        int bestLiterals = -1;
        for (String candidate : document.path("paths").propertyNames()) {
            String regex = "\\Q" + candidate.replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
            if (Pattern.matches(regex, path)) {
                int literals = candidate.replaceAll("\\{[^}]+}", "").length();
                if (literals > bestLiterals) {
                    best = candidate;
                    bestLiterals = literals;
                }
            }
        }
        return best;
    }

    private JsonNode resolve(JsonNode node) {
        if (!node.has("$ref")) {
            return node;
        }
        return document.at(node.path("$ref").asString().substring(1));
    }

    /** The library's message, with the property it is about (its required-property message leaves it out). */
    private static String describe(Error error) {
        return error + (error.getProperty() == null ? "" : " [property " + error.getProperty() + "]");
    }

    private static String names(JsonNode content) {
        return String.join(", ", content.propertyNames());
    }

    private static String pointer(String... tokens) {
        StringBuilder out = new StringBuilder();
        for (String token : tokens) {
            out.append('/').append(escape(token));
        }
        return out.toString();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
