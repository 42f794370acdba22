package dev.competency.platform.service.messaging.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.competency.contracts.EventCatalog;
import dev.competency.contracts.EventTypes;
import dev.competency.contracts.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Registration against a local HTTP server that plays the registry's Confluent-compatible REST API. */
class ContractSchemaRegistrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SchemaRegistryConfiguration.class))
            .withPropertyValues("platform.schema-registry.retry-delay=20ms",
                    "platform.schema-registry.max-retry-delay=50ms");

    private HttpServer registry;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Statuses to answer with, in order; 200 with a new id once empty. */
    private final Queue<Integer> scriptedStatuses = new ArrayDeque<>();
    private final AtomicInteger nextId = new AtomicInteger(1);

    record Request(String method, String path, String contentType, JsonNode body) {
    }

    @BeforeEach
    void startRegistry() throws IOException {
        registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        registry.createContext("/apis/ccompat/v7/", this::answer);
        registry.start();
    }

    @AfterEach
    void stopRegistry() {
        registry.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    JSON.readTree(exchange.getRequestBody().readAllBytes())));
            Integer status;
            synchronized (scriptedStatuses) {
                status = scriptedStatuses.poll();
            }
            String body = status == null
                    ? "{\"id\":" + nextId.getAndIncrement() + "}"
                    : "{\"error_code\":" + status + "01,\"message\":\"scripted failure " + status + "\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(status == null ? 200 : status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private String url() {
        return "http://127.0.0.1:" + registry.getAddress().getPort() + "/apis/ccompat/v7";
    }

    private void script(Integer... statuses) {
        synchronized (scriptedStatuses) {
            scriptedStatuses.addAll(List.of(statuses));
        }
    }

    @Test
    void registersSchemaOfEveryEventTypeUnderTopicDashType_whenRegistryIsSet() {
        contexts.withPropertyValues("platform.schema-registry.url=" + url(),
                        "platform.schema-registry.topics=" + Topics.LEARNERS + "," + Topics.MASTERY)
                .run(context -> {
                    ContractSchemaRegistration registration = context.getBean(ContractSchemaRegistration.class);
                    await().atMost(WAIT).until(() -> registration.health().getStatus().equals(Status.UP));

                    List<String> expectedSubjects = List.of(
                            "competency.learners.v1-learner.registered", "competency.learners.v1-learner.role-assigned",
                            "competency.learners.v1-learner.team-changed", "competency.learners.v1-learner.erased",
                            "competency.mastery.v1-mastery.changed", "competency.mastery.v1-parent-mastery.changed",
                            "competency.mastery.v1-parent-rollup.ended");
                    assertThat(requests).extracting(Request::path).containsExactlyElementsOf(expectedSubjects.stream()
                            .map(subject -> "/apis/ccompat/v7/subjects/" + subject + "/versions").toList());
                    assertThat(requests).allSatisfy(request -> {
                        assertThat(request.method()).isEqualTo("POST");
                        assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
                        assertThat(request.body().get("schemaType").stringValue()).isEqualTo("JSON");
                    });
                    Request masteryChanged = requests.get(4);
                    assertThat(JSON.readTree(masteryChanged.body().get("schema").stringValue()))
                            .isEqualTo(JSON.readTree(schema(EventTypes.MASTERY_CHANGED)));
                    assertThat(masteryChanged.body().get("schema").stringValue())
                            .isEqualTo(schema(EventTypes.MASTERY_CHANGED));
                    assertThat(subjects(registration.health()))
                            .containsEntry("competency.mastery.v1-mastery.changed", "REGISTERED: id 5");
                });
    }

    @Test
    void retriesWithBackoff_whenTheRegistryAnswers5xx() {
        script(503, 500);
        contexts.withPropertyValues("platform.schema-registry.url=" + url(),
                        "platform.schema-registry.topics=" + Topics.EVIDENCE)
                .run(context -> {
                    ContractSchemaRegistration registration = context.getBean(ContractSchemaRegistration.class);
                    MeterRegistry meters = new SimpleMeterRegistry();
                    context.getBean(MeterBinder.class).bindTo(meters);

                    await().atMost(WAIT).until(() -> registration.health().getStatus().equals(Status.UP));

                    String recorded = "/apis/ccompat/v7/subjects/competency.evidence.v1-evidence.recorded/versions";
                    String voided = "/apis/ccompat/v7/subjects/competency.evidence.v1-evidence.voided/versions";
                    assertThat(requests).extracting(Request::path).containsExactly(recorded, recorded, recorded, voided);
                    assertThat(meters.get("platform.schema.registry.subjects").tag("state", "registered").gauge()
                            .value()).isEqualTo(2.0);
                    assertThat(meters.get("platform.schema.registry.subjects").tag("state", "pending").gauge()
                            .value()).isZero();
                });
    }

    @Test
    void reportsTheRefusalWithoutRetrying_whenTheRegistryFindsTheSchemaIncompatible() {
        script(409);
        contexts.withPropertyValues("platform.schema-registry.url=" + url(),
                        "platform.schema-registry.topics=" + Topics.EVIDENCE)
                .run(context -> {
                    ContractSchemaRegistration registration = context.getBean(ContractSchemaRegistration.class);
                    await().atMost(WAIT).until(() -> !registration.isRunning());

                    assertThat(requests).hasSize(2);
                    Health health = registration.health();
                    assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
                    assertThat(subjects(health))
                            .containsEntry("competency.evidence.v1-evidence.voided", "REGISTERED: id 1");
                    assertThat(subjects(health).get("competency.evidence.v1-evidence.recorded"))
                            .startsWith("FAILED").contains("HTTP 409").contains("scripted failure 409");
                });
    }

    @Test
    void givesUpAndKeepsTheServiceRunning_whenTheRegistryStaysDown() throws IOException {
        registry.stop(0);
        contexts.withPropertyValues("platform.schema-registry.url=" + url(),
                        "platform.schema-registry.topics=" + Topics.FRAMEWORKS,
                        "platform.schema-registry.give-up-after=400ms")
                .run(context -> {
                    ContractSchemaRegistration registration = context.getBean(ContractSchemaRegistration.class);
                    assertThat(context).hasNotFailed();

                    await().atMost(WAIT).until(() -> !registration.isRunning());

                    Health health = registration.health();
                    assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
                    assertThat(subjects(health)).hasSize(EventCatalog.byTopic(Topics.FRAMEWORKS).size())
                            .allSatisfy((subject, state) -> assertThat(state).startsWith("FAILED: gave up after"));
                });
    }

    @Test
    void registersNothing_whenNoRegistryUrlIsSet() {
        contexts.withPropertyValues("platform.schema-registry.topics=" + Topics.EVIDENCE)
                .run(context -> assertThat(context).doesNotHaveBean(ContractSchemaRegistration.class));
        contexts.withPropertyValues("platform.schema-registry.url=", "platform.schema-registry.topics=" + Topics.EVIDENCE)
                .run(context -> assertThat(context).doesNotHaveBean(ContractSchemaRegistration.class));
        assertThat(requests).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> subjects(Health health) {
        return (Map<String, String>) health.getDetails().get("subjects");
    }

    private static String schema(String type) {
        String resource = EventCatalog.byType(type).schemaResource();
        try (InputStream in = ContractSchemaRegistrationTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
