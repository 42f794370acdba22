package dev.competency.platform.images;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The base image platform/base-image assembles from the build JDK and Debian packages. */
class BaseImageTest {

    @Test
    void providesJavaTheLibrariesItLinksAndBash_whenUnpacked() {
        DockerArchive base = ImageBuild.baseImage();

        assertThat(base.layers()).hasSize(1);
        for (String executable : List.of("/opt/java/bin/java", "/bin/bash", "/usr/local/bin/http-ok")) {
            assertThat(base.file(executable)).as(executable).get().matches(DockerArchive.Entry::isExecutableFile);
        }
        for (String library : List.of("/opt/java/lib/server/libjvm.so", "/lib/x86_64-linux-gnu/libc.so.6",
                "/lib64/ld-linux-x86-64.so.2", "/lib/x86_64-linux-gnu/libz.so.1",
                "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libgcc_s.so.1")) {
            assertThat(base.file(library)).as(library).isPresent();
        }
        assertThat(base.file("/usr/local/bin/http-ok").orElseThrow().text()).startsWith("#!/bin/bash\n");
        assertThat(base.file("/tmp").orElseThrow().mode() & 01777).isEqualTo(01777);
        assertThat(base.file("/var/lib/dpkg/status.d/libc6").orElseThrow().text()).contains("Package: libc6");
    }

    @Test
    void ownsEveryFileByRootWithFixedTimesAndNoSetuid_whenUnpacked() {
        DockerArchive base = ImageBuild.baseImage();

        assertThat(base.layers().get(0).entries().values()).allSatisfy(entry -> {
            assertThat(entry.uid()).as("owner of %s", entry.path()).isZero();
            assertThat(entry.gid()).as("group of %s", entry.path()).isZero();
            assertThat(entry.modifiedEpochSecond()).as("time of %s", entry.path()).isZero();
            assertThat(entry.mode() & 06000).as("setuid/setgid bits of %s", entry.path()).isZero();
        });
    }

    @Test
    void setsTheRuntimeEnvironmentAndUser_whenUsedAsBase() {
        DockerArchive base = ImageBuild.baseImage();

        assertThat(base.config().at("/config/User").asString()).isEqualTo("10001:10001");
        assertThat(base.stringList("Env")).contains("JAVA_HOME=/opt/java", "LANG=C.UTF-8");
        assertThat(base.config().at("/config/Labels/dev.competency.base.packages").asString())
                .contains("libc6=", "zlib1g=");
    }

    @Test
    void listsTheJavaRuntimeAndEveryDebianPackageInItsSbom_whenBuilt() {
        JsonNode sbom = DockerArchive.parse(ImageBuild.baseImageTarget().resolve("base-image.cdx.json"));
        List<String> purls = new ArrayList<>();
        sbom.get("components").forEach(component -> purls.add(component.path("purl").asString("")));
        String packages = ImageBuild.baseImage().config().at("/config/Labels/dev.competency.base.packages")
                .asString();

        assertThat(sbom.get("bomFormat").asString()).isEqualTo("CycloneDX");
        assertThat(sbom.get("components").get(0).get("type").asString()).isEqualTo("platform");
        for (String nameAndVersion : packages.split(" ")) {
            String name = nameAndVersion.substring(0, nameAndVersion.indexOf('='));
            assertThat(purls).as("SBOM entry for %s", name).anyMatch(purl -> purl.startsWith("pkg:deb/debian/" + name + "@"));
        }
    }

    @Test
    void buildsTheSameLayerAndImageId_whenAssembledTwice() {
        Path target = ImageBuild.baseImageTarget();

        assertThat(ImageBuild.read(target.resolve("rebuild/base-image.digest")))
                .isEqualTo(ImageBuild.read(target.resolve("base-image.digest")));
    }

    /**
     * Runs the base layer's Java as the app user in a chroot with its own /proc, the way a container would (the JVM
     * finds its libraries through /proc/self/exe). Needs root and util-linux's unshare: CI has both.
     */
    @Test
    void runsJavaAsTheAppUserWithUtf8_whenUnpackedIntoAChroot(@TempDir Path rootfs) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root for chroot");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare")), "needs unshare");
        unpackBaseLayer(rootfs);
        Files.setPosixFilePermissions(rootfs, PosixFilePermissions.fromString("rwxr-xr-x"));

        ProcessBuilder java = new ProcessBuilder("/usr/bin/unshare", "--mount", "--pid", "--fork",
                "--mount-proc=" + rootfs.resolve("proc"), "/usr/sbin/chroot", "--userspec=10001:10001",
                rootfs.toString(), "/opt/java/bin/java", "-XshowSettings:properties", "-version")
                .redirectErrorStream(true);
        java.environment().clear();
        ImageBuild.baseImage().stringList("Env").forEach(variable -> java.environment()
                .put(variable.substring(0, variable.indexOf('=')), variable.substring(variable.indexOf('=') + 1)));
        Process process = java.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("user.name = app", "java.home = /opt/java", "file.encoding = UTF-8");
    }

    private static void unpackBaseLayer(Path rootfs) throws IOException {
        Path tarball = ImageBuild.baseImageTarget().resolve("base-image.tar");
        try (TarArchiveInputStream image = new TarArchiveInputStream(Files.newInputStream(tarball))) {
            TarArchiveEntry entry;
            while ((entry = image.getNextEntry()) != null) {
                if (entry.getName().endsWith("/layer.tar")) {
                    Process tar = new ProcessBuilder("tar", "-x", "-C", rootfs.toString()).start();
                    try (var stdin = tar.getOutputStream()) {
                        image.transferTo(stdin);
                    }
                    assertThat(tar.waitFor()).isZero();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
