package dev.competency.deploycheck.kustomize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Renders a kustomization the way {@code kustomize build} does, for the features this repository's manifests use:
 * {@code resources} (files and folders), {@code components}, {@code namespace}, {@code labels},
 * {@code configMapGenerator} (literals and files; create, merge; name suffix hash; options), {@code images},
 * {@code patches} (strategic merge, including {@code $patch: delete}, and JSON 6902, selected by kind and name) and
 * {@code replacements} (by kind and name, dotted field paths). No kustomize runs on a stock machine here (Debian's
 * kubernetes-client is 1.20, npm and Maven Central have none), so the checks render with this; where
 * {@code kubectl} exists, {@code KustomizeRenderTest} proves both agree object for object.
 *
 * <p>Anything else in a kustomization fails the rendering instead of being ignored.
 */
public final class Kustomize {

    private static final Set<String> KNOWN_FIELDS = Set.of("apiVersion", "kind", "namespace", "labels", "resources",
            "components", "configMapGenerator", "images", "patches", "replacements");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "ClusterIssuer");

    private Kustomize() {
    }

    /** The objects {@code kustomize build dir} prints, in no particular order. */
    public static List<Map<String, Object>> build(Path dir) {
        List<Resource> resources = render(dir, "Kustomization", new ArrayList<>());
        ConfigMaps.appendHashes(resources);
        return resources.stream().map(Resource::body).toList();
    }

    /** A deep copy with map keys sorted, to compare renderings. */
    public static Object sorted(Object o) {
        return Maps.sorted(o);
    }

    /**
     * A resource with the name it had before a hash suffix was appended (references use that name); hashSuffix when
     * a generator made it without disableNameSuffixHash.
     */
    record Resource(Map<String, Object> body, String originalName, boolean hashSuffix) {

        String kind() {
            return (String) body.get("kind");
        }

        String name() {
            return (String) Maps.metadata(body).get("name");
        }
    }

    private static List<Resource> render(Path dir, String expectedKind, List<Resource> accumulated) {
        Map<String, Object> k = Maps.loadOne(dir.resolve("kustomization.yaml"));
        Object kind = k.getOrDefault("kind", "Kustomization");
        if (!expectedKind.equals(kind)) {
            throw new IllegalArgumentException(dir + " is a " + kind + ", expected a " + expectedKind);
        }
        for (String field : k.keySet()) {
            if (!KNOWN_FIELDS.contains(field)) {
                throw new IllegalArgumentException(dir + ": kustomization field '" + field + "' is not supported");
            }
        }
        List<Resource> resources = "Component".equals(kind) ? accumulated : new ArrayList<>();
        for (String entry : Maps.strings(k.get("resources"))) {
            Path path = dir.resolve(entry).normalize();
            if (Files.isDirectory(path)) {
                addAll(resources, render(path, "Kustomization", new ArrayList<>()));
            } else {
                for (Map<String, Object> doc : Maps.loadAll(path)) {
                    addAll(resources, List.of(new Resource(doc, Maps.name(doc), false)));
                }
            }
        }
        for (String entry : Maps.strings(k.get("components"))) {
            render(dir.resolve(entry).normalize(), "Component", resources);
        }
        for (Map<String, Object> generator : Maps.list(k.get("configMapGenerator"))) {
            ConfigMaps.generate(dir, generator, resources);
        }
        applyLabels(k, resources);
        for (Map<String, Object> patch : Maps.list(k.get("patches"))) {
            Patches.apply(dir, patch, resources);
        }
        applyImages(k, resources);
        for (Map<String, Object> replacement : Maps.list(k.get("replacements"))) {
            Replacements.apply(replacement, resources);
        }
        if (k.get("namespace") instanceof String namespace) {
            for (Resource r : resources) {
                if (CLUSTER_SCOPED.contains(r.kind())) {
                    if ("Namespace".equals(r.kind())) {
                        Maps.metadata(r.body()).put("name", namespace);
                    }
                } else {
                    Maps.metadata(r.body()).put("namespace", namespace);
                }
            }
        }
        return resources;
    }

    private static void addAll(List<Resource> target, List<Resource> added) {
        for (Resource r : added) {
            for (Resource existing : target) {
                if (existing.kind().equals(r.kind()) && existing.originalName().equals(r.originalName())
                        && Objects.equals(Maps.metadata(existing.body()).get("namespace"),
                        Maps.metadata(r.body()).get("namespace"))) {
                    throw new IllegalArgumentException("Two resources " + r.kind() + "/" + r.originalName());
                }
            }
            target.add(r);
        }
    }

    private static void applyLabels(Map<String, Object> k, List<Resource> resources) {
        for (Map<String, Object> entry : Maps.list(k.get("labels"))) {
            if (Boolean.TRUE.equals(entry.get("includeSelectors"))) {
                throw new IllegalArgumentException("labels with includeSelectors: true are not supported");
            }
            Map<String, Object> pairs = Maps.map(entry.get("pairs"));
            boolean templates = Boolean.TRUE.equals(entry.get("includeTemplates"));
            for (Resource r : resources) {
                Maps.child(Maps.metadata(r.body()), "labels").putAll(pairs);
                if (templates && r.body().get("spec") instanceof Map<?, ?> spec
                        && spec.get("template") instanceof Map<?, ?> template) {
                    Maps.child(Maps.child(Maps.cast(template), "metadata"), "labels").putAll(pairs);
                }
            }
        }
    }

    private static void applyImages(Map<String, Object> k, List<Resource> resources) {
        for (Map<String, Object> image : Maps.list(k.get("images"))) {
            String name = (String) image.get("name");
            for (Resource r : resources) {
                for (Map<String, Object> container : Maps.containers(r.body())) {
                    String current = (String) container.get("image");
                    int tagAt = current.lastIndexOf(':') > current.lastIndexOf('/') ? current.lastIndexOf(':') : -1;
                    String repository = tagAt < 0 ? current : current.substring(0, tagAt);
                    String tag = tagAt < 0 ? null : current.substring(tagAt + 1);
                    if (!repository.equals(name)) {
                        continue;
                    }
                    String newName = image.get("newName") instanceof String n ? n : repository;
                    String newTag = image.get("newTag") != null ? String.valueOf(image.get("newTag")) : tag;
                    container.put("image", newTag == null ? newName : newName + ":" + newTag);
                }
            }
        }
    }

    /** Small helpers over the maps and lists SnakeYAML reads. */
    static final class Maps {

        private Maps() {
        }

        static Yaml yaml() {
            return new Yaml(new SafeConstructor(new LoaderOptions()));
        }

        static Map<String, Object> loadOne(Path file) {
            List<Map<String, Object>> docs = loadAll(file);
            if (docs.size() != 1) {
                throw new IllegalArgumentException(file + " holds " + docs.size() + " documents, expected one");
            }
            return docs.get(0);
        }

        static List<Map<String, Object>> loadAll(Path file) {
            try {
                List<Map<String, Object>> docs = new ArrayList<>();
                for (Object doc : yaml().loadAll(Files.readString(file))) {
                    if (doc != null) {
                        docs.add(cast(doc));
                    }
                }
                return docs;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Object parse(String text) {
            return yaml().load(text);
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> cast(Object o) {
            return (Map<String, Object>) o;
        }

        static Map<String, Object> map(Object o) {
            return o == null ? new LinkedHashMap<>() : cast(o);
        }

        @SuppressWarnings("unchecked")
        static List<Map<String, Object>> list(Object o) {
            return o == null ? List.of() : (List<Map<String, Object>>) o;
        }

        @SuppressWarnings("unchecked")
        static List<String> strings(Object o) {
            return o == null ? List.of() : (List<String>) o;
        }

        static Map<String, Object> child(Map<String, Object> parent, String key) {
            return cast(parent.computeIfAbsent(key, ignored -> new LinkedHashMap<String, Object>()));
        }

        static Map<String, Object> metadata(Map<String, Object> body) {
            return child(body, "metadata");
        }

        static String name(Map<String, Object> body) {
            return (String) metadata(body).get("name");
        }

        /** The containers of a workload's pod template; none for other kinds. */
        static List<Map<String, Object>> containers(Map<String, Object> body) {
            if (body.get("spec") instanceof Map<?, ?> spec && spec.get("template") instanceof Map<?, ?> template
                    && template.get("spec") instanceof Map<?, ?> podSpec) {
                return list(podSpec.get("containers"));
            }
            return List.of();
        }

        /** A deep copy with keys sorted, for comparisons. */
        static Object sorted(Object o) {
            if (o instanceof Map<?, ?> m) {
                Map<String, Object> copy = new TreeMap<>();
                m.forEach((key, value) -> copy.put(String.valueOf(key), sorted(value)));
                return copy;
            }
            if (o instanceof List<?> l) {
                return l.stream().map(Maps::sorted).toList();
            }
            return o;
        }
    }
}
