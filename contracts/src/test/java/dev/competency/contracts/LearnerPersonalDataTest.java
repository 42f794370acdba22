package dev.competency.contracts;

import static dev.competency.contracts.ContractFixtures.MAPPER;
import static dev.competency.contracts.ContractFixtures.example;
import static dev.competency.contracts.ContractFixtures.read;
import static dev.competency.contracts.ContractFixtures.schemaJson;
import static dev.competency.contracts.ContractFixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.competency.contracts.EventCatalog.EventDescriptor;
import dev.competency.contracts.learners.LearnerRegistered;
import dev.competency.contracts.learners.MailboxHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The learners topic keeps its records without limit, so no name or e-mail address may be published on it. */
class LearnerPersonalDataTest {

    private static final EventDescriptor REGISTERED = EventCatalog.byType(EventTypes.LEARNER_REGISTERED);

    @Test
    void describesNoNameOrAddress_whenAnyEventOfTheLearnersTopicIsRead() {
        List<String> published = new ArrayList<>();
        for (EventDescriptor descriptor : EventCatalog.byTopic(Topics.LEARNERS)) {
            schemaJson(descriptor).path("properties").properties().stream()
                    .filter(property -> !property.getValue().path("deprecated").asBoolean(false))
                    .forEach(property -> published.add(descriptor.type() + "." + property.getKey()));
        }

        assertThat(published).noneMatch(name -> name.endsWith(".displayName") || name.endsWith(".email"))
                .contains("learner.registered.mbox_sha1sum");
    }

    @Test
    void ignoresNameAndAddress_whenOlderRecordCarriesThem() {
        ObjectNode older = example(REGISTERED);
        older.remove(LearnerRegistered.MBOX_SHA1SUM);
        older.put("displayName", "Amara Okafor").put("email", "amara.okafor@example.com");

        LearnerRegistered event = (LearnerRegistered) read(REGISTERED, older);
        JsonNode written = MAPPER.valueToTree(event);

        assertThat(validate(REGISTERED, older)).as("an older record is still valid").isEmpty();
        assertThat(event.mboxSha1sum()).isNull();
        assertThat(written.propertyNames()).containsExactlyInAnyOrder("learnerId", "organisationUnit", "registeredAt");
        assertThat(written.toString()).doesNotContain("Amara", "amara.okafor");
    }

    @Test
    void hashesTheMailtoIriAsTheExampleCarriesIt_whenAddressIsGiven() {
        String expected = example(REGISTERED).get(LearnerRegistered.MBOX_SHA1SUM).asString();

        assertThat(MailboxHash.ofAddress("amara.okafor@example.com")).isEqualTo(expected);
        assertThat(MailboxHash.ofAddress(" Amara.Okafor@Example.COM ")).isEqualTo(expected);
        assertThat(MailboxHash.ofMbox("mailto:amara.okafor@example.com")).isEqualTo(expected);
        assertThat(MailboxHash.ofMbox("MAILTO:Amara.Okafor@example.com")).isEqualTo(expected);
        assertThat(MailboxHash.ofAddress("grace.hopper@example.com")).isNotEqualTo(expected).hasSize(40);
    }

    @ParameterizedTest
    @ValueSource(strings = {"amara.okafor@example.com", "mailto:", "https://example.com/amara", ""})
    void refusesMbox_whenNotAMailtoIriWithAnAddress(String mbox) {
        assertThatThrownBy(() -> MailboxHash.ofMbox(mbox)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesHash_whenAddressIsBlank() {
        for (String email : new String[] {null, "", "  "}) {
            assertThatThrownBy(() -> MailboxHash.ofAddress(email)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("email");
        }
    }

    @Test
    void listsRetiredFieldsAsDeprecated_whenSchemaIsRead() {
        JsonNode properties = schemaJson(REGISTERED).path("properties");

        assertThat(Set.of("displayName", "email")).allSatisfy(name ->
                assertThat(properties.path(name).path("deprecated").asBoolean()).as(name).isTrue());
    }
}
