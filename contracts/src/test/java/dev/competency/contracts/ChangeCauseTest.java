package dev.competency.contracts;

import static dev.competency.contracts.ContractFixtures.MAPPER;
import static dev.competency.contracts.ContractFixtures.example;
import static dev.competency.contracts.ContractFixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.contracts.mastery.MasteryChanged;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The mastery change causes are an open set: time-driven causes validate, unknown ones read as RECOMPUTED. */
class ChangeCauseTest {

    private static final EventCatalog.EventDescriptor MASTERY_CHANGED = EventCatalog.byType(EventTypes.MASTERY_CHANGED);

    @Test
    void acceptsTimeDrivenCausesInSchemaAndRecord_whenMasteryDecaysOrExpires() {
        for (String cause : new String[] {"DECAYED", "EXPIRED"}) {
            ObjectNode payload = example(MASTERY_CHANGED);
            payload.put("cause", cause);
            payload.remove("triggeringEvidenceId");

            assertThat(validate(MASTERY_CHANGED, payload)).as(cause).isEmpty();
            assertThat(MAPPER.treeToValue(payload, MasteryChanged.class).cause().name()).isEqualTo(cause);
        }
    }

    @Test
    void readsUnknownCauseAsRecomputed_whenConsumerMapsUnknownValuesToTheDefault() {
        ObjectNode payload = example(MASTERY_CHANGED);
        payload.put("cause", "A_CAUSE_ADDED_LATER");
        JsonMapper tolerant = MAPPER.rebuild()
                .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE).build();

        assertThat(tolerant.treeToValue(payload, MasteryChanged.class).cause())
                .isEqualTo(MasteryChanged.ChangeCause.RECOMPUTED);
    }
}
