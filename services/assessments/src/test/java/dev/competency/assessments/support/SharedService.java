package dev.competency.assessments.support;

import dev.competency.assessments.AssessmentsApplication;
import dev.competency.assessments.frameworks.query.FrameworkCatalogue;
import dev.competency.assessments.learners.query.LearnerDirectory;
import dev.competency.contracts.EventTypes;
import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.contracts.learners.LearnerRegistered;
import dev.competency.contracts.learners.MailboxHash;
import dev.competency.platform.test.KafkaTestClient;
import dev.competency.platform.test.RunningService;
import dev.competency.platform.test.ServiceHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import tools.jackson.databind.json.JsonMapper;

/**
 * One assessments service for all integration tests of this module that do not restart it (a Spring context costs
 * seconds): started on first use on its own database, stopped when the test JVM ends.
 */
public final class SharedService {

    public static final String LEARNER_HOME_PAGE = "https://learners.competency.test";
    public static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private static RunningService service;
    private static KafkaTestClient kafka;

    private SharedService() {
    }

    public static synchronized RunningService get() {
        if (service == null) {
            service = RunningService.start(AssessmentsApplication.class,
                    "assessments-it-" + UUID.randomUUID().toString().substring(0, 8),
                    "assessments.xapi.learner-home-page=" + LEARNER_HOME_PAGE,
                    "axon.eventhandling.processors.evidence-publisher.batch-size=10");
            kafka = new KafkaTestClient();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kafka.close();
                service.close();
            }));
        }
        return service;
    }

    public static ServiceHttp http() {
        return new ServiceHttp(get().port());
    }

    /** Publishes the contract's example framework version under a new framework id, and waits until it is known. */
    public static FrameworkPublished publishFramework() {
        FrameworkPublished framework = publishFrameworkWithoutWaiting();
        FrameworkCatalogue versions = service.bean(FrameworkCatalogue.class);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> versions.find(framework.frameworkId(), framework.version()).isPresent());
        return framework;
    }

    /**
     * Publishes the contract's example framework version under a new framework id on the frameworks stream, without
     * waiting for this service to read it.
     */
    public static FrameworkPublished publishFrameworkWithoutWaiting() {
        get();
        FrameworkPublished example = JSON.readValue(KafkaTestClient.example(EventTypes.FRAMEWORK_PUBLISHED),
                FrameworkPublished.class);
        var tree = (tools.jackson.databind.node.ObjectNode) JSON.valueToTree(example);
        tree.put("frameworkId", UUID.randomUUID().toString());
        FrameworkPublished framework = JSON.treeToValue(tree, FrameworkPublished.class);
        kafka.send(KafkaTestClient.contractRecord(EventTypes.FRAMEWORK_PUBLISHED, framework.frameworkId(),
                JSON.writeValueAsBytes(framework)));
        return framework;
    }

    /** Registers a learner of an organisation unit on the learners stream and waits until this service knows. */
    public static String registerLearner(String organisationUnit, String email) {
        String learnerId = UUID.randomUUID().toString();
        publishLearner(learnerId, organisationUnit, email);
        LearnerDirectory directory = service.bean(LearnerDirectory.class);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> directory.organisationUnit(learnerId).isPresent());
        return learnerId;
    }

    /** Publishes {@code learner.registered} on the learners stream without waiting for this service to read it. */
    public static void publishLearner(String learnerId, String organisationUnit, String email) {
        get();
        LearnerRegistered registered = new LearnerRegistered(learnerId,
                email == null ? null : MailboxHash.ofAddress(email), organisationUnit, Instant.now());
        kafka.send(KafkaTestClient.contractRecord(EventTypes.LEARNER_REGISTERED, learnerId,
                JSON.writeValueAsBytes(registered)));
    }
}
