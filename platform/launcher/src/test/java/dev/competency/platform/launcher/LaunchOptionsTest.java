package dev.competency.platform.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    private static final Path ROOT = Path.of("/repository");

    @Test
    void keepsRunningWhenInputEnds_whenNotAskedToStop() {
        LaunchOptions options = LaunchOptions.parse(new String[] {"--demo"}, ROOT);

        assertThat(options.stopOnEndOfInput()).isFalse();
        assertThat(options.demo()).isTrue();
    }

    @Test
    void stopsWhenInputEnds_whenAskedTo() {
        LaunchOptions options = LaunchOptions.parse(new String[] {"--stop-on-end-of-input", "--gateway-port", "0"},
                ROOT);

        assertThat(options.stopOnEndOfInput()).isTrue();
        assertThat(options.gatewayPort()).isZero();
    }

    @Test
    void showsTheUsage_whenAnOptionIsUnknown() {
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--restart"}, ROOT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown option --restart")
                .hasMessageContaining("kill NAME")
                .hasMessageContaining("stop kafka|mongodb")
                .hasMessageContaining("start kafka|mongodb");
    }
}
