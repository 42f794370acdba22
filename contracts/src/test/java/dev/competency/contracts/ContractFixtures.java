package dev.competency.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.competency.contracts.EventCatalog.EventDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reads the contract resources from the class path the way a producer or consumer test of a service would. */
final class ContractFixtures {

    /** Strict about unknown properties, so tolerance must come from the records' own annotations. */
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private ContractFixtures() {
    }

    /** The event types, as the argument source of tests parameterised per event type. */
    static Stream<String> eventTypes() {
        return EventCatalog.all().stream().map(EventDescriptor::type);
    }

    static JsonNode resource(String name) {
        try (InputStream in = ContractFixtures.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing class-path resource " + name);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh, modifiable copy of the example payload. */
    static ObjectNode example(EventDescriptor descriptor) {
        return (ObjectNode) resource(descriptor.exampleResource());
    }

    static JsonNode schemaJson(EventDescriptor descriptor) {
        return resource(descriptor.schemaResource());
    }

    /** Validation errors of {@code payload} against the descriptor's schema, with format assertions on. */
    static List<Error> validate(EventDescriptor descriptor, JsonNode payload) {
        Schema schema = SCHEMAS.getSchema(schemaJson(descriptor));
        return schema.validate(payload, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
    }

    static IntegrationEvent read(EventDescriptor descriptor, JsonNode payload) {
        return MAPPER.treeToValue(payload, descriptor.payloadType());
    }

    /**
     * Every object of {@code instance} that the schema describes with named properties (that is, every record
     * rather than map), found by following the schema's {@code properties}, {@code items} and local
     * {@code $ref}s.
     */
    static List<ObjectSite> objectSites(JsonNode schemaRoot, JsonNode instance) {
        List<ObjectSite> sites = new ArrayList<>();
        collect(schemaRoot, schemaRoot, instance, "", List.of(), sites);
        return sites;
    }

    static JsonNode resolve(JsonNode schemaRoot, JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asString();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("Only local references are expected in contract schemas: " + ref);
            }
            current = schemaRoot.at(ref.substring(1));
            if (current.isMissingNode()) {
                throw new IllegalStateException("Unresolvable reference " + ref);
            }
        }
        return current;
    }

    /** Navigates from the payload root along {@code path} (property names and array indexes). */
    static JsonNode at(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object step : path) {
            node = step instanceof Integer index ? node.get(index) : node.get((String) step);
        }
        return node;
    }

    private static void collect(JsonNode schemaRoot, JsonNode schema, JsonNode instance, String pattern,
                                List<Object> path, List<ObjectSite> sites) {
        JsonNode resolved = resolve(schemaRoot, schema);
        if (instance.isObject() && resolved.has("properties")) {
            sites.add(new ObjectSite(pattern, path, resolved));
            for (String name : resolved.get("properties").propertyNames()) {
                if (instance.has(name)) {
                    collect(schemaRoot, resolved.get("properties").get(name), instance.get(name),
                            pattern.isEmpty() ? name : pattern + "." + name, append(path, name), sites);
                }
            }
        } else if (instance.isArray() && resolved.has("items")) {
            for (int i = 0; i < instance.size(); i++) {
                collect(schemaRoot, resolved.get("items"), instance.get(i), pattern + "[]", append(path, i), sites);
            }
        }
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(step);
        return List.copyOf(longer);
    }

    /**
     * An object inside a payload.
     *
     * @param pattern the object's place with array indexes left out, such as {@code competencies[].scaleOverride}
     * @param path    the property names and array indexes that lead to it from the payload root
     * @param schema  the resolved schema of the object
     */
    record ObjectSite(String pattern, List<Object> path, JsonNode schema) {

        String describe(String property) {
            return pattern.isEmpty() ? property : pattern + "." + property;
        }
    }
}
