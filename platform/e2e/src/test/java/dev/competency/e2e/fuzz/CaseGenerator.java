package dev.competency.e2e.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The requests of one operation: the valid one (twice, with fresh values), then mutations of it drawn with the run's
 * seed: of body fields (missing, wrong type, null, a string over its limit or of several megabytes, control characters
 * with NUL, right-to-left marks, arrays and objects nested thousands deep), of the body as a whole (unknown field,
 * wrong or no content type, malformed JSON, empty, not an object, invalid UTF-8) and of parameters (path ids with
 * {@code /}, {@code ..}, {@code %00}, 2 KB ids; query and header values of the wrong type, with NUL, missing).
 */
final class CaseGenerator {

    static final String NUL_AND_CONTROLS = "fuzz\u0000nul\u0007bell\u001bescape\r\nline";
    static final String RTL_MARKS = "\u202Efuzz\u200F\u061C\u2067mark\u2069";
    static final int LONG_STRING = 200_000;
    static final int HUGE_STRING = 3 * 1024 * 1024;
    static final int NESTING = 5_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String UNKNOWN_FIELD = "/fuzzUnknown";
    private static final String DEEP_ARRAY = "__fuzz-deep-array__";
    private static final String DEEP_OBJECT = "__fuzz-deep-object__";

    private final WriteOperation operation;
    private final KnownValues known;
    private final Random random;
    private final Map<String, String> headers;

    /**
     * @param headers the caller's credentials and any header every request of the operation carries
     */
    CaseGenerator(WriteOperation operation, KnownValues known, Random random, Map<String, String> headers) {
        this.operation = operation;
        this.known = known;
        this.random = random;
        this.headers = headers;
    }

    /** The valid request with freshly generated values. */
    FuzzCase valid(String name) {
        return new Request(new ExampleValues(operation, known, random)).toCase(name, FuzzCase.Kind.VALID, null);
    }

    /** {@code count} requests: the valid one twice, then mutations drawn at random from every applicable kind. */
    List<FuzzCase> cases(int count) {
        List<FuzzCase> cases = new ArrayList<>();
        cases.add(valid("valid"));
        cases.add(valid("valid with other values"));
        List<Supplier<FuzzCase>> mutations = new ArrayList<>();
        Request base = new Request(new ExampleValues(operation, known, random));
        if (operation.takesJson()) {
            bodyMutations(base, mutations);
        } else if (!operation.bodyMediaTypes().isEmpty()) {
            mutations.add(() -> base.withRawBody("text/plain", "fuzz".getBytes(StandardCharsets.UTF_8))
                    .toCase("text/plain body", FuzzCase.Kind.MUTATION, null));
            mutations.add(() -> base.withRawBody(null, null).toCase("no body", FuzzCase.Kind.MUTATION, null));
        }
        parameterMutations(base, mutations);
        Collections.shuffle(mutations, random);
        for (Supplier<FuzzCase> mutation : mutations) {
            if (cases.size() >= count) {
                break;
            }
            cases.add(mutation.get());
        }
        return cases;
    }

