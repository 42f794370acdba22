package dev.competency.deploycheck.kustomize;

import dev.competency.deploycheck.kustomize.Kustomize.Maps;
import dev.competency.deploycheck.kustomize.Kustomize.Resource;
import java.util.List;
import java.util.Map;

/** The {@code replacements} field: a value copied from one resource's field into fields of others. */
final class Replacements {

    private Replacements() {
    }

    static void apply(Map<String, Object> replacement, List<Resource> resources) {
        Map<String, Object> source = Maps.map(replacement.get("source"));
        Object value = get(select(source, resources).body(), (String) source.get("fieldPath"));
        for (Map<String, Object> target : Maps.list(replacement.get("targets"))) {
            Resource r = select(Maps.map(target.get("select")), resources);
            for (String fieldPath : Maps.strings(target.get("fieldPaths"))) {
                set(r.body(), fieldPath, value);
            }
        }
    }

    private static Resource select(Map<String, Object> selector, List<Resource> resources) {
        List<Resource> found = resources.stream()
                .filter(r -> r.kind().equals(selector.get("kind")) && r.originalName().equals(selector.get("name")))
                .toList();
        if (found.size() != 1) {
            throw new IllegalArgumentException("replacement selects " + found.size() + " resources: " + selector);
        }
        return found.get(0);
    }

    private static Object get(Map<String, Object> body, String fieldPath) {
        Object node = body;
        for (String segment : fieldPath.split("\\.")) {
            node = node instanceof List<?> list ? list.get(Integer.parseInt(segment)) : Maps.cast(node).get(segment);
            if (node == null) {
                throw new IllegalArgumentException("No field " + fieldPath);
            }
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static void set(Map<String, Object> body, String fieldPath, Object value) {
        String[] segments = fieldPath.split("\\.");
        Object node = body;
        for (int i = 0; i < segments.length - 1; i++) {
            String segment = segments[i];
            node = node instanceof List<?> list ? list.get(Integer.parseInt(segment)) : Maps.cast(node).get(segment);
            if (node == null) {
                throw new IllegalArgumentException("No field " + fieldPath);
            }
        }
        String last = segments[segments.length - 1];
        if (node instanceof List<?> list) {
            ((List<Object>) list).set(Integer.parseInt(last), value);
        } else {
            Maps.cast(node).put(last, value);
        }
    }
}
