package dev.competency.e2e.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Requests to the xAPI Statements resource ({@code PUT /xapi/statements?statementId=}, {@code POST /xapi/statements})
 * as an activity provider sends them: valid statements (written here, or real generated ones from the shared samples
 * with a new id), then statements that break one rule of the specification (a missing or doubled actor identifier,
 * IRIs that are not, scores out of range, malformed timestamps, unknown properties, wrong types, nulls), bodies of
 * several megabytes or nested thousands deep, batches with a repeated id or one bad statement, a re-used id with other
 * content, missing or unknown {@code X-Experience-API-Version}, wrong content types, malformed JSON, and statement ids
 * with {@code %00} or of 2 KB. Each case carries the ids of its statements, which must not be stored when it is
 * refused.
 */
final class StatementCases {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String DEEP = "__fuzz-deep__";

    private final Random random;
    private final Map<String, String> credentials;
    private final List<JsonNode> samples;
    private final String storedId;

    /** A case and the statement ids it carries. */
    record StatementCase(FuzzCase fuzzCase, List<String> statementIds) {
    }

    /**
     * @param credentials the activity provider's (or an administrator's) {@code Authorization} header
     * @param samples     real statements to start valid ones from (may be empty)
     * @param storedId    the id of a statement stored before the run, for the conflicting re-use of an id
     */
    StatementCases(Random random, Map<String, String> credentials, List<JsonNode> samples, String storedId) {
        this.random = random;
        this.credentials = credentials;
        this.samples = samples;
        this.storedId = storedId;
    }

    /** A valid statement with a new id. */
    ObjectNode statement() {
        ObjectNode statement;
        if (!samples.isEmpty() && random.nextBoolean()) {
            statement = (ObjectNode) samples.get(random.nextInt(samples.size())).deepCopy();
            statement.remove(List.of("stored", "authority", "version"));
        } else {
            statement = NODES.objectNode();
            statement.set("actor", NODES.objectNode().put("objectType", "Agent").put("name", "Fuzz learner")
                    .put("mbox", "mailto:fuzz-learner-" + random.nextInt(1000) + "@example.org"));
            statement.set("verb", NODES.objectNode().put("id", "http://adlnet.gov/expapi/verbs/completed")
                    .set("display", NODES.objectNode().put("en-US", "completed")));
            ObjectNode definition = NODES.objectNode().put("type", "http://adlnet.gov/expapi/activities/assessment");
            definition.set("name", NODES.objectNode().put("en-US", "Fuzz activity"));
            statement.set("object", NODES.objectNode().put("objectType", "Activity")
                    .put("id", "https://example.org/fuzz/activity/" + random.nextInt(1000)).set("definition",
                            definition));
            ObjectNode result = NODES.objectNode().put("success", true).put("completion", true).put("duration", "PT5M");
            result.set("score", NODES.objectNode().put("scaled", 0.8).put("raw", 8).put("min", 0).put("max", 10));
            statement.set("result", result);
            statement.put("timestamp", "2026-06-02T10:00:00Z");
        }
        statement.put("id", UUID.randomUUID().toString());
        return statement;
    }

