package dev.competency.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The rendered manifests against each other and against what the applications read and expose. */
class CrossReferenceTest {

    /**
     * Secrets the manifests use but do not create, each documented in k8s/README.md. The KafkaUsers' Secrets are
     * created by Strimzi's User Operator and are recognised by the KafkaUser of the same name.
     */
    private static final Set<String> EXTERNAL_SECRETS = Set.of("mongodb-credentials", "gateway-oidc",
            "kafka-cluster-ca");

    private static final Pattern VARIABLE_REFERENCE = Pattern.compile("\\$\\(([A-Z_][A-Z0-9_]*)\\)");

    static Stream<String> targets() {
        return Repository.TARGETS.keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("targets")
    void selectsExistingPodsAndTargetsExistingObjects(String target) {
        Rendered r = new Rendered(Repository.rendered(target));
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> d : r.all("Deployment")) {
            if (!matches(map(path(d, "spec", "selector", "matchLabels")), r.podLabels(Rendered.name(d)))) {
                problems.add("Deployment " + Rendered.name(d) + ": selector does not match its own pods");
            }
        }
        for (Map<String, Object> s : r.all("Service")) {
            requirePods(r, "Service " + Rendered.name(s), map(path(s, "spec", "selector")), problems);
            for (Object port : list(path(s, "spec", "ports"))) {
                Object targetPort = map(port).get("targetPort");
                r.pods(map(path(s, "spec", "selector"))).forEach(pod -> {
                    if (!r.containerPorts(pod).contains(String.valueOf(targetPort))) {
                        problems.add("Service " + Rendered.name(s) + ": no port " + targetPort + " on " + pod);
                    }
                });
            }
        }
        for (Map<String, Object> p : r.all("PodDisruptionBudget")) {
            requirePods(r, "PDB " + Rendered.name(p), map(path(p, "spec", "selector", "matchLabels")), problems);
        }
        for (Map<String, Object> n : r.all("NetworkPolicy")) {
            Map<String, Object> selector = map(path(n, "spec", "podSelector", "matchLabels"));
            if (!selector.isEmpty()) {
                requirePods(r, "NetworkPolicy " + Rendered.name(n), selector, problems);
            }
        }
        for (Map<String, Object> m : r.all("PodMonitor")) {
            Map<String, Object> selector = map(path(m, "spec", "selector", "matchLabels"));
            requirePods(r, "PodMonitor " + Rendered.name(m), selector, problems);
            for (Object endpoint : list(path(m, "spec", "podMetricsEndpoints"))) {
                String port = (String) map(endpoint).get("port");
                r.pods(selector).forEach(pod -> {
                    if (!r.containerPorts(pod).contains(port)) {
                        problems.add("PodMonitor " + Rendered.name(m) + ": no port " + port + " on " + pod);
                    }
                });
            }
        }
        for (String kind : List.of("HorizontalPodAutoscaler", "ScaledObject")) {
            for (Map<String, Object> h : r.all(kind)) {
                String name = (String) map(path(h, "spec", "scaleTargetRef")).get("name");
                if (r.find("Deployment", name) == null) {
                    problems.add(kind + " " + Rendered.name(h) + ": no Deployment " + name);
                }
            }
        }
        for (Map<String, Object> i : r.all("Ingress")) {
            for (Object rule : list(path(i, "spec", "rules"))) {
                for (Object p : list(path(rule, "http", "paths"))) {
                    Map<String, Object> service = map(path(p, "backend", "service"));
                    Map<String, Object> s = r.find("Service", (String) service.get("name"));
                    String port = (String) map(service.get("port")).get("name");
                    if (s == null || list(path(s, "spec", "ports")).stream().noneMatch(x -> port.equals(map(x).get("name")))) {
                        problems.add("Ingress " + Rendered.name(i) + ": no Service port " + service);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * Each service's KafkaUser grants what the service does with topics, and nothing more: write and read on the topics
     * it publishes and reads (its {@code platform.schema-registry.topics} and {@code platform.topics.consumes}), write
     * on the dead-letter topics of those it reads, and on each the describing its start-up topic check needs.
     */
    @ParameterizedTest
    @MethodSource("targets")
    void grantsEachServiceExactlyTheTopicsItUses_whenKafkaUsersAreRendered(String target) {
        Rendered r = new Rendered(Repository.rendered(target));
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> user : r.all("KafkaUser")) {
            String app = (String) map(path(user, "metadata", "labels")).get("app.kubernetes.io/name");
            Map<String, Set<String>> expected = new TreeMap<>();
            for (String topic : Applications.listProperty(app, "platform.schema-registry.topics")) {
                expected.put(topic, new TreeSet<>(List.of("Write", "Describe", "DescribeConfigs")));
            }
            for (String topic : Applications.listProperty(app, "platform.topics.consumes")) {
                expected.put(topic, new TreeSet<>(List.of("Read", "Describe", "DescribeConfigs")));
                expected.put(topic + ".dlq", new TreeSet<>(List.of("Write", "Describe", "DescribeConfigs")));
            }
            Map<String, Set<String>> granted = new TreeMap<>();
            for (Object acl : list(path(user, "spec", "authorization", "acls"))) {
                if ("topic".equals(path(acl, "resource", "type"))) {
                    Set<String> operations = new TreeSet<>();
                    list(map(acl).get("operations")).forEach(o -> operations.add((String) o));
                    granted.put((String) path(acl, "resource", "name"), operations);
                }
            }
            if (!granted.keySet().equals(expected.keySet())) {
                problems.add(Rendered.name(user) + " grants topics " + granted.keySet() + ", " + app + " uses "
                        + expected.keySet());
            }
            expected.forEach((topic, operations) -> {
                if (granted.containsKey(topic) && !granted.get(topic).containsAll(operations)) {
                    problems.add(Rendered.name(user) + " on " + topic + ": " + granted.get(topic) + " lacks some of "
                            + operations);
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("targets")
    void refersOnlyToConfigMapsThatExistAndSecretsThatExistOrAreDocumented(String target) {
        Rendered r = new Rendered(Repository.rendered(target));
        Set<String> kafkaUsers = new HashSet<>(r.all("KafkaUser").stream().map(Rendered::name).toList());
        String readme = Repository.read(Repository.K8S.resolve("README.md"));
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> d : r.all("Deployment")) {
            Map<String, Object> podSpec = map(path(d, "spec", "template", "spec"));
            List<String> configMaps = new ArrayList<>();
            List<String> secrets = new ArrayList<>();
            for (Object v : list(podSpec.get("volumes"))) {
                if (map(v).get("configMap") != null) {
                    configMaps.add((String) map(map(v).get("configMap")).get("name"));
                }
                if (map(v).get("secret") != null) {
                    secrets.add((String) map(map(v).get("secret")).get("secretName"));
                }
            }
            for (Object c : list(podSpec.get("containers"))) {
                for (Object from : list(map(c).get("envFrom"))) {
                    configMaps.add((String) map(map(from).get("configMapRef")).get("name"));
                }
                for (Object env : list(map(c).get("env"))) {
                    Map<String, Object> from = map(map(env).get("valueFrom"));
                    if (from.get("secretKeyRef") != null) {
                        secrets.add((String) map(from.get("secretKeyRef")).get("name"));
                    }
                    if (from.get("configMapKeyRef") != null) {
                        configMaps.add((String) map(from.get("configMapKeyRef")).get("name"));
                    }
                }
            }
            configMaps.stream().filter(name -> r.find("ConfigMap", name) == null)
                    .forEach(name -> problems.add(Rendered.name(d) + ": no ConfigMap " + name));
            for (String secret : secrets) {
                boolean documented = EXTERNAL_SECRETS.contains(secret) && readme.contains("`" + secret + "`");
                if (r.find("Secret", secret) == null && !kafkaUsers.contains(secret) && !documented) {
                    problems.add(Rendered.name(d) + ": Secret " + secret + " is neither created nor documented");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("targets")
    void probesAskForHealthGroupsTheApplicationsExposeOnTheirManagementPort(String target) {
        Rendered r = new Rendered(Repository.rendered(target));
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> d : r.all("Deployment")) {
            String app = Rendered.name(d);
            Map<String, Object> container = r.container(app);
            Map<String, String> env = r.environment(container);
            Set<String> groups = healthGroups(app);
            String managementPort = env.getOrDefault("MANAGEMENT_SERVER_PORT", env.get("SERVER_PORT"));
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                Map<String, Object> get = map(path(container, probe, "httpGet"));
                String path = (String) get.get("path");
                String group = path == null ? null : path.substring(path.lastIndexOf('/') + 1);
                if (path == null || !path.equals("/actuator/health/" + group) || !groups.contains(group)) {
                    problems.add(app + " " + probe + ": " + path + " is none of the groups " + groups);
                }
                String portNumber = r.containerPortNumber(container, String.valueOf(get.get("port")));
                if (!Objects.equals(portNumber, managementPort)) {
                    problems.add(app + " " + probe + ": port " + get.get("port") + " is not the actuator's port "
                            + managementPort);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("targets")
    void setsOnlyEnvironmentVariablesTheApplicationsReadInEveryTarget(String target) {
        Rendered r = new Rendered(Repository.rendered(target));
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> d : r.all("Deployment")) {
            String app = Rendered.name(d);
            Map<String, Object> container = r.container(app);
            Map<String, String> env = r.environment(container);
            Set<String> referenced = new HashSet<>();
            env.values().forEach(value -> {
                Matcher m = VARIABLE_REFERENCE.matcher(String.valueOf(value));
                while (m.find()) {
                    referenced.add(m.group(1));
                }
            });
            for (String variable : env.keySet()) {
                if (!referenced.contains(variable) && !Applications.reads(app, variable)) {
                    problems.add(app + " does not read " + variable);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("targets")
    void runsOnlyImagesTheBuildProducesInEveryTarget(String target) {
        for (Map<String, Object> d : new Rendered(Repository.rendered(target)).all("Deployment")) {
            String app = Rendered.name(d);
            String image = (String) new Rendered(Repository.rendered(target)).container(app).get("image");
            assertThat(image).as(app).matches(Pattern.quote(Applications.IMAGE_PREFIX + Applications.artifactId(app))
                    + ":[\\w.-]+");
        }
    }

    @Test
    void countsAVariableAsRead_whenSpringBootWouldBindItForThatApplication() {
        assertThat(Applications.reads("frameworks", "CASE_BASE_URI")).as("placeholder").isTrue();
        assertThat(Applications.reads("frameworks", "SPRING_KAFKA_SECURITY_PROTOCOL")).as("Boot property").isTrue();
        assertThat(Applications.reads("frameworks", "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")).as("map").isTrue();
        assertThat(Applications.reads("frameworks", "XAPI_LRS_HOME_PAGE")).as("another service's").isFalse();
        assertThat(Applications.reads("gateway", "SPRING_KAFKA_SECUIRTY_PROTOCOL")).as("misspelt").isFalse();
    }

    /** The health groups an application exposes: liveness and readiness with probes on, plus its own groups. */
    private static Set<String> healthGroups(String app) {
        Set<String> groups = new HashSet<>();
        for (var file : Applications.configurationFiles(app)) {
            for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Repository.read(file))) {
                Map<String, Object> health = map(path(doc, "management", "endpoint", "health"));
                if (Boolean.TRUE.equals(map(health.get("probes")).get("enabled"))) {
                    groups.add("liveness");
                    groups.add("readiness");
                }
                groups.addAll(map(health.get("group")).keySet());
            }
        }
        return groups;
    }

    private static void requirePods(Rendered r, String what, Map<String, Object> selector, List<String> problems) {
        if (r.pods(selector).isEmpty()) {
            problems.add(what + ": selector " + selector + " matches no pod");
        }
    }

    static boolean matches(Map<String, Object> selector, Map<String, Object> labels) {
        return !selector.isEmpty() && selector.entrySet().stream()
                .allMatch(e -> Objects.equals(String.valueOf(e.getValue()), String.valueOf(labels.get(e.getKey()))));
    }

    static Object path(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }
}
