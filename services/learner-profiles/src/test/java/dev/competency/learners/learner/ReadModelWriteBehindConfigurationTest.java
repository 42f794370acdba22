package dev.competency.learners.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.competency.learners.learner.query.WriteBehind;
import org.junit.jupiter.api.Test;

/** The read models' writes go behind one processor thread per instance; more threads are refused at startup. */
class ReadModelWriteBehindConfigurationTest {

    private final LearnerConfiguration configuration = new LearnerConfiguration();

    @Test
    void oneProcessorThreadGetsItsWriteBehind() throws Exception {
        try (WriteBehind writeBehind = configuration.readModelWriteBehind(1)) {
            assertThat(writeBehind).isNotNull();
        }
    }

    @Test
    void moreThanOneThreadIsRefusedWithTheSettingToChange() {
        assertThatThrownBy(() -> configuration.readModelWriteBehind(2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("axon.eventhandling.processors.learner-read-models.thread-count is 2")
                .hasMessageContaining("run more instances");
    }
}