    List<StatementCase> cases(String method, int count) {
        List<StatementCase> cases = new ArrayList<>();
        cases.add(send(method, "valid statement", statement(), null, FuzzCase.Kind.VALID));
        cases.add(send(method, "another valid statement", statement(), null, FuzzCase.Kind.VALID));
        List<Supplier<StatementCase>> mutations = new ArrayList<>();
        for (String property : List.of("actor", "verb", "object")) {
            mutations.add(() -> send(method, "missing " + property, without(statement(), property), "/" + property,
                    FuzzCase.Kind.MUTATION));
        }
        mutations.add(() -> send(method, "actor with two identifiers", change(statement(), "/actor/account",
                NODES.objectNode().put("homePage", "https://example.org").put("name", "two")), "/actor",
                FuzzCase.Kind.MUTATION));
        mutations.add(() -> send(method, "mbox that is not a mailto IRI", change(statement(), "/actor/mbox",
                NODES.stringNode("fuzz@example.org")), "/actor/mbox", FuzzCase.Kind.MUTATION));
        mutations.add(() -> send(method, "verb id that is not an IRI", change(statement(), "/verb/id",
                NODES.stringNode("completed")), "/verb/id", FuzzCase.Kind.MUTATION));
        mutations.add(() -> send(method, "verb display that is not a language map", change(statement(),
                "/verb/display", NODES.stringNode("completed")), "/verb/display", FuzzCase.Kind.MUTATION));
        mutations.add(() -> send(method, "object id that is not an absolute IRI", change(statement(), "/object/id",
                NODES.stringNode("activity 1")), "/object/id", FuzzCase.Kind.MUTATION));
        mutations.add(() -> send(method, "scaled score of 2", change(statement(), "/result",
                NODES.objectNode().set("score", NODES.objectNode().put("scaled", 2))), "/result/score/scaled",
                FuzzCase.Kind.MUTATION));
        mutations.add(() -> send(method, "raw score below min", change(statement(), "/result",
                NODES.objectNode().set("score", NODES.objectNode().put("raw", -5).put("min", 0).put("max", 10))),
                "/result/score/raw", FuzzCase.Kind.MUTATION));
        for (String timestamp : List.of("yesterday", "2026-13-45T25:61:00Z", "2026-06-02T10:00:00-00:00")) {
            mutations.add(() -> send(method, "timestamp '" + timestamp + "'", change(statement(), "/timestamp",
                    NODES.stringNode(timestamp)), "/timestamp", FuzzCase.Kind.MUTATION));
        }
        mutations.add(() -> send(method, "unknown property", change(statement(), "/fuzz",
                NODES.stringNode("surprise")), "/fuzz", FuzzCase.Kind.MUTATION));
        mutations.add(() -> send(method, "actor as a string", change(statement(), "/actor",
                NODES.stringNode("Fuzz learner")), "/actor", FuzzCase.Kind.MUTATION));
        mutations.add(() -> send(method, "verb as an array", change(statement(), "/verb",
                NODES.arrayNode().add("completed")), "/verb", FuzzCase.Kind.MUTATION));
        mutations.add(() -> send(method, "null verb", change(statement(), "/verb", NODES.nullNode()), "/verb",
                FuzzCase.Kind.MUTATION));
        mutations.add(() -> send(method, "id that is not a UUID", change(statement(), "/id",
                NODES.stringNode("fuzz-1")), "/id", FuzzCase.Kind.MUTATION));
        mutations.add(() -> send(method, "NUL and control characters in the verb display", change(statement(),
                "/verb/display", NODES.objectNode().put("en-US", CaseGenerator.NUL_AND_CONTROLS)), "/verb/display",
                FuzzCase.Kind.MUTATION));
        mutations.add(() -> send(method, "right-to-left marks in the actor's name", change(statement(),
                "/actor/name", NODES.stringNode(CaseGenerator.RTL_MARKS)), "/actor/name", FuzzCase.Kind.MUTATION));
        mutations.add(() -> send(method, "extensions nested " + CaseGenerator.NESTING + " deep", change(statement(),
                "/result", NODES.objectNode().set("extensions", NODES.objectNode().put("https://example.org/deep",
                        DEEP))), null, FuzzCase.Kind.MUTATION));
        mutations.add(() -> send(method, "12 MB extension value", change(statement(), "/result",
                NODES.objectNode().set("extensions", NODES.objectNode().put("https://example.org/big",
                        "b".repeat(12 * 1024 * 1024)))), null, FuzzCase.Kind.MUTATION));
        mutations.add(() -> send(method, "re-used stored id with other content", withId(statement(), storedId), null,
                FuzzCase.Kind.MUTATION));
        mutations.add(() -> raw(method, "malformed JSON", "application/json", utf8("{\"actor\":"), null, List.of()));
        mutations.add(() -> raw(method, "empty body", "application/json", new byte[0], null, List.of()));
        mutations.add(() -> raw(method, "invalid UTF-8", "application/json",
                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, null, List.of()));
        mutations.add(() -> {
            ObjectNode statement = statement();
            return raw(method, "statement sent as text/plain", "text/plain", utf8(statement.toString()), null,
                    List.of(statement.path("id").asString()));
        });
        for (String version : new String[] {null, "0.9", "3.0.0", "2.0.0\u0000"}) {
            mutations.add(() -> {
                ObjectNode statement = statement();
                Map<String, String> headers = new LinkedHashMap<>();
                if (version != null) {
                    headers.put(FuzzRun.XAPI_VERSION, version.replace("\u0000", "%00"));
                }
                return raw(method, version == null ? "no X-Experience-API-Version" : "X-Experience-API-Version "
                        + version.replace("\u0000", "%00"), "application/json", utf8(statement.toString()),
                        headers, List.of(statement.path("id").asString()));
            });
        }
        if (method.equals("PUT")) {
            putOnly(mutations);
        } else {
            postOnly(mutations);
        }
        Collections.shuffle(mutations, random);
        for (Supplier<StatementCase> mutation : mutations) {
            if (cases.size() >= count) {
                break;
            }
            cases.add(mutation.get());
        }
        return cases;
    }

