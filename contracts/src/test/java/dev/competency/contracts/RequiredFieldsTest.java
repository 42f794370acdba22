package dev.competency.contracts;

import static dev.competency.contracts.ContractFixtures.at;
import static dev.competency.contracts.ContractFixtures.example;
import static dev.competency.contracts.ContractFixtures.objectSites;
import static dev.competency.contracts.ContractFixtures.read;
import static dev.competency.contracts.ContractFixtures.resolve;
import static dev.competency.contracts.ContractFixtures.schemaJson;
import static dev.competency.contracts.ContractFixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.competency.contracts.ContractFixtures.ObjectSite;
import dev.competency.contracts.EventCatalog.EventDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Removes each required field of each example in turn. The cases come from the schemas' {@code required} arrays,
 * at every nesting level, so a field added to a schema is covered without touching this test.
 */
class RequiredFieldsTest {

    static Stream<Arguments> requiredFields() {
        List<Arguments> cases = new ArrayList<>();
        for (EventDescriptor descriptor : EventCatalog.all()) {
            ObjectNode example = example(descriptor);
            Set<String> seen = new LinkedHashSet<>();
            for (ObjectSite site : objectSites(schemaJson(descriptor), example)) {
                for (JsonNode required : site.schema().path("required")) {
                    String property = required.asString();
                    if (seen.add(site.describe(property))) {
                        cases.add(Arguments.of(descriptor.type(), site.describe(property), site.path(), property));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("requiredFields")
    void rejectsPayload_whenRequiredFieldMissing(String type, String field, List<Object> path, String property) {
        EventDescriptor descriptor = EventCatalog.byType(type);
        ObjectNode payload = example(descriptor);
        assertThat(at(payload, path).has(property)).as("example has %s", field).isTrue();
        ((ObjectNode) at(payload, path)).remove(property);

        assertThat(validate(descriptor, payload))
                .as("schema errors for %s without %s", type, field)
                .anySatisfy(error -> assertThat(error.getMessage()).contains("'" + property + "'"));
        assertThatThrownBy(() -> read(descriptor, payload))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("'" + property + "'");
    }

    @Test
    void coversEveryRequiredObjectOfEverySchema_whenDerivingCasesFromExamples() {
        for (EventDescriptor descriptor : EventCatalog.all()) {
            JsonNode schema = schemaJson(descriptor);
            Set<JsonNode> reached = new LinkedHashSet<>();
            objectSites(schema, example(descriptor)).forEach(site -> reached.add(site.schema()));

            Set<String> unreached = new LinkedHashSet<>();
            schema.path("$defs").forEachEntry((name, definition) -> {
                if (definition.has("required") && !reached.contains(resolve(schema, definition))) {
                    unreached.add(name);
                }
            });

            assertThat(reached).as("%s root", descriptor.type()).contains(schema);
            assertThat(unreached)
                    .as("object definitions of %s that its example never uses, so their required fields go untested",
                            descriptor.type())
                    .isEmpty();
        }
    }
}
