package dev.competency.e2e.fuzz;

import dev.competency.contracts.CloudEventHeaders;
import dev.competency.contracts.Topics;
import dev.competency.contracts.learners.MailboxHash;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records shaped like the contract events, drawn with a seeded {@link Random}: each starts from the type's example
 * payload with every id replaced by one of the run's own (learners {@code fuzz-consumer-<run>-<n>}, frameworks and all
 * other ids random UUIDs), so nothing of the demo organisation is touched, and valid CloudEvents headers; then one
 * mutation of the payload, its bytes, its headers or its key, drawn from {@link #KINDS}. The mutations are blind: what
 * the contract says of the result is {@link ContractShapes#whyPoison}'s judgement, not the mutation's.
 */
final class RecordCases {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** As the platform's own producers write it. */
    static final String SOURCE = "/fuzz/consumer-records";
    /** Below the broker's 1 MiB record limit with room for the dead-letter headers. */
    private static final int NEAR_LIMIT_CHARACTERS = 900 * 1024;
    private static final int HUGE_STRING_CHARACTERS = 300_000;
    private static final int NESTING_DEPTH = 5_000;

    /** A mutation and how often it is drawn relative to the others. */
    private record Kind(String name, int weight, Mutation mutation) {
    }

    @FunctionalInterface
    private interface Mutation {
        /** Changes the draft; returns what it changed (a JSON pointer or a header name), or null. */
        String apply(RecordCases cases, Draft draft);
    }

    private static final List<JsonNode> BOUNDARY_NUMBERS = List.of(NODES.numberNode(0), NODES.numberNode(-1),
            NODES.numberNode(1), NODES.numberNode(-0.0), NODES.numberNode(0.9999999999), NODES.numberNode(1.0000000001),
            NODES.numberNode(Integer.MAX_VALUE), NODES.numberNode(Integer.MAX_VALUE + 1L),
            NODES.numberNode(Integer.MIN_VALUE - 1L), NODES.numberNode(new BigInteger("9223372036854775808")),
            NODES.numberNode(Double.MAX_VALUE), NODES.numberNode(new BigDecimal("1e400")),
            NODES.numberNode(Double.MIN_VALUE), NODES.numberNode(1.5), NODES.numberNode(-1e-9));
    private static final List<String> BOUNDARY_STRINGS = List.of("", " ", "\u0000", "\u202Eevil\u202C", "\uFEFF",
            "line\nbreak", "\uD83E\uDDEA\uD83E\uDDEA", "{\"$gt\": \"\"}", "$where", "a.b.c", "x".repeat(10_000),
            "../../etc/passwd", "<script>alert(1)</script>", "NaN", "null");
    private static final List<String> ODD_TIMES = List.of("2025-03-10T13:42:17+01:00", "2025-03-10t13:42:17z",
            "2016-12-31T23:59:60Z", "2025-03-10T13:42:17", "2025-02-30T10:00:00Z", "yesterday",
            "0000-01-01T00:00:00Z", "+275760-09-13T00:00:00Z", "2025-03-10T13:42:17.123456789123Z",
            "2025-03-10 13:42:17Z", "2025-03-10T13:42:17-00:00", "9999-12-31T23:59:59.999Z");

    private static final List<Kind> KINDS = List.of(
            new Kind("valid", 14, (cases, draft) -> null),
            new Kind("same ce_id as an earlier record, other payload", 4, RecordCases::reuseEventId),
            new Kind("field removed", 6, (cases, draft) -> cases.removeField(draft)),
            new Kind("field set to null", 4, (cases, draft) -> cases.replace(draft, cases.anyPath(draft),
                    value -> NODES.nullNode())),
            new Kind("field of another type", 6, (cases, draft) -> cases.replace(draft, cases.anyPath(draft),
                    cases::otherType)),
            new Kind("unknown field added", 3, (cases, draft) -> cases.addField(draft)),
            new Kind("boundary number", 6, (cases, draft) -> cases.replace(draft, cases.pathOf(draft,
                    JsonNode::isNumber), value -> cases.pick(BOUNDARY_NUMBERS))),
            new Kind("boundary string", 6, (cases, draft) -> cases.replace(draft, cases.pathOf(draft,
                    JsonNode::isString), value -> NODES.stringNode(cases.pick(BOUNDARY_STRINGS)))),
            new Kind("unknown enum value", 4, (cases, draft) -> cases.replace(draft, cases.pathOf(draft,
                    JsonNode::isString), value -> NODES.stringNode(cases.pick(List.of("UNHEARD_OF",
                    value.asString().toLowerCase(java.util.Locale.ROOT), value.asString() + " "))))),
            new Kind("odd date-time", 5, (cases, draft) -> cases.replace(draft, cases.pathOf(draft,
                    node -> node.isString() && node.asString().matches("\\d{4}-\\d\\d-\\d\\dT.*")),
                    value -> NODES.stringNode(cases.pick(ODD_TIMES)))),
            new Kind("huge string", 2, (cases, draft) -> cases.replace(draft, cases.pathOf(draft,
                    JsonNode::isString), value -> NODES.stringNode("\u00e9".repeat(HUGE_STRING_CHARACTERS)))),
            new Kind("near the broker's record limit", 1, (cases, draft) -> {
                draft.payload.put("padding", "x".repeat(NEAR_LIMIT_CHARACTERS));
                return "/padding";
            }),
            new Kind("unknown field nested deeper than the parser reads", 1, (cases, draft) -> {
                String payload = draft.payload.toString();
                draft.raw = (payload.substring(0, payload.length() - 1) + ",\"nested\":" + "[".repeat(NESTING_DEPTH)
                        + "]".repeat(NESTING_DEPTH) + "}").getBytes(StandardCharsets.UTF_8);
                return "/nested";
            }),
            new Kind("value not a JSON object", 4, (cases, draft) -> {
                draft.raw = cases.pick(List.of("not json", "{\"learnerId\": \"unterminated", "[]", "null", "",
                        "\"a string\"", "42", "{}{}", "\uFEFF{}")).getBytes(StandardCharsets.UTF_8);
                return null;
            }),
            new Kind("invalid UTF-8 in a string", 2, (cases, draft) -> cases.invalidUtf8(draft)),
            new Kind("no value", 1, (cases, draft) -> {
                // A record without a value on the learners topic is a tombstone (an erasure) to some readers.
                draft.raw = Topics.LEARNERS.equals(draft.topic) ? new byte[0] : null;
                return null;
            }),
            new Kind("CloudEvents header missing", 5, (cases, draft) -> {
                String header = cases.pick(List.of(CloudEventHeaders.ID, CloudEventHeaders.TYPE,
                        CloudEventHeaders.SOURCE, CloudEventHeaders.TIME, CloudEventHeaders.SPEC_VERSION,
                        CloudEventHeaders.SUBJECT, CloudEventHeaders.CONTENT_TYPE));
                draft.headers.remove(header);
                return header;
            }),
            new Kind("CloudEvents header invalid", 7, (cases, draft) -> cases.breakHeader(draft)),
            new Kind("no headers", 1, (cases, draft) -> {
                draft.headers.clear();
                return null;
            }),
            new Kind("key not the payload's", 3, (cases, draft) -> {
                draft.key = cases.pick(List.of(cases.learner(), UUID.randomUUID().toString(), draft.key + " ",
                        draft.key.toUpperCase(java.util.Locale.ROOT) + "-X"));
                return "key";
            }),
            new Kind("no key", 1, (cases, draft) -> {
                draft.key = null;
                return "key";
            }));

    private final ContractShapes shapes;
    private final Random random;
    private final List<String> learners = new ArrayList<>();
    private final List<String> frameworks = new ArrayList<>();
    private final Map<String, String> lastEventIdByType = new HashMap<>();

    /**
     * @param run a short name of the run, in every learner id it writes, so a replay against the same platform
     *            writes about other learners
     */
    RecordCases(ContractShapes shapes, Random random, String run) {
        this.shapes = shapes;
        this.random = random;
        for (int i = 1; i <= 6; i++) {
            learners.add("fuzz-consumer-" + run + "-" + i);
        }
        for (int i = 1; i <= 3; i++) {
            frameworks.add(uuid());
        }
    }

    /** The learner ids the run writes about (besides unknown ones drawn per case). */
    List<String> learners() {
        return List.copyOf(learners);
    }

    List<String> frameworks() {
        return List.copyOf(frameworks);
    }

    List<RecordCase> cases(int count) {
        int totalWeight = KINDS.stream().mapToInt(Kind::weight).sum();
        List<RecordCase> cases = new ArrayList<>();
        List<String> types = shapes.types();
        for (int number = 1; number <= count; number++) {
            int draw = random.nextInt(totalWeight);
            Kind kind = KINDS.get(0);
            for (Kind candidate : KINDS) {
                draw -= candidate.weight();
                if (draw < 0) {
                    kind = candidate;
                    break;
                }
            }
            Draft draft = draft(types.get(random.nextInt(types.size())));
            String target = kind.mutation().apply(this, draft);
            cases.add(draft.toCase(number, kind.name(), target, shapes));
            String eventId = draft.header(CloudEventHeaders.ID);
            if (eventId != null) {
                lastEventIdByType.put(draft.type, eventId);
            }
        }
        return cases;
    }

    /** A valid record of the type: the example with the run's ids, keyed by its key field, with valid headers. */
    private Draft draft(String type) {
        ObjectNode payload = shapes.example(type);
        Map<String, String> ids = new HashMap<>();
        if (payload.path("learnerId").isString()) {
            ids.put(payload.path("learnerId").asString(), learner());
        }
        if (payload.path("frameworkId").isString()) {
            ids.put(payload.path("frameworkId").asString(), random.nextInt(4) == 0 ? uuid() : pick(frameworks));
        }
        replaceIds(payload, ids);
        if (payload.has("mbox_sha1sum")) {
            payload.put("mbox_sha1sum", MailboxHash.ofAddress(payload.path("learnerId").asString() + "@example.org"));
        }
        if (payload.has("organisationUnit")) {
            payload.put("organisationUnit", "Fuzz consumer unit");
        }
        String topic = ContractShapes.topicOf(type);
        String key = payload.path(ContractShapes.keyFieldOf(topic)).asString();
        Draft draft = new Draft(type, topic, key, payload);
        draft.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        draft.put(CloudEventHeaders.ID, uuid());
        draft.put(CloudEventHeaders.TYPE, type);
        draft.put(CloudEventHeaders.SOURCE, SOURCE);
        draft.put(CloudEventHeaders.TIME, Instant.now().toString());
        draft.put(CloudEventHeaders.SUBJECT, key);
        draft.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON_CONTENT_TYPE);
        return draft;
    }

    /** One of the run's learners mostly, sometimes one no other record names (a learner never registered). */
    private String learner() {
        return random.nextInt(5) == 0 ? "fuzz-consumer-unknown-" + uuid() : pick(learners);
    }

    /** Every UUID of the example becomes the run's own, the same one wherever it recurs in the payload. */
    private void replaceIds(JsonNode node, Map<String, String> ids) {
        if (node instanceof ObjectNode object) {
            for (String name : new ArrayList<>(object.propertyNames())) {
                JsonNode value = object.get(name);
                if (value.isString() && (UUID_TEXT.matcher(value.asString()).matches() || ids.containsKey(
                        value.asString()))) {
                    object.put(name, ids.computeIfAbsent(value.asString(), id -> uuid()));
                } else {
                    replaceIds(value, ids);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isString() && UUID_TEXT.matcher(value.asString()).matches()) {
                    array.set(i, NODES.stringNode(ids.computeIfAbsent(value.asString(), id -> uuid())));
                } else {
                    replaceIds(value, ids);
                }
            }
        }
    }

    private String reuseEventId(Draft draft) {
        String earlier = lastEventIdByType.get(draft.type);
        if (earlier != null) {
            draft.put(CloudEventHeaders.ID, earlier);
        }
        return CloudEventHeaders.ID;
    }

    private String removeField(Draft draft) {
        String path = pathOf(draft, node -> true);
        int cut = path.lastIndexOf('/');
        JsonNode parent = draft.payload.at(path.substring(0, cut));
        String last = path.substring(cut + 1);
        if (parent instanceof ObjectNode object) {
            object.remove(last);
        } else if (parent instanceof ArrayNode array) {
            array.remove(Integer.parseInt(last));
        }
        return path;
    }

    private String addField(Draft draft) {
        List<String> objects = new ArrayList<>(List.of(""));
        paths(draft.payload, "", node -> node.isObject(), objects);
        String path = pick(objects);
        ((ObjectNode) draft.payload.at(path)).put("fuzzUnknown" + random.nextInt(100), pick(BOUNDARY_STRINGS));
        return path.isEmpty() ? "/" : path;
    }

    private String invalidUtf8(Draft draft) {
        String path = pathOf(draft, JsonNode::isString);
        String marker = "INVALID-UTF8-" + random.nextInt(1000);
        replace(draft, path, value -> NODES.stringNode(marker));
        String text = draft.payload.toString();
        int at = text.indexOf(marker);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        bytes.writeBytes(text.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8));
        draft.raw = bytes.toByteArray();
        return path;
    }

    private String breakHeader(Draft draft) {
        Map<String, List<byte[]>> choices = new LinkedHashMap<>();
        choices.put(CloudEventHeaders.ID, texts("not-a-uuid", "", " ", draft.header(CloudEventHeaders.ID)
                .toUpperCase(java.util.Locale.ROOT), "{" + draft.header(CloudEventHeaders.ID) + "}"));
        choices.put(CloudEventHeaders.TYPE, texts("competency.unheard-of", draft.type.toUpperCase(java.util.Locale.ROOT),
                ContractShapes.typeOfAnotherTopic(draft.topic), shapes.types().get(random.nextInt(
                        shapes.types().size())), ""));
        choices.put(CloudEventHeaders.SOURCE, texts("", " ", "\u0000"));
        choices.put(CloudEventHeaders.TIME, texts("yesterday", "2025-03-10T13:42:17", "2025-03-10T13:42:17+01:00",
                "1741614137", ""));
        choices.put(CloudEventHeaders.SPEC_VERSION, texts("0.3", "1.0 ", "2.0"));
        choices.put(CloudEventHeaders.CONTENT_TYPE, texts("text/plain", "application/xml"));
        List<byte[]> notUtf8 = new ArrayList<>();
        notUtf8.add(new byte[] {(byte) 0xFF, (byte) 0xFE, 'x'});
        notUtf8.add(null);
        choices.put("any", notUtf8);
        String header = pick(new ArrayList<>(choices.keySet()));
        if (header.equals("any")) {
            header = pick(List.of(CloudEventHeaders.ID, CloudEventHeaders.TYPE, CloudEventHeaders.SOURCE,
                    CloudEventHeaders.TIME));
            draft.headers.put(header, pick(notUtf8));
        } else {
            draft.headers.put(header, pick(choices.get(header)));
        }
        return header;
    }

    private static List<byte[]> texts(String... values) {
        return java.util.Arrays.stream(values).map(value -> value.getBytes(StandardCharsets.UTF_8)).toList();
    }

    private JsonNode otherType(JsonNode value) {
        List<JsonNode> others = new ArrayList<>(List.of(NODES.numberNode(42), NODES.numberNode(3.5),
                NODES.booleanNode(true), NODES.stringNode("text"), NODES.stringNode("42"), NODES.arrayNode(),
                NODES.objectNode(), NODES.arrayNode().add(1).add("a"), NODES.objectNode().put("a", 1)));
        others.removeIf(other -> other.getNodeType() == value.getNodeType());
        return pick(others);
    }

    /** Replaces the value at {@code path} (an object field or an array element). */
    private String replace(Draft draft, String path, java.util.function.Function<JsonNode, JsonNode> newValue) {
        int cut = path.lastIndexOf('/');
        JsonNode parent = draft.payload.at(path.substring(0, cut));
        String last = path.substring(cut + 1);
        JsonNode value = newValue.apply(draft.payload.at(path));
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
        return path;
    }

    private String anyPath(Draft draft) {
        return pathOf(draft, node -> true);
    }

    /** A path whose value matches, or any path when none does. */
    private String pathOf(Draft draft, java.util.function.Predicate<JsonNode> matching) {
        List<String> found = new ArrayList<>();
        paths(draft.payload, "", matching, found);
        if (found.isEmpty()) {
            paths(draft.payload, "", node -> true, found);
        }
        return pick(found);
    }

    private static void paths(JsonNode node, String at, java.util.function.Predicate<JsonNode> matching,
                              List<String> found) {
        if (node instanceof ObjectNode object) {
            for (String name : object.propertyNames()) {
                String path = at + "/" + name;
                if (matching.test(object.get(name))) {
                    found.add(path);
                }
                paths(object.get(name), path, matching, found);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (matching.test(array.get(i))) {
                    found.add(at + "/" + i);
                }
                paths(array.get(i), at + "/" + i, matching, found);
            }
        }
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String uuid() {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }

    /** A record being built: the payload as a tree (or raw bytes once a case wrote them), headers in order. */
    private static final class Draft {

        final String type;
        final String topic;
        String key;
        final ObjectNode payload;
        final Map<String, byte[]> headers = new LinkedHashMap<>();
        byte[] raw;

        Draft(String type, String topic, String key, ObjectNode payload) {
            this.type = type;
            this.topic = topic;
            this.key = key;
            this.payload = payload;
        }

        void put(String header, String value) {
            headers.put(header, value.getBytes(StandardCharsets.UTF_8));
        }

        String header(String name) {
            byte[] value = headers.get(name);
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
        }

        RecordCase toCase(int number, String kind, String target, ContractShapes shapes) {
            byte[] value = raw != null || kind.equals("no value") ? raw
                    : JSON.writeValueAsBytes(payload);
            List<Header> recordHeaders = new ArrayList<>();
            headers.forEach((name, bytes) -> recordHeaders.add(new RecordHeader(name, bytes)));
            String changedTo = null;
            if (target != null && target.startsWith("/") && !payload.at(target).isMissingNode()) {
                changedTo = ContractShapes.abbreviate(payload.at(target).toString());
            } else if (target != null && headers.containsKey(target)) {
                changedTo = header(target) == null ? "(null)" : ContractShapes.abbreviate("\"" + header(target) + "\"");
            } else if (target != null && target.equals("key")) {
                changedTo = key == null ? "(none)" : ContractShapes.abbreviate("\"" + key + "\"");
            }
            return new RecordCase(number, kind, type, target, changedTo, topic, key, List.copyOf(recordHeaders),
                    value, shapes.whyPoison(topic, key, recordHeaders, value));
        }
    }
}