    private void putOnly(List<Supplier<StatementCase>> mutations) {
        mutations.add(() -> {
            ObjectNode statement = statement();
            return new StatementCase(new FuzzCase("no statementId parameter", call("PUT", "/xapi/statements",
                    "application/json", utf8(statement.toString()), null), FuzzCase.Kind.MUTATION, "statementId"),
                    List.of(statement.path("id").asString()));
        });
        mutations.add(() -> {
            ObjectNode statement = statement();
            return new StatementCase(new FuzzCase("statementId other than the body's id",
                    call("PUT", "/xapi/statements?statementId=" + UUID.randomUUID(), "application/json",
                            utf8(statement.toString()), null), FuzzCase.Kind.MUTATION, "/id"),
                    List.of(statement.path("id").asString()));
        });
        for (String[] shape : List.of(new String[] {"fuzz%00", "statementId with %00"},
                new String[] {"s".repeat(2048), "statementId of 2 KB"},
                new String[] {"..%2F..", "statementId climbing with ../"})) {
            mutations.add(() -> {
                ObjectNode statement = statement();
                statement.remove("id");
                return new StatementCase(new FuzzCase(shape[1], call("PUT", "/xapi/statements?statementId="
                        + shape[0], "application/json", utf8(statement.toString()), null), FuzzCase.Kind.MUTATION,
                        null), List.of());
            });
        }
    }

    private void postOnly(List<Supplier<StatementCase>> mutations) {
        mutations.add(() -> {
            ObjectNode first = statement();
            ObjectNode second = statement().put("id", first.path("id").asString());
            return batch("batch with the same id twice", List.of(first, second), null);
        });
        mutations.add(() -> {
            ObjectNode bad = without(statement(), "verb");
            return batch("batch with one invalid statement", List.of(statement(), statement(), bad), "/verb");
        });
        mutations.add(() -> batch("valid batch of three", List.of(statement(), statement(), statement()), null));
        mutations.add(() -> raw("POST", "empty batch", "application/json", utf8("[]"), null, List.of()));
        mutations.add(() -> raw("POST", "JSON null", "application/json", utf8("null"), null, List.of()));
    }

    private StatementCase batch(String name, List<ObjectNode> statements, String target) {
        ArrayNode array = NODES.arrayNode();
        statements.forEach(array::add);
        List<String> ids = statements.stream().map(statement -> statement.path("id").asString()).distinct().toList();
        return new StatementCase(new FuzzCase(name, call("POST", "/xapi/statements", "application/json",
                utf8(array.toString()), null), name.startsWith("valid") ? FuzzCase.Kind.VALID
                : FuzzCase.Kind.MUTATION, target), ids);
    }

    private StatementCase send(String method, String name, ObjectNode statement, String target, FuzzCase.Kind kind) {
        String id = statement.path("id").asString();
        byte[] body = utf8(statement.toString().replace("\"" + DEEP + "\"",
                "[".repeat(CaseGenerator.NESTING) + "]".repeat(CaseGenerator.NESTING)));
        String path = method.equals("PUT") ? "/xapi/statements?statementId=" + CaseGenerator.encode(id)
                : "/xapi/statements";
        String pointer = target;
        return new StatementCase(new FuzzCase(name, call(method, path, "application/json", body, null), kind,
                pointer), id.isEmpty() ? List.of() : List.of(id));
    }

    private StatementCase raw(String method, String name, String contentType, byte[] body,
                              Map<String, String> headers, List<String> ids) {
        String path = method.equals("PUT") ? "/xapi/statements?statementId=" + (ids.isEmpty()
                ? UUID.randomUUID().toString() : ids.get(0)) : "/xapi/statements";
        return new StatementCase(new FuzzCase(name, call(method, path, contentType, body, headers),
                FuzzCase.Kind.MUTATION, null), ids);
    }

    /** A request with the case's credentials and {@code headers}, or the xAPI version header when they are null. */
    private RawCall call(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(credentials);
        all.put(FuzzRun.XAPI_VERSION, "2.0.0");
        if (headers != null) {
            all.remove(FuzzRun.XAPI_VERSION);
            all.putAll(headers);
        }
        all.put("Content-Type", contentType);
        all.put("Accept", "application/json");
        return new RawCall(method, path, all, body);
    }

    private static ObjectNode without(ObjectNode statement, String property) {
        statement.remove(property);
        return statement;
    }

    private static ObjectNode withId(ObjectNode statement, String id) {
        statement.put("id", id);
        return statement;
    }

    private static ObjectNode change(ObjectNode statement, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = statement.at(pointer.substring(0, slash));
        if (parent instanceof ObjectNode object) {
            object.set(pointer.substring(slash + 1), value);
        } else {
            statement.set(pointer.substring(1, pointer.indexOf('/', 1) < 0 ? pointer.length()
                    : pointer.indexOf('/', 1)), value);
        }
        return statement;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Real statements from the shared samples, when they are there. */
    static List<JsonNode> samples(java.nio.file.Path file, int count) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            JsonNode all = JSON.readTree(java.nio.file.Files.readString(file));
            List<JsonNode> picked = new ArrayList<>();
            for (int i = 0; i < all.size() && picked.size() < count; i += Math.max(1, all.size() / count)) {
                picked.add(all.get(i));
            }
            return picked;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot read " + file, e);
        }
    }
}
