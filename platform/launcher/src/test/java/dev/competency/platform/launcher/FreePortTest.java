package dev.competency.platform.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ports picked for one start are free and never the same twice, though none is bound in between. */
class FreePortTest {

    @Test
    void neverGivesAPortAgain_whenItWasGivenBefore() {
        Set<Integer> given = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            int port = LocalPlatform.freePort(given);
            assertThat(given).as("port %d, pick %d", port, i).doesNotContain(port);
            given.add(port);
        }
        assertThat(given).hasSize(500);
    }
}
