package dev.competency.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.competency.contracts.EventCatalog.EventDescriptor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCatalogTest {

    @Test
    void describesEveryEventTypeConstantOnce_whenCatalogIsRead() {
        List<String> constants = stringConstants(EventTypes.class);

        assertThat(EventCatalog.all()).extracting(EventDescriptor::type).containsExactlyInAnyOrderElementsOf(constants);
        assertThat(EventTypes.ALL).containsExactlyElementsOf(EventCatalog.all().stream().map(EventDescriptor::type).toList());
    }

    @Test
    void usesEachPayloadRecordForOneEventTypeOnly_whenCatalogIsRead() {
        assertThat(EventCatalog.all()).extracting(EventDescriptor::payloadType).doesNotHaveDuplicates()
                .allSatisfy(type -> assertThat(type.isRecord()).as("%s is a record", type).isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.competency.contracts.ContractFixtures#eventTypes")
    void pointsAtResourcesThatExist_whenAnyEventTypeIsDescribed(String type) {
        EventDescriptor descriptor = EventCatalog.byType(type);
        ClassLoader loader = EventCatalog.class.getClassLoader();

        assertThat(descriptor.schemaResource()).isEqualTo("contracts/schemas/" + type + ".schema.json");
        assertThat(descriptor.exampleResource()).isEqualTo("contracts/examples/" + type + ".json");
        assertThat(loader.getResource(descriptor.schemaResource())).isNotNull();
        assertThat(loader.getResource(descriptor.exampleResource())).isNotNull();
        assertThat(Topics.ALL).contains(descriptor.topic());
        assertThat(EventCatalog.byPayloadType(descriptor.payloadType())).isSameAs(descriptor);
    }

    @Test
    void groupsEventTypesByTopic_whenCatalogIsRead() {
        assertThat(EventCatalog.byTopic(Topics.EVIDENCE)).extracting(EventDescriptor::type)
                .containsExactly(EventTypes.EVIDENCE_RECORDED, EventTypes.EVIDENCE_VOIDED);
        assertThat(Topics.ALL).allSatisfy(topic -> assertThat(EventCatalog.byTopic(topic)).isNotEmpty());
    }

    @Test
    void rejectsLookup_whenTypeOrPayloadIsUnknown() {
        assertThatThrownBy(() -> EventCatalog.byType("evidence.deleted"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("evidence.deleted");
        assertThatThrownBy(() -> EventCatalog.byPayloadType(String.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("String");
        assertThatThrownBy(() -> EventCatalog.byTopic("competency.evidence.v1.dlq"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static List<String> stringConstants(Class<?> holder) {
        return Arrays.stream(holder.getDeclaredFields())
                .filter(field -> Modifier.isPublic(field.getModifiers()) && Modifier.isStatic(field.getModifiers())
                        && field.getType() == String.class)
                .map(EventCatalogTest::value)
                .toList();
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
