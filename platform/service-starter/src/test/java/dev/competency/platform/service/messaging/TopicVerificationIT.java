package dev.competency.platform.service.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.competency.platform.service.StarterTestApplication;
import dev.competency.platform.test.RunningService;
import dev.competency.platform.test.TestInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TopicVerificationIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Map<String, String> KEEP_ALL = Map.of("retention.ms", "-1", "cleanup.policy", "delete");

    private static Admin admin;
    private final String prefix = "verify-" + UUID.randomUUID() + ".";

    @BeforeAll
    static void connect() {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.endpoints().kafkaBootstrapServers()));
    }

    @AfterAll
    static void disconnect() {
        admin.close();
    }

    @Test
    void findsNoProblem_whenTopicsAreAsDeclared() throws Exception {
        NewTopic events = new NewTopic(prefix + "events", 3, (short) 1).configs(KEEP_ALL);
        admin.createTopics(List.of(events)).all().get();
        awaitListed(events.name());

        TopicVerification verification = new TopicVerification(admin, List.of(events), TIMEOUT);

        assertThat(verification.problems()).isEmpty();
        verification.afterSingletonsInstantiated();
    }

    @Test
    void namesEveryProblem_whenTopicsAreMissingOrMisconfigured() throws Exception {
        admin.createTopics(List.of(
                new NewTopic(prefix + "fewer-partitions", 2, (short) 1).configs(KEEP_ALL),
                new NewTopic(prefix + "short-retention", 1, (short) 1).configs(Map.of("retention.ms", "604800000")),
                new NewTopic(prefix + "too-few-replicas", 1, (short) 1).configs(Map.of("min.insync.replicas", "2"))))
                .all().get();
        awaitListed(prefix + "fewer-partitions", prefix + "short-retention", prefix + "too-few-replicas");
        List<NewTopic> required = List.of(
                new NewTopic(prefix + "missing", 1, (short) 1),
                new NewTopic(prefix + "fewer-partitions", 6, (short) 1).configs(KEEP_ALL),
                new NewTopic(prefix + "short-retention", 1, (short) 1).configs(KEEP_ALL),
                new NewTopic(prefix + "too-few-replicas", 1, (short) 1));

        TopicVerification verification = new TopicVerification(admin, required, TIMEOUT);

        assertThat(verification.problems()).containsExactly(
                prefix + "missing does not exist",
                prefix + "fewer-partitions has 2 partitions, not 6 (records of one key must keep their partition)",
                prefix + "short-retention has retention.ms 604800000, not -1",
                prefix + "too-few-replicas has min.insync.replicas 2 but 1 replicas: every write with acks=all would fail");
        assertThatThrownBy(verification::afterSingletonsInstantiated)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing or misconfigured, so it does not start")
                .hasMessageContaining(prefix + "missing does not exist");
    }

    @Test
    void startsAndVerifies_whenTopicsAreManagedOutsideAndMatchTheContract() {
        // A service that may create topics brings them in line with the contract first, as on a development machine.
        try (RunningService creator = RunningService.start(StarterTestApplication.class, "starter-topics-it",
                "spring.application.name=starter-test")) {
            assertThat(creator.context().getBeansOfType(TopicVerification.class)).isEmpty();
        }
        try (RunningService verifier = RunningService.start(StarterTestApplication.class, "starter-topics-it",
                "spring.application.name=starter-test", "spring.kafka.admin.auto-create=false",
                "platform.schema-registry.topics=competency.evidence.v1",
                "platform.topics.consumes=competency.frameworks.v1,competency.learners.v1")) {
            TopicVerification verification = verifier.bean(TopicVerification.class);
            assertThat(verification.problems()).isEmpty();
            assertThat(verification.topics()).containsExactlyInAnyOrder("competency.frameworks.v1",
                    "competency.frameworks.v1.dlq", "competency.evidence.v1", "competency.learners.v1",
                    "competency.learners.v1.dlq");
        }
    }

    /** A topic just created is described by every broker only once the cluster's metadata has caught up. */
    private static void awaitListed(String... topics) {
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.describeTopics(List.of(topics)).allTopicNames()
                .toCompletionStage().handle((described, failure) -> failure == null).toCompletableFuture().get());
    }
}
