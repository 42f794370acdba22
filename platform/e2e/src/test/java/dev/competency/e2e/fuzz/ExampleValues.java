package dev.competency.e2e.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A valid instance of a schema: the schema's own example where it gives one, else a value built from its type,
 * format, enumeration and bounds. Properties and parameters whose name the {@link KnownValues} know (ids of the
 * resources the fuzz run owns or references, units, codes) take that value, so that a valid call reaches the
 * service's rules instead of stopping at "no such framework".
 */
final class ExampleValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 8;

    private final WriteOperation operation;
    private final KnownValues known;
    private final Random random;

    ExampleValues(WriteOperation operation, KnownValues known, Random random) {
        this.operation = operation;
        this.known = known;
        this.random = random;
    }

    /** A valid value of a parameter of the operation. */
    JsonNode parameter(WriteOperation.Parameter parameter) {
        JsonNode value = known.forName(parameter.name(), parameter.in().equals("path"));
        return value != null ? value : instance(parameter.schema(), parameter.name(), 0);
    }

    /** A valid body for the operation. */
    JsonNode body() {
        JsonNode given = known.forName("body of " + operation.key(), false);
        if (given != null) {
            return given;
        }
        JsonNode schema = operation.resolve(operation.bodySchema());
        if (typeOf(schema).equals("string") && schema.path("format").asString("").equals("byte")) {
            // A document of any content (xAPI State and profiles): a JSON object, which every such resource takes.
            return NODES.objectNode().put("progress", 0.5).put("bookmark", "page-" + random.nextInt(100));
        }
        return instance(operation.bodySchema(), "", 0);
    }

    JsonNode instance(JsonNode rawSchema, String name, int depth) {
        JsonNode schema = operation.resolve(rawSchema);
        JsonNode knownValue = name.isEmpty() ? null : known.forName(name, false);
        if (knownValue != null) {
            return knownValue;
        }
        if (schema.has("example") && !schema.path("example").isNull()) {
            return schema.path("example").deepCopy();
        }
        if (schema.path("examples").isArray() && !schema.path("examples").isEmpty()) {
            return schema.path("examples").get(0).deepCopy();
        }
        if (schema.has("const")) {
            return schema.path("const").deepCopy();
        }
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            for (JsonNode option : schema.path("enum")) {
                if (!option.isNull()) {
                    return option.deepCopy();
                }
            }
        }
        for (String combination : List.of("oneOf", "anyOf", "allOf")) {
            if (schema.path(combination).isArray() && !schema.path(combination).isEmpty()) {
                if (combination.equals("allOf")) {
                    ObjectNode merged = NODES.objectNode();
                    for (JsonNode part : schema.path(combination)) {
                        JsonNode value = instance(part, name, depth);
                        if (value.isObject()) {
                            merged.setAll((ObjectNode) value);
                        }
                    }
                    return merged;
                }
                for (JsonNode option : schema.path(combination)) {
                    if (!"null".equals(operation.resolve(option).path("type").asString(""))) {
                        return instance(option, name, depth);
                    }
                }
            }
        }
        String type = typeOf(schema);
        return switch (type) {
            case "object" -> object(schema, depth);
            case "array" -> array(schema, name, depth);
            case "integer" -> NODES.numberNode(integer(schema));
            case "number" -> NODES.numberNode(number(schema));
            case "boolean" -> NODES.booleanNode(false);
            case "string" -> NODES.stringNode(string(schema, name));
            default -> schema.has("properties") ? object(schema, depth) : NODES.stringNode(string(schema, name));
        };
    }

    /** The schema's type, the first that is not "null" where it lists several (OpenAPI 3.1). */
    static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isString()) {
            return type.asString();
        }
        if (type.isArray()) {
            for (JsonNode option : type) {
                if (!option.asString().equals("null")) {
                    return option.asString();
                }
            }
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "";
    }

    private ObjectNode object(JsonNode schema, int depth) {
        ObjectNode object = NODES.objectNode();
        if (depth >= MAX_DEPTH) {
            return object;
        }
        Set<String> required = requiredOf(schema);
        for (var property : schema.path("properties").properties()) {
            boolean optional = !required.contains(property.getKey());
            if (optional && (depth > 2 || property.getKey().equals("id"))) {
                continue;
            }
            object.set(property.getKey(), instance(property.getValue(), property.getKey(), depth + 1));
        }
        JsonNode additional = schema.path("additionalProperties");
        if (object.isEmpty() && additional.isObject() && !additional.isEmpty()) {
            object.set("k" + random.nextInt(1000), instance(additional, "", depth + 1));
        }
        return object;
    }

    private ArrayNode array(JsonNode schema, String name, int depth) {
        ArrayNode array = NODES.arrayNode();
        int count = Math.max(1, schema.path("minItems").asInt(1));
        if (depth >= MAX_DEPTH) {
            return array;
        }
        String itemName = name.endsWith("Ids") ? name.substring(0, name.length() - 1) : "";
        for (int i = 0; i < count; i++) {
            array.add(instance(schema.path("items"), itemName, depth + 1));
        }
        return array;
    }

    private static long integer(JsonNode schema) {
        long minimum = schema.path("minimum").asLong(1);
        long maximum = schema.path("maximum").asLong(Math.max(minimum, 1));
        return Math.max(minimum, Math.min(1, maximum));
    }

    private static double number(JsonNode schema) {
        double minimum = schema.path("minimum").asDouble(0);
        double maximum = schema.path("maximum").asDouble(Math.max(minimum, 1));
        return minimum + (maximum - minimum) / 2;
    }

    private String string(JsonNode schema, String name) {
        String format = schema.path("format").asString("");
        String value = switch (format) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date-time" -> "2026-06-02T10:00:00Z";
            case "date" -> "2026-06-02";
            case "duration" -> "PT30M";
            case "email" -> "fuzz" + random.nextInt(100_000) + "@example.org";
            case "uri", "url", "iri" -> "https://example.org/fuzz/" + random.nextInt(100_000);
            case "binary", "byte" -> "ZnV6eg==";
            default -> name.toLowerCase().endsWith("id") ? "fuzz-" + UUID.randomUUID()
                    : "Fuzz " + (name.isEmpty() ? "value" : name) + " " + random.nextInt(100_000);
        };
        int maxLength = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        return value.length() > maxLength ? value.substring(0, maxLength) : value;
    }

    static Set<String> requiredOf(JsonNode schema) {
        Set<String> required = new java.util.LinkedHashSet<>();
        schema.path("required").forEach(name -> required.add(name.asString()));
        return required;
    }

    /**
     * Every place in a value where the schema puts a property: its JSON pointer, the property's name and its schema,
     * for the mutations to pick from.
     */
    List<Field> fields(JsonNode value) {
        List<Field> fields = new ArrayList<>();
        collect(operation.bodySchema(), value, "", fields, 0);
        return fields;
    }

    /** A property of a body: where it is, what it is called, its schema and whether its object requires it. */
    record Field(String pointer, String name, JsonNode schema, boolean required) {
    }

    private void collect(JsonNode rawSchema, JsonNode value, String pointer, List<Field> fields, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        JsonNode schema = operation.resolve(rawSchema);
        for (String combination : List.of("oneOf", "anyOf", "allOf")) {
            if (schema.path(combination).isArray() && !schema.path(combination).isEmpty()) {
                for (JsonNode option : schema.path(combination)) {
                    collect(option, value, pointer, fields, depth + 1);
                }
                return;
            }
        }
        if (value.isObject()) {
            Set<String> required = requiredOf(schema);
            for (var property : schema.path("properties").properties()) {
                if (value.has(property.getKey())) {
                    String child = pointer + "/" + property.getKey();
                    fields.add(new Field(child, property.getKey(), operation.resolve(property.getValue()),
                            required.contains(property.getKey())));
                    collect(property.getValue(), value.path(property.getKey()), child, fields, depth + 1);
                }
            }
        } else if (value.isArray() && !value.isEmpty()) {
            collect(schema.path("items"), value.get(0), pointer + "/0", fields, depth + 1);
        }
    }

}
