package dev.competency.e2e.fuzz;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.competency.contracts.EventAttributes;
import dev.competency.contracts.EventCatalog;
import dev.competency.contracts.EventTypes;
import dev.competency.contracts.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.header.Header;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The contract of every public event as the contracts jar ships it (the example payload and the JSON Schema of each
 * type), and the judgement of a record against it: whether a consumer must send it to the dead-letter topic (its
 * CloudEvents headers, its type on its topic, its payload against the schema with format assertions on, its key
 * against the payload's) or process it.
 */
final class ContractShapes {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    /**
     * Open enums: values are appended within the topic version, so a consumer must take a value it does not know
     * (see the contracts' README and the schema's description of {@code cause}).
     */
    private static final Set<String> OPEN_ENUMS = Set.of("$.cause", "/cause");

    /**
     * The topics fuzzed: those the services read in consumer groups, which dead-letter what they refuse. Nothing in
     * the platform reads {@code competency.community.v1} in a group (it is for analytics teams' consumers), so no
     * consumer of it could be judged.
     */
    static final Set<String> CONSUMED_TOPICS = Set.of(Topics.FRAMEWORKS, Topics.EVIDENCE, Topics.LEARNERS,
            Topics.MASTERY, Topics.ASSESSMENTS);

    private final Map<String, ObjectNode> examples = new LinkedHashMap<>();
    private final Map<String, Schema> schemas = new HashMap<>();

    ContractShapes() {
        for (EventCatalog.EventDescriptor descriptor : EventCatalog.all()) {
            if (!CONSUMED_TOPICS.contains(descriptor.topic())) {
                continue;
            }
            examples.put(descriptor.type(), (ObjectNode) resource(descriptor.exampleResource()));
            schemas.put(descriptor.type(), SCHEMAS.getSchema(resource(descriptor.schemaResource())));
        }
    }

    List<String> types() {
        return List.copyOf(examples.keySet());
    }

    /** A fresh, modifiable copy of the type's example payload. */
    ObjectNode example(String type) {
        return examples.get(type).deepCopy();
    }

    static String topicOf(String type) {
        return EventCatalog.byType(type).topic();
    }

    /** The payload field a record of the topic is keyed by. */
    static String keyFieldOf(String topic) {
        return Topics.FRAMEWORKS.equals(topic) ? "frameworkId" : "learnerId";
    }

    /** A type of another topic than {@code topic}, for records that claim to be something that belongs elsewhere. */
    static String typeOfAnotherTopic(String topic) {
        return Topics.EVIDENCE.equals(topic) ? EventTypes.LEARNER_REGISTERED : EventTypes.EVIDENCE_RECORDED;
    }

    /**
     * Why a consumer must refuse the record (send it to {@code <topic>.dlq}), or empty when it must process it: the
     * rules of the contract's reader, in its order, with the payload judged by the type's JSON Schema.
     */
    Optional<String> whyPoison(String topic, String key, List<Header> headers, byte[] value) {
        Map<String, String> attributes = new HashMap<>();
        for (Header header : headers) {
            if (header.value() != null) {
                attributes.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        EventAttributes parsed;
        try {
            parsed = EventAttributes.fromHeaders(attributes);
        } catch (IllegalArgumentException e) {
            return Optional.of("headers: " + e.getMessage());
        }
        if (!topicOf(parsed.type()).equals(topic)) {
            return Optional.of("type " + parsed.type() + " does not belong on " + topic);
        }
        if (value == null) {
            return Optional.of("no payload");
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(value);
        } catch (JacksonException e) {
            return Optional.of("payload is not JSON the contract's parser reads: " + e.getOriginalMessage());
        }
        if (payload == null || !payload.isObject()) {
            return Optional.of("payload is not a JSON object");
        }
        List<String> violations = violations(parsed.type(), payload);
        if (!violations.isEmpty()) {
            return Optional.of("schema: " + String.join("; ", violations));
        }
        if (EventTypes.FRAMEWORK_PUBLISHED.equals(parsed.type())) {
            Optional<String> broken = brokenReferences(payload);
            if (broken.isPresent()) {
                return broken;
            }
        }
        JsonNode keyValue = payload.path(keyFieldOf(topic));
        if (key == null || !keyValue.isString() || !keyValue.asString().equals(key)) {
            return Optional.of("key " + (key == null ? "missing" : "'" + abbreviate(key) + "'") + " is not the payload's "
                    + keyFieldOf(topic));
        }
        return Optional.empty();
    }

    /**
     * The rule of {@code framework.published} that its schema states in words only ("ids are unique, parentId and
     * relation ends refer to competencies of this list"): the first id repeated or reference to no competency.
     */
    static Optional<String> brokenReferences(JsonNode framework) {
        Set<String> ids = new HashSet<>();
        for (JsonNode competency : framework.path("competencies")) {
            if (!ids.add(competency.path("id").asString())) {
                return Optional.of("competency id " + abbreviate(competency.path("id").asString()) + " twice");
            }
        }
        for (JsonNode competency : framework.path("competencies")) {
            JsonNode parent = competency.path("parentId");
            if (parent.isString() && !ids.contains(parent.asString())) {
                return Optional.of("parentId " + abbreviate(parent.asString()) + " is no competency of the version");
            }
        }
        for (JsonNode relation : framework.path("relations")) {
            for (String end : List.of("sourceId", "targetId")) {
                if (!ids.contains(relation.path(end).asString())) {
                    return Optional.of("relation " + end + " " + abbreviate(relation.path(end).asString())
                            + " is no competency of the version");
                }
            }
        }
        return Optional.empty();
    }

    /** What the payload breaks in its type's schema (format assertions on; open enums take unknown values). */
    List<String> violations(String type, JsonNode payload) {
        List<Error> errors;
        try {
            errors = schemas.get(type).validate(payload,
                    context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
        } catch (RuntimeException e) {
            // The validator gives up on numbers beyond a long (an integer field's bound checked against 1e308):
            // beyond what any field of the contracts holds.
            return List.of("a value the schema validator cannot compare: " + e.getMessage());
        }
        return errors.stream()
                .filter(error -> !("enum".equals(error.getKeyword())
                        && OPEN_ENUMS.contains(error.getInstanceLocation().toString())))
                .map(error -> abbreviate(error.getInstanceLocation() + " " + error.getMessage()))
                .toList();
    }

    static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "… (" + text.length() + " characters)" : text;
    }

    /** The end of a long text, where an exception's message puts its cause. */
    static String ending(String text) {
        return text.length() > 400 ? "… " + text.substring(text.length() - 400) : text;
    }

    private static JsonNode resource(String name) {
        try (InputStream in = ContractShapes.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing class-path resource " + name + " of the contracts jar");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
