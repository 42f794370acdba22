package dev.competency.contracts;

import static dev.competency.contracts.ContractFixtures.resolve;
import static dev.competency.contracts.ContractFixtures.schemaJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.competency.contracts.EventCatalog.EventDescriptor;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Walks each schema alongside its payload record: same property names, same required set, compatible types,
 * same enum constants, forward-compatible objects. A field added to one side only fails here. A property the schema
 * marks {@code deprecated} is a retired field: older records may carry it, so the schema still describes it, but the
 * record has left it out (reading such a record ignores it) and it is never required.
 */
class SchemaMatchesRecordTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.competency.contracts.ContractFixtures#eventTypes")
    void describesExactlyTheRecord_whenTypeIsNested(String type) {
        EventDescriptor descriptor = EventCatalog.byType(type);
        JsonNode schema = schemaJson(descriptor);
        List<String> problems = new ArrayList<>();

        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        compare(schema, schema, descriptor.payloadType(), "$", problems);

        assertThat(problems).isEmpty();
    }

    private static void compare(JsonNode root, JsonNode schemaNode, Type javaType, String path, List<String> problems) {
        JsonNode schema = resolve(root, schemaNode);
        Class<?> raw = javaType instanceof ParameterizedType parameterized
                ? (Class<?>) parameterized.getRawType() : (Class<?>) javaType;
        if (raw.isRecord()) {
            compareRecord(root, schema, raw, path, problems);
        } else if (List.class.isAssignableFrom(raw)) {
            expectType(schema, "array", path, problems);
            compare(root, schema.path("items"), typeArgument(javaType, 0), path + "[]", problems);
        } else if (Map.class.isAssignableFrom(raw)) {
            expectType(schema, "object", path, problems);
            compare(root, schema.path("propertyNames"), typeArgument(javaType, 0), path + "<key>", problems);
            compare(root, schema.path("additionalProperties"), typeArgument(javaType, 1), path + "<value>", problems);
        } else if (raw.isEnum()) {
            List<String> constants = Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            List<String> schemaValues = new ArrayList<>();
            schema.path("enum").forEach(value -> schemaValues.add(value.asString()));
            if (!constants.equals(schemaValues)) {
                problems.add(path + ": enum " + schemaValues + " but " + raw.getSimpleName() + " has " + constants);
            }
        } else if (raw == String.class) {
            expectType(schema, "string", path, problems);
        } else if (raw == Instant.class) {
            expectType(schema, "string", path, problems);
            if (!"date-time".equals(schema.path("format").asString())) {
                problems.add(path + ": an Instant needs format date-time");
            }
        } else if (raw == int.class || raw == Integer.class) {
            expectType(schema, "integer", path, problems);
        } else if (raw == double.class || raw == Double.class) {
            expectType(schema, "number", path, problems);
        } else if (raw == boolean.class) {
            expectType(schema, "boolean", path, problems);
        } else {
            problems.add(path + ": no schema mapping for " + raw.getName());
        }
    }

    private static void compareRecord(JsonNode root, JsonNode schema, Class<?> record, String path,
                                      List<String> problems) {
        expectType(schema, "object", path, problems);
        if (schema.has("additionalProperties") && !schema.get("additionalProperties").asBoolean()) {
            problems.add(path + ": objects must allow additional properties for forward compatibility");
        }
        JsonIgnoreProperties ignore = record.getAnnotation(JsonIgnoreProperties.class);
        if (ignore == null || !ignore.ignoreUnknown()) {
            problems.add(path + ": " + record.getSimpleName() + " must ignore unknown properties");
        }
        Set<String> components = new TreeSet<>();
        Set<String> requiredComponents = new TreeSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            Field field = field(record, component.getName());
            JsonProperty property = field.getAnnotation(JsonProperty.class);
            components.add(jsonName(component, property));
            JsonInclude include = field.getAnnotation(JsonInclude.class);
            boolean required = property != null && property.required();
            if (required) {
                requiredComponents.add(jsonName(component, property));
            } else if (include == null || include.value() != JsonInclude.Include.NON_NULL) {
                problems.add(path + "." + component.getName() + ": optional components are written only when set");
            }
            if (!required && component.getType().isPrimitive()) {
                problems.add(path + "." + component.getName() + ": a primitive component must be required");
            }
        }
        Set<String> properties = new TreeSet<>();
        Set<String> retired = new TreeSet<>();
        schema.path("properties").properties().forEach(entry ->
                (entry.getValue().path("deprecated").asBoolean(false) ? retired : properties).add(entry.getKey()));
        Set<String> requiredProperties = new TreeSet<>();
        schema.path("required").forEach(name -> requiredProperties.add(name.asString()));
        if (!properties.equals(components)) {
            problems.add(path + ": schema properties " + properties + " but " + record.getSimpleName()
                    + " components " + components);
        }
        for (String name : retired) {
            if (components.contains(name) || requiredProperties.contains(name)) {
                problems.add(path + "." + name + ": a deprecated property is retired: neither a component nor required");
            }
        }
        if (!requiredProperties.equals(requiredComponents)) {
            problems.add(path + ": schema requires " + requiredProperties + " but " + record.getSimpleName()
                    + " requires " + requiredComponents);
        }
        for (RecordComponent component : record.getRecordComponents()) {
            String name = jsonName(component, field(record, component.getName()).getAnnotation(JsonProperty.class));
            JsonNode propertySchema = schema.path("properties").path(name);
            if (!propertySchema.isMissingNode()) {
                compare(root, propertySchema, component.getGenericType(), path + "." + component.getName(), problems);
            }
        }
    }

    private static void expectType(JsonNode schema, String type, String path, List<String> problems) {
        if (!type.equals(schema.path("type").asString())) {
            problems.add(path + ": schema type " + schema.path("type") + " but the record needs " + type);
        }
    }

    private static Type typeArgument(Type type, int index) {
        return ((ParameterizedType) type).getActualTypeArguments()[index];
    }

    private static String jsonName(RecordComponent component, JsonProperty property) {
        return property == null || property.value().isEmpty() ? component.getName() : property.value();
    }

    private static Field field(Class<?> record, String name) {
        try {
            return record.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
