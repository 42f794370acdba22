package dev.competency.platform.images;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** What the build's image of each deployable must be; nothing here runs a container. */
class DeployableImageTest {

    /** How platform/base-image/build-base-image.sh describes its one layer in the image history. */
    private static final String BASE_LAYER_COMMENT = "Java ";
    private static final Pattern JAR = Pattern.compile("/app/libs/(.+)\\.jar");

    @ParameterizedTest
    @EnumSource(Deployable.class)
    void isTaggedWithTheProjectVersion_whenBuilt(Deployable deployable) {
        DockerArchive image = ImageBuild.image(deployable);

        assertThat(image.repoTags()).containsExactly(deployable.imageReference());
        assertThat(deployable.imageReference()).endsWith(":" + ImageBuild.version());
        assertThat(image.config().at("/config/Labels/org.opencontainers.image.version").asString())
                .isEqualTo(ImageBuild.version());
    }

    @ParameterizedTest
    @EnumSource(Deployable.class)
    void runsAsTheUnprivilegedAppUser_whenStarted(Deployable deployable) {
        DockerArchive image = ImageBuild.image(deployable);

        assertThat(image.config().at("/config/User").asString()).isEqualTo("10001:10001");
        assertThat(image.file("/etc/passwd")).get().extracting(DockerArchive.Entry::text).asString()
                .contains("app:x:10001:10001:");
    }

    @ParameterizedTest
    @EnumSource(Deployable.class)
    void keepsApplicationFilesUnwritableForTheAppUser_whenStarted(Deployable deployable) {
        DockerArchive image = ImageBuild.image(deployable);

        List<DockerArchive.Entry> appFiles = image.layers().stream().skip(1)
                .flatMap(layer -> layer.entries().values().stream()).toList();
        assertThat(appFiles).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.path()).startsWith("/app");
            assertThat(entry.uid()).as("owner of %s", entry.path()).isZero();
            assertThat(entry.mode() & 0022).as("group/other write bits of %s", entry.path()).isZero();
        });
    }

    @ParameterizedTest
    @EnumSource(Deployable.class)
    void startsTheApplicationWithTheBaseImagesJava_whenRunWithoutArguments(Deployable deployable) {
        DockerArchive image = ImageBuild.image(deployable);

        assertThat(image.stringList("Entrypoint"))
                .containsExactly("java", "-cp", "@/app/jib-classpath-file", deployable.mainClass);
        assertThat(image.stringList("Cmd")).isEmpty();
        assertThat(image.stringList("Env")).contains("PATH=/opt/java/bin:/usr/local/bin:/usr/bin:/bin");
        assertThat(image.file("/opt/java/bin/java")).get().matches(DockerArchive.Entry::isExecutableFile);
        assertThat(image.file("/app/classes/" + deployable.mainClass.replace('.', '/') + ".class")).isPresent();

        String classpath = image.file("/app/jib-classpath-file").orElseThrow().text().strip();
        assertThat(classpath.split(":")).startsWith("/app/resources", "/app/classes")
                .allSatisfy(path -> assertThat(image.file(path)).as("class path entry %s", path).isPresent());
    }

    @ParameterizedTest
    @EnumSource(Deployable.class)
    void exposesItsHttpPort_whenStarted(Deployable deployable) {
        DockerArchive image = ImageBuild.image(deployable);

        assertThat(image.config().at("/config/ExposedPorts").has(deployable.port + "/tcp")).isTrue();
        assertThat(image.stringList("Env")).contains("SERVER_PORT=" + deployable.port);
        assertThat(image.file("/usr/local/bin/http-ok")).get().matches(DockerArchive.Entry::isExecutableFile);
    }

    @ParameterizedTest
    @EnumSource(Deployable.class)
    void layersLibrariesBeforeApplicationCode_whenBuilt(Deployable deployable) {
        DockerArchive image = ImageBuild.image(deployable);
        Map<String, DockerArchive.Layer> layers = image.layersByComment();

        assertThat(layers.keySet()).first().asString().startsWith(BASE_LAYER_COMMENT);
        assertThat(layers.keySet()).containsSubsequence("dependencies", "resources", "classes");
        assertThat(layers.get("dependencies").entries().keySet())
                .anyMatch(path -> path.matches("/app/libs/spring-boot-\\d.*\\.jar"));
        assertThat(layers.get("classes").entries().keySet())
                .allMatch(path -> path.equals("/app") || path.startsWith("/app/classes"));
        assertThat(layers.get(layers.keySet().iterator().next()).diffId())
                .isEqualTo(ImageBuild.baseImage().layers().get(0).diffId());
        if (deployable != Deployable.GATEWAY) {
            // The platform's own modules are snapshots: they change more often than released libraries.
            DockerArchive.Layer ownModules = layers.containsKey("project dependencies")
                    ? layers.get("project dependencies") : layers.get("snapshot dependencies");
            assertThat(ownModules.entries().keySet())
                    .contains("/app/libs/service-starter-" + ImageBuild.version() + ".jar");
        }
    }

    @ParameterizedTest
    @EnumSource(Deployable.class)
    void holdsExactlyTheLayersItsConfigNames_whenLoaded(Deployable deployable) {
        DockerArchive image = ImageBuild.image(deployable);

        List<String> diffIds = new ArrayList<>();
        image.config().at("/rootfs/diff_ids").forEach(id -> diffIds.add(id.asString()));
        assertThat(image.layers()).extracting(DockerArchive.Layer::diffId).containsExactlyElementsOf(diffIds);
        assertThat(image.layers()).allSatisfy(layer ->
                assertThat(layer.blobName()).isEqualTo(layer.blobDigest().substring("sha256:".length()) + ".tar.gz"));
    }

    @ParameterizedTest
    @EnumSource(Deployable.class)
    void listsEveryLibraryOfTheImageInItsSbom_whenBuilt(Deployable deployable) {
        JsonNode sbom = DockerArchive.parse(deployable.sbom());
        List<String> components = new ArrayList<>();
        sbom.get("components").forEach(component ->
                components.add(component.get("name").asString() + "-" + component.get("version").asString()));

        assertThat(sbom.get("bomFormat").asString()).isEqualTo("CycloneDX");
        assertThat(sbom.at("/metadata/component/name").asString()).isEqualTo(deployable.artifactId);
        assertThat(sbom.at("/metadata/component/version").asString()).isEqualTo(ImageBuild.version());
        assertThat(components).anyMatch(component -> component.matches("spring-boot-\\d.*"));
        assertThat(ImageBuild.image(deployable).file("/app/resources/" + Deployable.SBOM_IN_CLASSES)).isPresent();
        List<String> jars = ImageBuild.image(deployable).layersByComment().values().stream()
                .flatMap(layer -> layer.entries().keySet().stream())
                .map(JAR::matcher).filter(Matcher::matches).map(matcher -> matcher.group(1)).toList();
        assertThat(jars).isNotEmpty().allSatisfy(jar ->
                assertThat(components).as("SBOM component for %s.jar", jar).anyMatch(jar::startsWith));
    }
}
