package dev.competency.learners.learner.personal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PersonalDataConfigurationTest {

    @Test
    void refusesToStart_whenTheKeysAddressNamesNoDatabase() {
        assertThatThrownBy(() -> new PersonalDataConfiguration().learnerKeysStore(null, null, "mongodb://127.0.0.1:27017"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KEYS_MONGODB_URI")
                .hasMessageContaining("names no database");
    }
}
