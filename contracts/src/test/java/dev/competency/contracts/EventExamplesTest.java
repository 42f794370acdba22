package dev.competency.contracts;

import static dev.competency.contracts.ContractFixtures.MAPPER;
import static dev.competency.contracts.ContractFixtures.at;
import static dev.competency.contracts.ContractFixtures.example;
import static dev.competency.contracts.ContractFixtures.objectSites;
import static dev.competency.contracts.ContractFixtures.read;
import static dev.competency.contracts.ContractFixtures.schemaJson;
import static dev.competency.contracts.ContractFixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.contracts.ContractFixtures.ObjectSite;
import dev.competency.contracts.EventCatalog.EventDescriptor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class EventExamplesTest {

    private static final String EVENT_TYPES = "dev.competency.contracts.ContractFixtures#eventTypes";

    @ParameterizedTest(name = "{0}")
    @MethodSource(EVENT_TYPES)
    void validatesAgainstSchema_whenExampleIsUnchanged(String type) {
        EventDescriptor descriptor = EventCatalog.byType(type);

        assertThat(validate(descriptor, example(descriptor))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(EVENT_TYPES)
    void writesTheSameJson_whenExampleIsReadIntoRecordAndWrittenBack(String type) {
        EventDescriptor descriptor = EventCatalog.byType(type);
        ObjectNode example = example(descriptor);

        IntegrationEvent event = read(descriptor, example);
        JsonNode written = MAPPER.valueToTree(event);

        assertThat(event).isInstanceOf(descriptor.payloadType());
        assertThat(written).isEqualTo(example);
        assertThat(validate(descriptor, written)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(EVENT_TYPES)
    void leavesPartitionKeyOutOfPayload_whenWritten(String type) {
        EventDescriptor descriptor = EventCatalog.byType(type);

        JsonNode written = MAPPER.valueToTree(read(descriptor, example(descriptor)));

        assertThat(written.has("partitionKey")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(EVENT_TYPES)
    void keysRecordByTheTopicsKeyField_whenExampleIsPublished(String type) {
        EventDescriptor descriptor = EventCatalog.byType(type);
        ObjectNode example = example(descriptor);
        String keyField = switch (descriptor.topic()) {
            case Topics.FRAMEWORKS -> "frameworkId";
            case Topics.COMMUNITY -> "challengeId";
            default -> "learnerId";
        };

        IntegrationEvent event = read(descriptor, example);

        assertThat(event.partitionKey()).isEqualTo(example.get(keyField).asString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(EVENT_TYPES)
    void toleratesUnknownFields_whenAnyObjectOfThePayloadHasThem(String type) {
        EventDescriptor descriptor = EventCatalog.byType(type);
        ObjectNode extended = example(descriptor);
        for (ObjectSite site : objectSites(schemaJson(descriptor), extended)) {
            ObjectNode object = (ObjectNode) at(extended, site.path());
            object.put("addedInALaterVersion", "ignored by older consumers");
            object.putObject("nestedAddition").put("flag", true);
        }

        assertThat(validate(descriptor, extended)).isEmpty();
        assertThat(read(descriptor, extended)).isEqualTo(read(descriptor, example(descriptor)));
    }
}