    private void bodyMutations(Request base, List<Supplier<FuzzCase>> mutations) {
        JsonNode body = base.body;
        List<ExampleValues.Field> fields = base.values.fields(body);
        List<ExampleValues.Field> strings = fields.stream()
                .filter(field -> ExampleValues.typeOf(field.schema()).equals("string")).toList();
        // A mutation of one field names it as the target: when the valid request passes the body's rules, a 400 of
        // the mutated one can only be about that field.
        for (ExampleValues.Field field : pick(fields, 3)) {
            mutations.add(() -> base.withBody(remove(body, field.pointer()))
                    .toCase("missing " + field.pointer(), FuzzCase.Kind.MUTATION, field.pointer()));
        }
        for (ExampleValues.Field field : pick(fields, 3)) {
            mutations.add(() -> base.withBody(replace(body, field.pointer(), wrongType(field.schema())))
                    .toCase("wrong type at " + field.pointer(), FuzzCase.Kind.MUTATION, field.pointer()));
        }
        for (ExampleValues.Field field : pick(fields, 2)) {
            mutations.add(() -> base.withBody(replace(body, field.pointer(), NODES.nullNode()))
                    .toCase("null at " + field.pointer(), FuzzCase.Kind.MUTATION, field.pointer()));
        }
        String longAt = pointerOf(strings);
        mutations.add(() -> base.withBody(replace(body, longAt, NODES.stringNode("x".repeat(LONG_STRING))))
                .toCase(LONG_STRING + " characters at " + longAt, FuzzCase.Kind.MUTATION, named(longAt)));
        String hugeAt = pointerOf(strings);
        mutations.add(() -> base.withBody(replace(body, hugeAt, NODES.stringNode("y".repeat(HUGE_STRING))))
                .toCase(HUGE_STRING + " characters at " + hugeAt, FuzzCase.Kind.MUTATION, named(hugeAt)));
        String controlsAt = pointerOf(strings);
        mutations.add(() -> base.withBody(replace(body, controlsAt, NODES.stringNode(NUL_AND_CONTROLS)))
                .toCase("NUL and control characters at " + controlsAt, FuzzCase.Kind.MUTATION, named(controlsAt)));
        String marksAt = pointerOf(strings);
        mutations.add(() -> base.withBody(replace(body, marksAt, NODES.stringNode(RTL_MARKS)))
                .toCase("right-to-left marks at " + marksAt, FuzzCase.Kind.MUTATION, named(marksAt)));
        String arraysAt = pointerOf(fields);
        mutations.add(() -> base.withBody(replace(body, arraysAt, NODES.stringNode(DEEP_ARRAY)))
                .toCase("arrays nested " + NESTING + " deep at " + arraysAt, FuzzCase.Kind.MUTATION, null));
        String objectsAt = pointerOf(fields);
        mutations.add(() -> base.withBody(replace(body, objectsAt, NODES.stringNode(DEEP_OBJECT)))
                .toCase("objects nested " + NESTING + " deep at " + objectsAt, FuzzCase.Kind.MUTATION, null));
        mutations.add(() -> base.withBody(replace(body, "/fuzzUnknownField", NODES.stringNode("surprise")))
                .toCase("unknown field", FuzzCase.Kind.MUTATION, null));
        mutations.add(() -> base.withRawBody("text/plain", base.bodyBytes())
                .toCase("JSON sent as text/plain", FuzzCase.Kind.MUTATION, null));
        mutations.add(() -> base.withRawBody("application/xml", "<fuzz/>".getBytes(StandardCharsets.UTF_8))
                .toCase("XML body", FuzzCase.Kind.MUTATION, null));
        mutations.add(() -> base.withRawBody(null, base.bodyBytes())
                .toCase("JSON without a content type", FuzzCase.Kind.MUTATION, null));
        mutations.add(() -> {
            byte[] bytes = base.bodyBytes();
            return base.withRawBody("application/json", java.util.Arrays.copyOf(bytes, Math.max(1, bytes.length / 2)))
                    .toCase("malformed JSON (cut in half)", FuzzCase.Kind.MUTATION, null);
        });
        mutations.add(() -> base.withRawBody("application/json", "{\"a\":1,,}".getBytes(StandardCharsets.UTF_8))
                .toCase("malformed JSON (stray comma)", FuzzCase.Kind.MUTATION, null));
        mutations.add(() -> base.withRawBody("application/json", new byte[0])
                .toCase("empty JSON body", FuzzCase.Kind.MUTATION, null));
        mutations.add(() -> base.withRawBody("application/json", "[]".getBytes(StandardCharsets.UTF_8))
                .toCase("array instead of an object", FuzzCase.Kind.MUTATION, null));
        mutations.add(() -> base.withRawBody("application/json", "null".getBytes(StandardCharsets.UTF_8))
                .toCase("JSON null as the body", FuzzCase.Kind.MUTATION, null));
        mutations.add(() -> base.withRawBody("application/json",
                        new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'})
                .toCase("invalid UTF-8", FuzzCase.Kind.MUTATION, null));
    }

    private static String named(String pointer) {
        return pointer.equals(UNKNOWN_FIELD) ? null : pointer;
    }

    /** A field picked at random, or an unknown top-level one when there is none (which no 400 need name). */
    private String pointerOf(List<ExampleValues.Field> fields) {
        return fields.isEmpty() ? UNKNOWN_FIELD : fields.get(random.nextInt(fields.size())).pointer();
    }

    private void parameterMutations(Request base, List<Supplier<FuzzCase>> mutations) {
        for (WriteOperation.Parameter parameter : operation.parametersIn("path")) {
            String name = parameter.name();
            List<String[]> shapes = List.of(
                    new String[] {"a/b", "an id with a raw /"},
                    new String[] {"a%2Fb", "an id with an encoded /"},
                    new String[] {"..", "the id .."},
                    new String[] {"..%2F..%2Fadmin", "an id climbing with ../"},
                    new String[] {"fuzz%00", "an id with %00"},
                    new String[] {"z".repeat(2048), "a 2 KB id"},
                    new String[] {encode(RTL_MARKS), "an id with right-to-left marks"},
                    new String[] {"%C3%28", "an id of invalid UTF-8"});
            for (String[] shape : pick(shapes, 5)) {
                mutations.add(() -> base.withPath(name, shape[0])
                        .toCase(shape[1] + " as {" + name + "}", FuzzCase.Kind.MUTATION, null));
            }
        }
        for (String name : List.copyOf(base.query.keySet())) {
            if (operation.parametersIn("query").stream().anyMatch(parameter -> parameter.name().equals(name))) {
                continue;
            }
            mutations.add(() -> base.withQuery(name, null)
                    .toCase("missing ?" + name, FuzzCase.Kind.MUTATION, name));
            mutations.add(() -> base.withQuery(name, "fuzz%00" + encode(NUL_AND_CONTROLS))
                    .toCase("?" + name + " with NUL", FuzzCase.Kind.MUTATION, name));
            mutations.add(() -> base.withQuery(name, "q".repeat(2048))
                    .toCase("?" + name + " of 2 KB", FuzzCase.Kind.MUTATION, null));
        }
        for (WriteOperation.Parameter parameter : operation.parametersIn("query")) {
            String name = parameter.name();
            String type = ExampleValues.typeOf(parameter.schema());
            if (type.equals("object")) {
                continue;
            }
            if (parameter.required()) {
                mutations.add(() -> base.withQuery(name, null)
                        .toCase("missing ?" + name, FuzzCase.Kind.MUTATION, name));
            }
            if (!type.equals("string")) {
                mutations.add(() -> base.withQuery(name, "not-a-" + type)
                        .toCase("?" + name + " of the wrong type", FuzzCase.Kind.MUTATION, name));
            }
            mutations.add(() -> base.withQuery(name, "fuzz%00" + encode(NUL_AND_CONTROLS))
                    .toCase("?" + name + " with NUL", FuzzCase.Kind.MUTATION, null));
            mutations.add(() -> base.withQuery(name, "q".repeat(2048))
                    .toCase("?" + name + " of 2 KB", FuzzCase.Kind.MUTATION, null));
        }
        for (WriteOperation.Parameter parameter : operation.parametersIn("header")) {
            String name = parameter.name();
            if (!base.requestHeaders.containsKey(name)) {
                continue;
            }
            if (parameter.required()) {
                mutations.add(() -> base.withHeader(name, null)
                        .toCase("missing header " + name, FuzzCase.Kind.MUTATION, name));
            }
            mutations.add(() -> base.withHeader(name, "0.9-fuzz")
                    .toCase("header " + name + " with a value out of range", FuzzCase.Kind.MUTATION, name));
        }
    }

    private <T> List<T> pick(List<T> from, int count) {
        List<T> copy = new ArrayList<>(from);
        Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(count, copy.size()));
    }

