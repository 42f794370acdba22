package dev.competency.platform.service.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The services write every member of a response record, {@code null} included, so a member that is not required may
 * be {@code null}: OpenAPI 3.1 (JSON Schema 2020-12) says so with {@code "null"} among its types, in its enum, or,
 * for a reference, as {@code anyOf: [{$ref}, {type: null}]}. Without this, a generated client or a response check would
 * take each {@code null} for an error.
 */
final class NullableProperties implements OpenApiCustomizer {

    private static final String NULL = "null";

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void customise(OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        for (Map.Entry<String, Schema> component : api.getComponents().getSchemas().entrySet()) {
            if (ProblemResponses.PROBLEM.equals(component.getKey())
                    || ProblemResponses.INVALID_FIELD.equals(component.getKey())) {
                continue;
            }
            Schema<?> schema = component.getValue();
            if (schema.getProperties() == null) {
                continue;
            }
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            Map<String, Schema> properties = schema.getProperties();
            for (Map.Entry<String, Schema> property : properties.entrySet()) {
                if (!required.contains(property.getKey())) {
                    property.setValue(nullable(property.getValue()));
                }
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema nullable(Schema property) {
        if (property.get$ref() != null) {
            Schema reference = new JsonSchema().$ref(property.get$ref());
            Schema either = new JsonSchema().anyOf(List.of(reference, new JsonSchema().types(Set.of(NULL))));
            either.setDescription(property.getDescription());
            return either;
        }
        Set<String> types = property.getTypes();
        if (types == null || types.isEmpty() || types.contains(NULL)) {
            return property;
        }
        Set<String> withNull = new LinkedHashSet<>(types);
        withNull.add(NULL);
        property.setTypes(withNull);
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            List values = new ArrayList(property.getEnum());
            values.add(null);
            property.setEnum(values);
        }
        return property;
    }
}
