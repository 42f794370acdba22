package dev.competency.community.support;

import dev.competency.community.CommunityApplication;
import dev.competency.community.people.query.PeopleDirectory;
import dev.competency.contracts.IntegrationEvent;
import dev.competency.contracts.EventCatalog;
import dev.competency.contracts.learners.LearnerRegistered;
import dev.competency.contracts.learners.LearnerTeamChanged;
import dev.competency.platform.test.KafkaTestClient;
import dev.competency.platform.test.RunningService;
import dev.competency.platform.test.ServiceHttp;
import dev.competency.platform.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import tools.jackson.databind.json.JsonMapper;

/**
 * One community service for all integration tests of this module (a Spring context costs seconds): started on first
 * use on its own database, stopped when the test JVM ends.
 */
public final class SharedService {

    public static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private static RunningService service;
    private static KafkaTestClient kafka;

    private SharedService() {
    }

    public static synchronized RunningService get() {
        if (service == null) {
            service = RunningService.start(CommunityApplication.class,
                    "community-it-" + UUID.randomUUID().toString().substring(0, 8),
                    "community.notifications.heartbeat=PT1S");
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

    /** Requests as a learner of the platform (their unit comes from the learners stream). */
    public static ServiceHttp asLearner(String learnerId) {
        return http().bearer(TestTokens.token(learnerId, "LEARNER"));
    }

    /** Requests as a manager of {@code unit} who manages {@code teams}. */
    public static ServiceHttp asManager(String managerId, String unit, String... teams) {
        return http().bearer(TestTokens.token(managerId, Map.of("roles", List.of("MANAGER"), "org_unit", unit,
                "managed_teams", List.of(teams))));
    }

    public static ServiceHttp asAdmin() {
        return http().bearer(TestTokens.token("admin-" + UUID.randomUUID(), "ADMIN"));
    }

    /** Registers a learner of an organisation unit on the learners stream and waits until this service knows. */
    public static String registerLearner(String organisationUnit) {
        String learnerId = UUID.randomUUID().toString();
        publish(new LearnerRegistered(learnerId, null, organisationUnit, Instant.now()));
        PeopleDirectory people = service.bean(PeopleDirectory.class);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> people.find(learnerId).isPresent());
        return learnerId;
    }

    /** Moves a learner into a team on the learners stream and waits until this service knows. */
    public static void joinTeam(String learnerId, String teamId) {
        publish(new LearnerTeamChanged(learnerId, teamId, null, "manager-of-" + teamId, Instant.now()));
        PeopleDirectory people = service.bean(PeopleDirectory.class);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> people.find(learnerId)
                .map(PeopleDirectory.Person::teamId).filter(teamId::equals).isPresent());
    }

    /** Publishes a contract event under a new event id, without waiting for this service to read it. */
    public static void publish(IntegrationEvent event) {
        get();
        kafka.send(KafkaTestClient.contractRecord(EventCatalog.byPayloadType(event.getClass()).type(),
                event.partitionKey(), JSON.writeValueAsBytes(event)));
    }

    public static KafkaTestClient kafka() {
        get();
        return kafka;
    }

}
