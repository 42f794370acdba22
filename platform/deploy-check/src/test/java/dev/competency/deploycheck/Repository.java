package dev.competency.deploycheck;

import dev.competency.deploycheck.kustomize.Kustomize;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The repository's files the checks read, and the rendered kustomizations, each rendered once per test run. */
final class Repository {

    static final Path ROOT = locateRoot();
    static final Path K8S = ROOT.resolve("k8s");

    /**
     * What is rendered and checked: the base, every overlay, and the prod overlay with each component it does not
     * include already (the optional ones; a kustomization written under target/).
     */
    static final Map<String, Path> TARGETS = targets();

    private static final Map<String, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();

    private Repository() {
    }

    static List<Map<String, Object>> rendered(String target) {
        return RENDERED.computeIfAbsent(target, name -> Kustomize.build(TARGETS.get(name)));
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path locateRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("k8s/base"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Not inside the repository: no k8s/base above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static Map<String, Path> targets() {
        Map<String, Path> targets = new LinkedHashMap<>();
        targets.put("base", K8S.resolve("base"));
        try (var overlays = Files.list(K8S.resolve("overlays"))) {
            overlays.sorted().forEach(dir -> targets.put("overlays/" + dir.getFileName(), dir));
            try (var components = Files.list(K8S.resolve("components"))) {
                String prod = read(K8S.resolve("overlays/prod/kustomization.yaml"));
                for (Path component : components.sorted().toList()) {
                    if (prod.contains("../../components/" + component.getFileName() + "\n")) {
                        continue;
                    }
                    Path dir = ROOT.resolve("platform/deploy-check/target/kustomize/prod-with-" + component.getFileName());
                    Files.createDirectories(dir);
                    Files.writeString(dir.resolve("kustomization.yaml"), """
                            apiVersion: kustomize.config.k8s.io/v1beta1
                            kind: Kustomization
                            namespace: competency
                            resources:
                              - %s
                            components:
                              - %s
                            """.formatted(dir.relativize(K8S.resolve("overlays/prod")),
                            dir.relativize(component)));
                    targets.put("overlays/prod+components/" + component.getFileName(), dir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return targets;
    }
}
