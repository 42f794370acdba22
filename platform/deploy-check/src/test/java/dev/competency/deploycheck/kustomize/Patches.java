package dev.competency.deploycheck.kustomize;

import dev.competency.deploycheck.kustomize.Kustomize.Maps;
import dev.competency.deploycheck.kustomize.Kustomize.Resource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code patches} field: strategic merge patches (maps merged, the lists Kubernetes merges by key merged by that
 * key, other lists replaced, {@code $patch: delete} on a whole object) and JSON 6902 patches (add, replace, remove).
 */
final class Patches {

    /** The lists of the kinds used here that Kubernetes' strategic merge merges by a key, by field name. */
    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name", "initContainers", "name", "env", "name", "volumes", "name",
            "volumeMounts", "mountPath", "ports", "containerPort", "imagePullSecrets", "name");
    private static final Set<String> TARGET_FIELDS = Set.of("kind", "name");

    private Patches() {
    }

    static void apply(Path dir, Map<String, Object> entry, List<Resource> resources) {
        String text;
        try {
            text = entry.containsKey("path") ? Files.readString(dir.resolve((String) entry.get("path")))
                    : (String) entry.get("patch");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Object patch = Maps.parse(text);
        Map<String, Object> target = Maps.map(entry.get("target"));
        for (String field : target.keySet()) {
            if (!TARGET_FIELDS.contains(field)) {
                throw new IllegalArgumentException("patch target field '" + field + "' is not supported");
            }
        }
        if (target.isEmpty()) {
            Map<String, Object> smp = Maps.cast(patch);
            target = Map.of("kind", smp.get("kind"), "name", Maps.name(smp));
        }
        int matched = 0;
        for (Iterator<Resource> it = resources.iterator(); it.hasNext(); ) {
            Resource r = it.next();
            if (!matches(target, r)) {
                continue;
            }
            matched++;
            if (patch instanceof List<?> operations) {
                json6902(r.body(), Maps.list(operations));
            } else if ("delete".equals(Maps.cast(patch).get("$patch"))) {
                it.remove();
            } else {
                Map<String, Object> smp = new LinkedHashMap<>(Maps.cast(patch));
                smp.remove("apiVersion");
                smp.remove("kind");
                Map<String, Object> metadata = new LinkedHashMap<>(Maps.map(smp.remove("metadata")));
                metadata.remove("name");
                if (!metadata.isEmpty()) {
                    smp.put("metadata", metadata);
                }
                merge(r.body(), smp);
            }
        }
        if (matched == 0) {
            throw new IllegalArgumentException("patch target " + target + " matches nothing");
        }
    }

    private static boolean matches(Map<String, Object> target, Resource r) {
        return (!target.containsKey("kind") || target.get("kind").equals(r.kind()))
                && (!target.containsKey("name") || target.get("name").equals(r.originalName()));
    }

    static void merge(Map<String, Object> into, Map<String, Object> patch) {
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            Object current = into.get(e.getKey());
            Object value = e.getValue();
            if (value == null) {
                into.remove(e.getKey());
            } else if (current instanceof Map<?, ?> currentMap && value instanceof Map<?, ?> valueMap) {
                merge(Maps.cast(currentMap), Maps.cast(valueMap));
            } else if (current instanceof List<?> currentList && value instanceof List<?> valueList
                    && MERGE_KEYS.containsKey(e.getKey())) {
                into.put(e.getKey(), mergeList(Maps.list(currentList), Maps.list(valueList), MERGE_KEYS.get(e.getKey())));
            } else {
                into.put(e.getKey(), copy(value));
            }
        }
    }

    private static List<Map<String, Object>> mergeList(List<Map<String, Object>> current,
                                                       List<Map<String, Object>> patch, String key) {
        // Items the patch adds come first, in the patch's order, as kustomize's merge writes them.
        List<Map<String, Object>> added = new ArrayList<>();
        for (Map<String, Object> item : patch) {
            Map<String, Object> existing = current.stream()
                    .filter(candidate -> String.valueOf(candidate.get(key)).equals(String.valueOf(item.get(key))))
                    .findFirst().orElse(null);
            if (existing == null) {
                added.add(Maps.cast(copy(item)));
            } else {
                merge(existing, item);
            }
        }
        List<Map<String, Object>> result = new ArrayList<>(added);
        result.addAll(current);
        return result;
    }

    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), copy(v)));
            return copy;
        }
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(v -> copy.add(copy(v)));
            return copy;
        }
        return value;
    }

    private static void json6902(Map<String, Object> body, List<Map<String, Object>> operations) {
        for (Map<String, Object> op : operations) {
            String[] path = ((String) op.get("path")).substring(1).split("/");
            Object parent = body;
            for (int i = 0; i < path.length - 1; i++) {
                parent = step(parent, unescape(path[i]));
            }
            String last = unescape(path[path.length - 1]);
            String kind = (String) op.get("op");
            Map<String, Object> map = Maps.cast(parent);
            switch (kind) {
                case "add", "replace" -> {
                    if ("replace".equals(kind) && !map.containsKey(last)) {
                        throw new IllegalArgumentException("replace of missing " + op.get("path"));
                    }
                    map.put(last, copy(op.get("value")));
                }
                case "remove" -> map.remove(last);
                default -> throw new IllegalArgumentException("JSON patch op " + kind + " is not supported");
            }
        }
    }

    private static Object step(Object node, String segment) {
        if (node instanceof List<?> list) {
            return list.get(Integer.parseInt(segment));
        }
        Object next = Maps.cast(node).get(segment);
        if (next == null) {
            throw new IllegalArgumentException("No field " + segment);
        }
        return next;
    }

    private static String unescape(String segment) {
        return segment.replace("~1", "/").replace("~0", "~");
    }
}