    private static JsonNode wrongType(JsonNode schema) {
        return switch (ExampleValues.typeOf(schema)) {
            case "string" -> JSON.createObjectNode().put("not", "a string");
            case "integer", "number" -> NODES.stringNode("not a number");
            case "boolean" -> NODES.stringNode("maybe");
            case "array" -> NODES.stringNode("not an array");
            case "object" -> JSON.createArrayNode().add(1).add(2);
            default -> NODES.booleanNode(true);
        };
    }

    private static JsonNode remove(JsonNode body, String pointer) {
        JsonNode copy = body.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        if (parent instanceof ObjectNode object) {
            object.remove(pointer.substring(slash + 1));
        }
        return copy;
    }

    private static JsonNode replace(JsonNode body, String pointer, JsonNode value) {
        if (pointer.isEmpty()) {
            return value;
        }
        JsonNode copy = body.isObject() || body.isArray() ? body.deepCopy() : JSON.createObjectNode();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String step = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            object.set(step, value);
        } else if (parent instanceof tools.jackson.databind.node.ArrayNode array && !array.isEmpty()) {
            array.set(Integer.parseInt(step), value);
        }
        return copy;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The parts of a request, copied on every change. */
    private final class Request {

        final ExampleValues values;
        final Map<String, String> path = new LinkedHashMap<>();
        final Map<String, String> query = new LinkedHashMap<>();
        final Map<String, String> requestHeaders = new LinkedHashMap<>(headers);
        JsonNode body;
        byte[] rawBody;
        String contentType;

