package dev.competency.assessments.frameworks.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.contracts.EventCatalog;
import dev.competency.contracts.EventTypes;
import dev.competency.contracts.frameworks.FrameworkPublished;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The catalogue knows which competencies a framework version rolls up from their children. */
class FrameworkCatalogueTest {

    @Test
    void namesRolledUpParents_whenPolicyRollsUpAParentWithChildren() throws IOException {
        FrameworkPublished example;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(
                EventCatalog.byType(EventTypes.FRAMEWORK_PUBLISHED).exampleResource())) {
            example = JsonMapper.builder().build().readValue(in, FrameworkPublished.class);
        }

        // DEV.API has a POINTS rule and two children; the framework's own rule is NONE for the rest
        assertThat(FrameworkCatalogue.rolledUpParents(example)).containsExactly("414e5166-b309-46fe-8194-ed22825f5936");
    }
}
