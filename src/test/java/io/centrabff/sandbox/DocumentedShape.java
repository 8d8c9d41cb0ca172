package io.centrabff.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One file of {@code src/test/resources/centra-documented}: the field paths and JSON types Centra documents for one
 * answer, and the check of its README ("How to check an answer against a file"): every field of the answer is listed
 * with one of its types, and every listed field without {@code ?} is present wherever its parent is.
 */
record DocumentedShape(String file, String operation, Map<String, String> paths) {

    static final String FOLDER = "/centra-documented/";

    static DocumentedShape load(String file) {
        try (InputStream in = DocumentedShape.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no documented answer " + file);
            }
            JsonNode json = SandboxClient.MAPPER.readTree(in);
            Map<String, String> paths = new LinkedHashMap<>();
            json.path("paths")
                    .properties()
                    .forEach(e -> paths.put(e.getKey(), e.getValue().asText()));
            return new DocumentedShape(file, json.path("operation").asText(), paths);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documented example answer of the file, or a missing node when the page shows none. */
    JsonNode example() {
        try (InputStream in = DocumentedShape.class.getResourceAsStream(FOLDER + file)) {
            return SandboxClient.MAPPER.readTree(in).path("example");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every difference between {@code answer} and this file, one line each naming the path. Paths under a prefix of
     * {@code allowed} are accepted without being listed (the caller says why).
     */
    List<String> differences(JsonNode answer, Set<String> allowed) {
        List<String> out = new ArrayList<>();
        walk("", answer, allowed, out);
        return out;
    }

    private void walk(String path, JsonNode value, Set<String> allowed, List<String> out) {
        if (!path.isEmpty()) {
            // An allowed path is accepted with everything below it; a documented one keeps its own type check.
            if (allowed.stream()
                    .anyMatch(a -> (path.equals(a) && !paths.containsKey(path))
                            || path.startsWith(a + ".")
                            || path.startsWith(a + "["))) {
                return;
            }
            String types = paths.get(path);
            if (types == null) {
                out.add("not documented: " + path + " = " + abbreviate(value));
                return;
            }
            if (!typeMatches(types, value)) {
                out.add("type: " + path + " is " + typeOf(value) + ", Centra documents " + types);
            }
        }
        if (value.isObject()) {
            boolean map = paths.containsKey(child(path, "{}"));
            value.properties().forEach(e -> walk(child(path, map ? "{}" : e.getKey()), e.getValue(), allowed, out));
            for (String required : requiredChildren(path)) {
                if (!value.has(required)) {
                    out.add("missing: " + child(path, required));
                }
            }
        } else if (value.isArray()) {
            for (JsonNode element : value) {
                walk(path + "[]", element, allowed, out);
            }
        }
    }

    private List<String> requiredChildren(String path) {
        String prefix = path.isEmpty() ? "" : path + ".";
        List<String> required = new ArrayList<>();
        paths.forEach((candidate, types) -> {
            if (!candidate.startsWith(prefix) || types.endsWith("?")) {
                return;
            }
            String rest = candidate.substring(prefix.length());
            if (!rest.isEmpty() && !rest.contains(".") && !rest.contains("[") && !rest.equals("{}")) {
                required.add(rest);
            }
        });
        return required;
    }

    private static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static boolean typeMatches(String types, JsonNode value) {
        String actual = typeOf(value);
        for (String type : types.replace("?", "").split("\\|")) {
            if (type.equals(actual) || (type.equals("number") && actual.equals("integer"))) {
                return true;
            }
        }
        return false;
    }

    static String typeOf(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isObject()) {
            return "object";
        }
        if (value.isArray()) {
            return "array";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        if (value.isTextual()) {
            return "string";
        }
        if (value.isIntegralNumber()
                || (value.isNumber()
                        && value.decimalValue().stripTrailingZeros().scale() <= 0)) {
            return "integer";
        }
        return value.isNumber() ? "number" : "unknown";
    }

    private static String abbreviate(JsonNode value) {
        String text = String.valueOf(value);
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
