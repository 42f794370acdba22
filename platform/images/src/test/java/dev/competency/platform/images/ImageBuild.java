package dev.competency.platform.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the build left the images (system properties set by this module's pom), read once per test run. */
final class ImageBuild {

    private static final Map<Path, DockerArchive> READ = new ConcurrentHashMap<>();

    private ImageBuild() {
    }

    static Path root() {
        return Path.of(System.getProperty("platform.root", "../..")).toAbsolutePath().normalize();
    }

    static String version() {
        return System.getProperty("platform.version");
    }

    static String repository() {
        return System.getProperty("images.repository", "competency");
    }

    static Path baseImageTarget() {
        return root().resolve("platform/base-image/target");
    }

    static DockerArchive image(Path tarball) {
        assertThat(tarball).as("image tarball (built with -Pimages)").isRegularFile();
        return READ.computeIfAbsent(tarball, DockerArchive::read);
    }

    static DockerArchive image(Deployable deployable) {
        return image(deployable.imageTarball());
    }

    static DockerArchive baseImage() {
        return image(baseImageTarget().resolve("base-image.tar"));
    }

    static String read(Path file) {
        assertThat(file).isRegularFile();
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
