package dev.competency.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.competency.deploycheck.kustomize.Kustomize;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class KustomizeRenderTest {

    static Stream<String> targets() {
        return Repository.TARGETS.keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("targets")
    void rendersEveryTargetIntoNamedObjectsOfOneNamespace(String target) {
        List<Map<String, Object>> objects = Repository.rendered(target);

        assertThat(objects).isNotEmpty();
        for (Map<String, Object> object : objects) {
            Map<?, ?> metadata = (Map<?, ?>) object.get("metadata");
            assertThat(metadata.get("name")).as("name of a %s", object.get("kind")).isNotNull();
            if (!"Namespace".equals(object.get("kind"))) {
                assertThat(metadata.get("namespace")).as("namespace of %s/%s", object.get("kind"), metadata.get("name"))
                        .isEqualTo("competency");
            }
        }
    }

    /**
     * The renderer of this module against kustomize itself, where a kubectl with kustomize is installed: every object
     * equal, names (with their hashes) included.
     */
    @ParameterizedTest
    @MethodSource("targets")
    void rendersWhatKustomizeRenders_whenKubectlIsInstalled(String target) throws Exception {
        Path kubectl = Stream.of("/usr/bin/kubectl", "/usr/local/bin/kubectl").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(kubectl != null, "kubectl is not installed");

        Map<String, Object> ours = byKey(Kustomize.build(Repository.TARGETS.get(target)));
        Map<String, Object> theirs = byKey(kustomize(kubectl, Repository.TARGETS.get(target)));
        assertThat(ours.keySet()).isEqualTo(theirs.keySet());
        for (String key : theirs.keySet()) {
            assertThat(ours.get(key)).as(key).isEqualTo(theirs.get(key));
        }
    }

    private static List<Map<String, Object>> kustomize(Path kubectl, Path dir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("kubectl kustomize " + dir).isZero();
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(out)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) doc;
            objects.add(object);
        }
        return objects;
    }

    private static Map<String, Object> byKey(List<Map<String, Object>> objects) {
        Map<String, Object> byKey = new TreeMap<>();
        for (Map<String, Object> object : objects) {
            Map<?, ?> metadata = (Map<?, ?>) object.get("metadata");
            byKey.put(object.get("kind") + "/" + metadata.get("name"), Kustomize.sorted(object));
        }
        return byKey;
    }
}
