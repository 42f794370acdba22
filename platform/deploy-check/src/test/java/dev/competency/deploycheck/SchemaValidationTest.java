package dev.competency.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every rendered object against the schema of its API: Kubernetes' own kinds with the official Java client's models
 * of Kubernetes 1.32 (unknown fields and missing required fields rejected), the Strimzi, prometheus-operator and KEDA
 * resources with their CRDs' schemas (src/test/resources/schemas, with their sources). docker-compose.yml against the
 * Compose Specification's schema.
 */
class SchemaValidationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    /** Custom resources with a schema in src/test/resources/schemas, by apiVersion and kind. */
    private static final Map<String, String> CRD_SCHEMAS = Map.of(
            "kafka.strimzi.io/v1beta2 KafkaTopic", "kafka.strimzi.io_KafkaTopic.json",
            "kafka.strimzi.io/v1beta2 KafkaUser", "kafka.strimzi.io_KafkaUser.json",
            "monitoring.coreos.com/v1 PrometheusRule", "monitoring.coreos.com_PrometheusRule.json",
            "monitoring.coreos.com/v1 PodMonitor", "monitoring.coreos.com_PodMonitor.json",
            "keda.sh/v1alpha1 ScaledObject", "keda.sh_ScaledObject.json");

    static Stream<String> targets() {
        return Repository.TARGETS.keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("targets")
    void validatesEveryObjectAgainstTheSchemaOfItsApi(String target) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> object : Repository.rendered(target)) {
            String id = object.get("apiVersion") + " " + object.get("kind");
            String where = id + " " + ((Map<?, ?>) object.get("metadata")).get("name") + ": ";
            if (CRD_SCHEMAS.containsKey(id)) {
                crdErrors(object).forEach(error -> problems.add(where + error));
            } else {
                String problem = kubernetesProblem(object);
                if (problem != null) {
                    problems.add(where + problem);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void findsAProblem_whenAManifestHasAnUnknownFieldOrLacksARequiredOne() {
        Map<String, Object> service = new LinkedHashMap<>(Map.of("apiVersion", "v1", "kind", "Service",
                "metadata", Map.of("name", "x"), "spec", Map.of("selectr", Map.of("a", "b"))));
        assertThat(kubernetesProblem(service)).contains("selectr");

        Map<String, Object> deployment = new LinkedHashMap<>(Map.of("apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", Map.of("name", "x"), "spec", Map.of("template", Map.of())));
        assertThat(kubernetesProblem(deployment)).contains("selector");

        Map<String, Object> topic = Map.of("apiVersion", "kafka.strimzi.io/v1beta2", "kind", "KafkaTopic",
                "metadata", Map.of("name", "t"), "spec", Map.of("partitions", 0, "replica", 3));
        assertThat(crdErrors(topic)).anyMatch(e -> e.contains("replica")).anyMatch(e -> e.contains("minimum"));

        assertThatThrownBy(() -> kubernetesProblem(Map.of("apiVersion", "v1", "kind", "Nonsense")))
                .hasMessageContaining("V1Nonsense");
    }

    @Test
    void refusesPodMonitor_whenAnEndpointHasAnUnknownFieldOrAWrongType() {
        Map<String, Object> endpoint = Map.of("port", "http", "path", "/actuator/prometheus", "intervall", "15s",
                "portNumber", "8080");
        Map<String, Object> podMonitor = Map.of("apiVersion", "monitoring.coreos.com/v1", "kind", "PodMonitor",
                "metadata", Map.of("name", "m"), "spec", Map.of("selector", Map.of("matchLabels", Map.of("a", "b")),
                        "podMetricsEndpoints", List.of(endpoint)));

        assertThat(crdErrors(podMonitor)).hasSize(2)
                .anyMatch(e -> e.startsWith("/spec/podMetricsEndpoints/0: ") && e.contains("intervall"))
                .anyMatch(e -> e.startsWith("/spec/podMetricsEndpoints/0/portNumber: ") && e.contains("integer"));
    }

    @Test
    void refusesScaledObject_whenATriggerHasAnUnknownFieldOrAReplicaCountIsNotAnInteger() {
        Map<String, Object> trigger = Map.of("type", "cpu", "metricTyp", "Utilization", "metadata",
                Map.of("value", "70"));
        Map<String, Object> scaledObject = Map.of("apiVersion", "keda.sh/v1alpha1", "kind", "ScaledObject",
                "metadata", Map.of("name", "s"), "spec", Map.of("scaleTargetRef", Map.of("name", "analytics"),
                        "maxReplicaCount", "6", "triggers", List.of(trigger)));

        assertThat(crdErrors(scaledObject)).hasSize(2)
                .anyMatch(e -> e.startsWith("/spec/triggers/0: ") && e.contains("metricTyp"))
                .anyMatch(e -> e.startsWith("/spec/maxReplicaCount: ") && e.contains("integer"));
    }

    @Test
    void findsNoError_whenDockerComposeIsValidatedAgainstTheComposeSpecification() {
        Object compose = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Repository.read(Repository.ROOT.resolve("docker-compose.yml")));

        List<Error> errors = composeSchema().validate(JSON.valueToTree(compose));

        assertThat(errors).isEmpty();
        assertThat(composeSchema().validate(JSON.valueToTree(Map.of("services", Map.of("x", Map.of("imagee", "y"))))))
                .as("an unknown service field is an error").isNotEmpty();
    }

    /** The problem the Kubernetes 1.32 model of the object's kind finds, or null. */
    static String kubernetesProblem(Map<String, Object> object) {
        String apiVersion = (String) object.get("apiVersion");
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        String className = "io.kubernetes.client.openapi.models." + Character.toUpperCase(version.charAt(0))
                + version.substring(1) + object.get("kind");
        try {
            Method validate = Class.forName(className).getMethod("validateJsonElement", com.google.gson.JsonElement.class);
            validate.invoke(null, JsonParser.parseString(JSON.writeValueAsString(object)));
            return null;
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalArgumentException("No Kubernetes 1.32 model " + className + " for " + apiVersion, e);
        } catch (InvocationTargetException e) {
            return e.getCause().getMessage();
        }
    }

    /** What the schema of the custom resource's apiVersion and kind finds, as "instance location: message". */
    private static List<String> crdErrors(Map<String, Object> object) {
        String file = CRD_SCHEMAS.get(object.get("apiVersion") + " " + object.get("kind"));
        return SCHEMAS.getSchema(resource("/schemas/" + file)).validate(JSON.valueToTree(object)).stream()
                .map(Error::toString).toList();
    }

    /**
     * The schema declares draft 2019-09 but still names its subschemas with draft 4's {@code id}, which 2019-09 does
     * not know; those names are never referenced, so they are dropped.
     */
    private static Schema composeSchema() {
        JsonNode schema = resource("/schemas/compose-spec.json");
        dropIds(schema);
        return SCHEMAS.getSchema(schema);
    }

    private static void dropIds(JsonNode node) {
        if (node instanceof tools.jackson.databind.node.ObjectNode object) {
            if (object.path("id").isString()) {
                object.remove("id");
            }
            object.values().forEach(SchemaValidationTest::dropIds);
        } else if (node.isArray()) {
            node.values().forEach(SchemaValidationTest::dropIds);
        }
    }

    private static JsonNode resource(String name) {
        try (InputStream in = SchemaValidationTest.class.getResourceAsStream(name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
