package dev.competency.deploycheck.kustomize;

import dev.competency.deploycheck.kustomize.Kustomize.Maps;
import dev.competency.deploycheck.kustomize.Kustomize.Resource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** configMapGenerator, the name suffix hash and the references to generated names. */
final class ConfigMaps {

    private ConfigMaps() {
    }

    static void generate(Path dir, Map<String, Object> generator, List<Resource> resources) {
        String name = (String) generator.get("name");
        Map<String, Object> data = new LinkedHashMap<>();
        for (String literal : Maps.strings(generator.get("literals"))) {
            int eq = literal.indexOf('=');
            data.put(literal.substring(0, eq), literal.substring(eq + 1));
        }
        for (String file : Maps.strings(generator.get("files"))) {
            int eq = file.indexOf('=');
            String key = eq < 0 ? Path.of(file).getFileName().toString() : file.substring(0, eq);
            Path path = dir.resolve(eq < 0 ? file : file.substring(eq + 1)).normalize();
            if (!path.startsWith(dir.normalize())) {
                throw new IllegalArgumentException(path + " is outside " + dir + " (kustomize's load restriction)");
            }
            try {
                data.put(key, Files.readString(path));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, Object> options = Maps.map(generator.get("options"));
        String behavior = (String) generator.getOrDefault("behavior", "create");
        if ("merge".equals(behavior)) {
            Resource existing = resources.stream()
                    .filter(r -> "ConfigMap".equals(r.kind()) && r.originalName().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No ConfigMap " + name + " to merge into"));
            Maps.child(existing.body(), "data").putAll(data);
            Maps.child(Maps.metadata(existing.body()), "labels").putAll(Maps.map(options.get("labels")));
            return;
        }
        if (!"create".equals(behavior)) {
            throw new IllegalArgumentException("configMapGenerator behavior " + behavior + " is not supported");
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        if (options.containsKey("labels")) {
            metadata.put("labels", new LinkedHashMap<>(Maps.map(options.get("labels"))));
        }
        if (options.containsKey("annotations")) {
            metadata.put("annotations", new LinkedHashMap<>(Maps.map(options.get("annotations"))));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("apiVersion", "v1");
        body.put("kind", "ConfigMap");
        body.put("metadata", metadata);
        body.put("data", data);
        resources.add(new Resource(body, name, !Boolean.TRUE.equals(options.get("disableNameSuffixHash"))));
    }

    /** Appends kustomize's content hash to generated names and rewrites the references to them. */
    static void appendHashes(List<Resource> resources) {
        Map<String, String> renamed = new LinkedHashMap<>();
        for (Resource r : resources) {
            if (r.hashSuffix()) {
                String hashed = r.originalName() + "-" + hash(Maps.map(r.body().get("data")));
                Maps.metadata(r.body()).put("name", hashed);
                renamed.put(r.originalName(), hashed);
            }
        }
        for (Resource r : resources) {
            if (r.body().get("spec") instanceof Map<?, ?> spec && spec.get("template") instanceof Map<?, ?> template
                    && template.get("spec") instanceof Map<?, ?> podSpec) {
                rename(Maps.cast(podSpec), renamed);
            }
        }
    }

    private static void rename(Map<String, Object> podSpec, Map<String, String> renamed) {
        for (Map<String, Object> volume : Maps.list(podSpec.get("volumes"))) {
            if (volume.get("configMap") instanceof Map<?, ?> ref) {
                renameRef(Maps.cast(ref), renamed);
            }
        }
        for (Map<String, Object> container : Maps.list(podSpec.get("containers"))) {
            for (Map<String, Object> from : Maps.list(container.get("envFrom"))) {
                if (from.get("configMapRef") instanceof Map<?, ?> ref) {
                    renameRef(Maps.cast(ref), renamed);
                }
            }
            for (Map<String, Object> env : Maps.list(container.get("env"))) {
                if (env.get("valueFrom") instanceof Map<?, ?> from && from.get("configMapKeyRef") instanceof Map<?, ?> ref) {
                    renameRef(Maps.cast(ref), renamed);
                }
            }
        }
    }

    private static void renameRef(Map<String, Object> ref, Map<String, String> renamed) {
        String name = (String) ref.get("name");
        if (renamed.containsKey(name)) {
            ref.put("name", renamed.get(name));
        }
    }

    /**
     * kustomize's hash of a ConfigMap: the SHA-256 of the JSON of kind, name and data as Go's encoding/json writes
     * it (keys sorted, &lt; &gt; &amp; escaped), of which the first ten hex digits are kept with 0, 1, 3, a and e
     * replaced by letters. kustomize looks the name up under a path it never finds, so the name is always empty.
     */
    static String hash(Map<String, Object> data) {
        Map<String, Object> sortedData = new TreeMap<>(data);
        StringBuilder json = new StringBuilder("{\"data\":{");
        boolean first = true;
        for (Map.Entry<String, Object> entry : sortedData.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            goString(json, entry.getKey());
            json.append(':');
            goString(json, String.valueOf(entry.getValue()));
        }
        json.append("},\"kind\":\"ConfigMap\",\"name\":\"\"}");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.toString().getBytes(StandardCharsets.UTF_8));
            char[] hex = HexFormat.of().formatHex(digest).substring(0, 10).toCharArray();
            for (int i = 0; i < hex.length; i++) {
                hex[i] = switch (hex[i]) {
                    case '0' -> 'g';
                    case '1' -> 'h';
                    case '3' -> 'k';
                    case 'a' -> 'm';
                    case 'e' -> 't';
                    default -> hex[i];
                };
            }
            return new String(hex);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void goString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
