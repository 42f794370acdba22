package dev.competency.deploycheck;

import static dev.competency.deploycheck.CrossReferenceTest.list;
import static dev.competency.deploycheck.CrossReferenceTest.map;
import static dev.competency.deploycheck.CrossReferenceTest.path;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Look-ups over one rendered kustomization. */
record Rendered(List<Map<String, Object>> objects) {

    static String name(Map<String, Object> object) {
        return (String) map(object.get("metadata")).get("name");
    }

    List<Map<String, Object>> all(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    Map<String, Object> find(String kind, String name) {
        return all(kind).stream().filter(o -> name.equals(name(o))).findFirst().orElse(null);
    }

    Map<String, Object> podLabels(String deployment) {
        return map(path(find("Deployment", deployment), "spec", "template", "metadata", "labels"));
    }

    /** The Deployments whose pods carry every label of the selector. */
    List<String> pods(Map<String, Object> selector) {
        return all("Deployment").stream().map(Rendered::name)
                .filter(d -> CrossReferenceTest.matches(selector, podLabels(d))).toList();
    }

    Map<String, Object> container(String deployment) {
        return map(list(path(find("Deployment", deployment), "spec", "template", "spec", "containers")).get(0));
    }

    /** Names and numbers of the ports of the Deployment's container. */
    Set<String> containerPorts(String deployment) {
        return list(container(deployment).get("ports")).stream()
                .flatMap(p -> java.util.stream.Stream.of(String.valueOf(map(p).get("name")),
                        String.valueOf(map(p).get("containerPort"))))
                .collect(Collectors.toSet());
    }

    String containerPortNumber(Map<String, Object> container, String nameOrNumber) {
        return list(container.get("ports")).stream().map(CrossReferenceTest::map)
                .filter(p -> nameOrNumber.equals(String.valueOf(p.get("name")))
                        || nameOrNumber.equals(String.valueOf(p.get("containerPort"))))
                .map(p -> String.valueOf(p.get("containerPort"))).findFirst().orElse(null);
    }

    /** The container's environment: envFrom ConfigMaps first, then env (values of secrets as null). */
    Map<String, String> environment(Map<String, Object> container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Object from : list(container.get("envFrom"))) {
            Map<String, Object> configMap = find("ConfigMap", (String) map(map(from).get("configMapRef")).get("name"));
            map(configMap == null ? null : configMap.get("data")).forEach((k, v) -> env.put(k, String.valueOf(v)));
        }
        for (Object e : list(container.get("env"))) {
            Object value = map(e).get("value");
            env.put((String) map(e).get("name"), value == null ? null : String.valueOf(value));
        }
        return env;
    }
}