        Request(ExampleValues values) {
            this.values = values;
            for (WriteOperation.Parameter parameter : operation.parametersIn("path")) {
                path.put(parameter.name(), encode(text(values.parameter(parameter))));
            }
            for (WriteOperation.Parameter parameter : operation.parametersIn("query")) {
                if (ExampleValues.typeOf(parameter.schema()).equals("object")) {
                    // A map of parameters (form style, exploded): its entries are the query parameters.
                    JsonNode entries = known.forName(parameter.name() + " of " + operation.path(), false);
                    if (entries != null) {
                        entries.properties().forEach(entry ->
                                query.put(entry.getKey(), encode(text(entry.getValue()))));
                    }
                } else if (parameter.required() || known.forName(parameter.name(), false) != null) {
                    query.put(parameter.name(), encode(text(values.parameter(parameter))));
                }
            }
            for (WriteOperation.Parameter parameter : operation.parametersIn("header")) {
                if (!parameter.name().equalsIgnoreCase("Content-Type")
                        && (parameter.required() || known.forName(parameter.name(), false) != null)) {
                    requestHeaders.put(parameter.name(), text(values.parameter(parameter)));
                }
            }
            if (operation.takesJson()) {
                body = values.body();
                contentType = operation.bodyMediaType().orElseThrow();
            } else if (operation.bodyMediaType().isPresent()) {
                contentType = operation.bodyMediaType().get().contains("*") ? "application/octet-stream"
                        : operation.bodyMediaType().get();
                JsonNode given = known.forName("body of " + operation.key(), false);
                rawBody = (given != null ? given.asString() : "fuzz document").getBytes(StandardCharsets.UTF_8);
            }
        }

        private Request(Request from) {
            this.values = from.values;
            this.path.putAll(from.path);
            this.query.putAll(from.query);
            this.requestHeaders.clear();
            this.requestHeaders.putAll(from.requestHeaders);
            this.body = from.body;
            this.rawBody = from.rawBody;
            this.contentType = from.contentType;
        }

        private String text(JsonNode value) {
            return value.isValueNode() ? value.asString() : JSON.writeValueAsString(value);
        }

        Request withBody(JsonNode newBody) {
            Request copy = new Request(this);
            copy.body = newBody;
            copy.rawBody = null;
            return copy;
        }

        Request withRawBody(String newContentType, byte[] bytes) {
            Request copy = new Request(this);
            copy.body = null;
            copy.rawBody = bytes;
            copy.contentType = newContentType;
            return copy;
        }

        Request withPath(String name, String encoded) {
            Request copy = new Request(this);
            copy.path.put(name, encoded);
            return copy;
        }

        Request withQuery(String name, String encoded) {
            Request copy = new Request(this);
            if (encoded == null) {
                copy.query.remove(name);
            } else {
                copy.query.put(name, encoded);
            }
            return copy;
        }

        Request withHeader(String name, String value) {
            Request copy = new Request(this);
            if (value == null) {
                copy.requestHeaders.remove(name);
            } else {
                copy.requestHeaders.put(name, value);
            }
            return copy;
        }

        byte[] bodyBytes() {
            if (body == null) {
                return rawBody;
            }
            String text = JSON.writeValueAsString(body);
            text = text.replace("\"" + DEEP_ARRAY + "\"", "[".repeat(NESTING) + "]".repeat(NESTING));
            if (text.contains(DEEP_OBJECT)) {
                text = text.replace("\"" + DEEP_OBJECT + "\"", "{\"a\":".repeat(NESTING) + "1" + "}".repeat(NESTING));
            }
            return text.getBytes(StandardCharsets.UTF_8);
        }

        FuzzCase toCase(String name, FuzzCase.Kind kind, String target) {
            String resolved = operation.path();
            for (var parameter : path.entrySet()) {
                resolved = resolved.replace("{" + parameter.getKey() + "}", parameter.getValue());
            }
            StringBuilder pathAndQuery = new StringBuilder(resolved);
            String separator = "?";
            for (var parameter : query.entrySet()) {
                pathAndQuery.append(separator).append(parameter.getKey()).append('=').append(parameter.getValue());
                separator = "&";
            }
            Map<String, String> all = new LinkedHashMap<>(requestHeaders);
            all.put("Accept", "application/json");
            byte[] bytes = bodyBytes();
            if (contentType != null && bytes != null) {
                all.put("Content-Type", contentType);
            }
            return new FuzzCase(name, new RawCall(operation.method(), pathAndQuery.toString(), all, bytes), kind,
                    target);
        }
    }
}
