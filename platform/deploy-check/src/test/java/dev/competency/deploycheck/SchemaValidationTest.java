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
import java.util.Set;
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
 * of Kubernetes 1.32 (unknown fields and missing required fields rejected), the Strimzi and prometheus-operator
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
            "monitoring.coreos.com/v1 PrometheusRule", "monitoring.coreos.com_PrometheusRule.json");

    /** Custom resources without a schema here; CrossReferenceTest checks their references. */
    private static final Set<String> UNVALIDATED = Set.of("monitoring.coreos.com/v1 PodMonitor",
            "keda.sh/v1alpha1 ScaledObject");

    static Stream<String> targets() {
        return Repository.TARGETS.keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("targets")
    void validatesEveryObject_againstTheSchemaOfItsApi(String target) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> object : Repository.rendered(target)) {
            String id = object.get("apiVersion") + " " + object.get("kind");
            String where = id + " " + ((Map<?, ?>) object.get("metadata")).get("name") + ": ";
            if (CRD_SCHEMAS.containsKey(id)) {
                crdSchema(CRD_SCHEMAS.get(id)).validate(JSON.valueToTree(object))
                        .forEach(error -> problems.add(where + error));
            } else if (!UNVALIDATED.contains(id)) {
                String problem = kubernetesProblem(object);
                if (problem != null) {
                    problems.add(where + problem);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void rejectsUnknownFields_andMissingRequiredOnes() {
        Map<String, Object> service = new LinkedHashMap<>(Map.of("apiVersion", "v1", "kind", "Service",
                "metadata", Map.of("name", "x"), "spec", Map.of("selectr", Map.of("a", "b"))));
        assertThat(kubernetesProblem(service)).contains("selectr");

        Map<String, Object> deployment = new LinkedHashMap<>(Map.of("apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", Map.of("name", "x"), "spec", Map.of("template", Map.of())));
        assertThat(kubernetesProblem(deployment)).contains("selector");

        Map<String, Object> topic = Map.of("apiVersion", "kafka.strimzi.io/v1beta2", "kind", "KafkaTopic",
                "metadata", Map.of("name", "t"), "spec", Map.of("partitions", 0, "replica", 3));
        assertThat(crdSchema(CRD_SCHEMAS.get("kafka.strimzi.io/v1beta2 KafkaTopic")).validate(JSON.valueToTree(topic)))
                .extracting(Error::toString).anyMatch(e -> e.contains("replica")).anyMatch(e -> e.contains("minimum"));

        assertThatThrownBy(() -> kubernetesProblem(Map.of("apiVersion", "v1", "kind", "Nonsense")))
                .hasMessageContaining("V1Nonsense");
    }

    @Test
    void validatesDockerCompose_againstTheComposeSpecification() {
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

    private static Schema crdSchema(String file) {
        return SCHEMAS.getSchema(resource("/schemas/" + file));
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
