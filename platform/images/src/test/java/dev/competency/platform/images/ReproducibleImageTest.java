package dev.competency.platform.images;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * services/frameworks builds its image a second time into target/jib-rebuild, after emptying Jib's layer cache so
 * every application layer is compressed again: both builds must give the same image, so an image digest stands for
 * the sources and dependencies it was built from.
 */
class ReproducibleImageTest {

    @Test
    void buildsTheSameImageDigest_whenBuiltTwiceFromTheSameSources() {
        JsonNode first = DockerArchive.parse(Deployable.FRAMEWORKS.target().resolve("jib-image.json"));
        JsonNode second = DockerArchive.parse(Deployable.FRAMEWORKS.target().resolve("jib-rebuild/jib-image.json"));

        assertThat(second.get("imageDigest").asString()).startsWith("sha256:")
                .isEqualTo(first.get("imageDigest").asString());
        assertThat(second.get("imageId").asString()).isEqualTo(first.get("imageId").asString());
    }
}
