package dev.competency.e2e.erasure;

import static dev.competency.e2e.platform.DemoOrganisation.ADMIN;
import static dev.competency.e2e.platform.DemoOrganisation.ASSESSOR;
import static dev.competency.e2e.platform.DemoOrganisation.AUTHOR;
import static dev.competency.e2e.platform.DemoOrganisation.DESIGNS_APIS;
import static dev.competency.e2e.platform.DemoOrganisation.UNIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.competency.e2e.platform.PlatformApi;
import dev.competency.e2e.platform.PortalTest;
import dev.competency.e2e.platform.RunningPlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Erasure of a learner holds everywhere. A learner with a name and an e-mail address no one else has is registered
 * through the gateway, gets evidence from a manual rating and from an xAPI statement sent by her {@code mbox}, and is
 * awaited in learner-profiles, assessments and analytics; then an administrator erases her and the erasure is awaited
 * in all three. After that her name and address (as given, lower-case, URL-encoded, the address also as a
 * {@code mailto:} IRI) must be nowhere: not in any record of any topic on the broker, not in any document of any
 * database on the store, not in any log line; her own APIs answer as learner-profiles documents and analytics counts
 * her no more. The xAPI {@code mbox_sha1sum} on the learners topic is a hash of the address, not the address.
 *
 * <p>The platform and the erased learner are shared by every method: the learner is prepared and erased once.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LearnerErasureIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Duration PROPAGATION = Duration.ofMinutes(3);
    private static final String LEARNERS_TOPIC = "competency.learners.v1";
    private static final String STATEMENT_STORE = "assessments.xapi_statements";

    private final PersonalData person = PersonalData.ofRandomPerson();
    private final String learnerId = "erasure-" + UUID.randomUUID();
    private PlatformApi.PublishedFramework framework;
    private int ratedBeforeErasure;

    @BeforeAll
    void registerGiveEvidenceAndErase(PlatformApi api, RunningPlatform platform) {
        framework = api.demoFramework();
        PlatformApi.Answer registered = api.send(ADMIN, "POST", "/api/learners", Map.of("learnerId", learnerId,
                "displayName", person.displayName(), "email", person.email(), "organisationUnit", UNIT));
        assertThat(registered.status()).as("registering the learner: %s", registered).isEqualTo(201);

        rate(api);
        sendStatementByMbox(api, platform);
        awaitKnownEverywhere(api, platform);

        PlatformApi.Answer erased = api.send(ADMIN, "DELETE", "/api/learners/" + learnerId, null);
        assertThat(erased.status()).as("erasing the learner: %s", erased).isEqualTo(204);
        awaitErasedEverywhere(api, platform);
    }

    @Test
    void findsNoNameOrAddressInAnyRecordOfAnyTopic_whenLearnerIsErased(RunningPlatform platform) {
        BrokerRecords.Scan scan = BrokerRecords.search(platform.kafkaBootstrapServers(), person, learnerId);

        assertThat(scan.topics()).as("topics read").contains(LEARNERS_TOPIC, LEARNERS_TOPIC + ".dlq",
                "competency.evidence.v1", "competency.evidence.v1.dlq", "competency.mastery.v1");
        assertThat(scan.recordsNaming()).as("records of the learner read (registered, evidence, mastery, erased)")
                .isGreaterThanOrEqualTo(4);
        assertThat(scan.sightings()).as("the name or address in %d records of %d topics", scan.records(),
                scan.topics().size()).isEmpty();
    }

    @Test
    void findsNoReadableNameOrAddressInAnyStoredDocument_whenLearnerIsErased(RunningPlatform platform) {
        StoredDocuments.Scan scan = StoredDocuments.search(platform.mongoConnectionString(), person,
                (database, collection) -> !STATEMENT_STORE.equals(database + "." + collection), learnerId);
        StoredDocuments.Scan sealed = StoredDocuments.search(platform.mongoConnectionString(), person,
                (database, collection) -> "learner-profiles.domainevents".equals(database + "." + collection),
                learnerId, "sealed:v1:");

        assertThat(scan.collections()).as("collections read")
                .contains("learner-profiles.domainevents", "learner-profiles-keys.learner_keys",
                        "assessments.domainevents");
        assertThat(scan.documentsNaming()).as("documents of the learner read (her events at least)")
                .isPositive();
        assertThat(sealed.documentsNaming()).as("the learner's registration, kept in the event store with its "
                + "values sealed").isPositive();
        assertThat(scan.sightings()).as("the name or address in %d documents of %d collections", scan.documents(),
                scan.collections().size()).isEmpty();
    }

    /**
     * The statement store keeps the learner's statements with the learner replaced by her pseudonymous platform
     * account; assessments redacts them before it forgets her address, which the erasure wait awaits.
     */
    @Test
    void findsNoNameOrAddressInStoredStatements_whenLearnerIsErased(RunningPlatform platform) {
        StoredDocuments.Scan scan = StoredDocuments.search(platform.mongoConnectionString(), person,
                (database, collection) -> STATEMENT_STORE.equals(database + "." + collection), learnerId);

        assertThat(scan.collections()).containsExactly(STATEMENT_STORE);
        assertThat(scan.documentsNaming()).as("her statement, kept under her pseudonymous account").isPositive();
        assertThat(scan.sightings()).as("the name or address in %d stored statements", scan.documents()).isEmpty();
    }

    @Test
    void findsNoNameOrAddressInAnyLogLine_whenLearnerIsErased(RunningPlatform platform) {
        LogFiles.Scan scan = LogFiles.search(platform.logDirectory(), List.of(platform.launcherLog()), person);

        assertThat(scan.files()).as("log files read").extracting(path -> path.getFileName().toString())
                .contains("gateway.log", "frameworks.log", "assessments.log", "learner-profiles.log",
                        "analytics.log", "launcher.log");
        assertThat(scan.sightings()).as("the name or address in %d lines of %d files", scan.lines(),
                scan.files().size()).isEmpty();
    }

    @Test
    void answersAsDocumented_whenErasedLearnerIsRead(PlatformApi api) {
        String learner = "/api/learners/" + learnerId;

        assertThat(api.send(ADMIN, "GET", learner, null).status()).as("profile").isEqualTo(404);
        assertThat(api.send(ADMIN, "GET", learner + "/mastery/" + DESIGNS_APIS, null).status())
                .as("mastery on the rated competency").isEqualTo(404);
        PlatformApi.Answer mastery = api.send(ADMIN, "GET", learner + "/mastery", null);
        assertThat(mastery.status()).isEqualTo(200);
        assertThat(mastery.json().size()).as("mastery %s", mastery.body()).isZero();
        PlatformApi.Answer evidence = api.send(ADMIN, "GET", learner + "/evidence", null);
        assertThat(evidence.status()).isEqualTo(200);
        assertThat(evidence.json().size()).as("evidence timeline %s", evidence.body()).isZero();
        assertThat(api.send(ADMIN, "DELETE", learner, null).status()).as("erasing again").isEqualTo(204);
    }

    @Test
    void countsTheLearnerNoMore_whenAnalyticsIsAsked(PlatformApi api) {
        PlatformApi.Answer cells = api.send(ADMIN, "GET", "/api/analytics/learners/" + learnerId + "/mastery", null);
        assertThat(cells.status()).isEqualTo(200);
        assertThat(cells.json().size()).as("the learner's cells %s", cells.body()).isZero();

        assertThat(ratedInUnit(api)).as("learners of %s rated on the competency", UNIT)
                .isEqualTo(ratedBeforeErasure - 1);
        PlatformApi.Answer coaching = api.send(ADMIN, "GET", "/api/analytics/coaching?unit="
                + URLEncoder.encode(UNIT, StandardCharsets.UTF_8), null);
        assertThat(coaching.status()).isEqualTo(200);
        assertThat(coaching.body()).as("the coaching list of the unit").doesNotContain(learnerId);
    }

    /** An assessor of the learner's unit rates her on the competency (once assessments has read her unit). */
    private void rate(PlatformApi api) {
        List<String> levels = List.copyOf(framework.levelLabels().keySet());
        Map<String, Object> rating = Map.of("frameworkId", framework.frameworkId(),
                "frameworkVersion", framework.version(), "competencyId", DESIGNS_APIS,
                "level", levels.get(levels.size() - 1), "reason", "Observed in a design review");
        await("a manual rating of the learner").atMost(PROPAGATION).pollInterval(Duration.ofMillis(500))
                .until(() -> api.send(ASSESSOR, "POST", "/api/assessments/learners/" + learnerId + "/ratings", rating),
                        answer -> answer.status() == 201);
    }

    /**
     * An activity aligned to the competency, and a statement on it whose actor is the learner's {@code mbox} and name,
     * as an e-learning package sends it; assessments matches the address to the learner.
     */
    private void sendStatementByMbox(PlatformApi api, RunningPlatform platform) {
        String activity = "https://sims.example.org/api-design/" + UUID.randomUUID();
        api.call(AUTHOR, "POST", "/api/assessments/activity-alignments", Map.of("activityId", activity,
                "frameworkId", framework.frameworkId(), "frameworkVersion", framework.version(),
                "competencyIds", List.of(DESIGNS_APIS)));
        Map<String, Object> statement = Map.of(
                "actor", Map.of("objectType", "Agent", "name", person.displayName(), "mbox", person.mbox()),
                "verb", Map.of("id", "http://adlnet.gov/expapi/verbs/passed", "display", Map.of("en-US", "passed")),
                "object", Map.of("objectType", "Activity", "id", activity),
                "result", Map.of("score", Map.of("scaled", 0.9), "success", true),
                "timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        String path = "/xapi/statements?statementId=" + UUID.randomUUID();
        await("the xAPI statement to be stored").atMost(PROPAGATION).pollInterval(Duration.ofMillis(500))
                .until(() -> xapi(api, platform, "PUT", path, statement), answer -> answer.status() == 204);
    }

    private void awaitKnownEverywhere(PlatformApi api, RunningPlatform platform) {
        await("learner-profiles to hold the learner's two pieces of evidence").atMost(PROPAGATION)
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> api.get(ADMIN, "/api/learners/" + learnerId + "/evidence").size() == 2
                        && api.levelOf(ADMIN, learnerId, DESIGNS_APIS).isPresent());
        assertThat(api.get(ADMIN, "/api/learners/" + learnerId).path("profile").path("displayName").asString())
                .isEqualTo(person.displayName());
        await("assessments to know the learner's address").atMost(PROPAGATION).pollInterval(Duration.ofMillis(500))
                .until(() -> accountNamesOfMbox(api, platform), names -> names.contains(learnerId));
        await("analytics to hold the learner's mastery").atMost(PROPAGATION).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> api.get(ADMIN, "/api/analytics/learners/" + learnerId + "/mastery").size() > 0);
        ratedBeforeErasure = await("analytics to count the learner in her unit").atMost(PROPAGATION)
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> ratedInUnit(api), rated -> rated > 0);
    }

    private void awaitErasedEverywhere(PlatformApi api, RunningPlatform platform) {
        await("learner-profiles to forget the learner").atMost(PROPAGATION).pollInterval(Duration.ofMillis(500))
                .until(() -> api.send(ADMIN, "GET", "/api/learners/" + learnerId, null).status() == 404);
        await("assessments to redact the learner's statements and forget her address").atMost(PROPAGATION)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> accountNamesOfMbox(api, platform), names -> !names.contains(learnerId));
        await("analytics to forget the learner").atMost(PROPAGATION).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> api.get(ADMIN, "/api/analytics/learners/" + learnerId + "/mastery").isEmpty()
                        && ratedInUnit(api) == ratedBeforeErasure - 1);
    }

    /** The learners analytics counts as rated on the competency in the demo unit, as an administrator reads it. */
    private int ratedInUnit(PlatformApi api) {
        JsonNode capability = api.get(ADMIN, "/api/analytics/capability?groupBy=unit&frameworkId="
                + framework.frameworkId() + "&unit=" + URLEncoder.encode(UNIT, StandardCharsets.UTF_8));
        for (JsonNode cell : capability.path("cells")) {
            if (UNIT.equals(cell.path("unit").asString()) && DESIGNS_APIS.equals(cell.path("competencyId").asString())) {
                return cell.path("rated").asInt();
            }
        }
        throw new IllegalStateException("No cell of " + UNIT + " on " + DESIGNS_APIS + " in " + capability);
    }

    /** The names of the platform accounts the LRS gives the Person of the learner's {@code mbox}. */
    private List<String> accountNamesOfMbox(PlatformApi api, RunningPlatform platform) {
        String agent = URLEncoder.encode(JSON.writeValueAsString(Map.of("mbox", person.mbox())),
                StandardCharsets.UTF_8);
        PlatformApi.Answer answer = xapi(api, platform, "GET", "/xapi/agents?agent=" + agent, null);
        if (answer.status() != 200) {
            throw new IllegalStateException("The Person of the learner's mbox: " + answer);
        }
        List<String> names = new ArrayList<>();
        answer.json().path("account").forEach(account -> names.add(account.path("name").asString()));
        return names;
    }

    /** A call to the learning record store through the gateway, with an administrator's bearer token. */
    private static PlatformApi.Answer xapi(PlatformApi api, RunningPlatform platform, String method, String path,
                                           Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(platform.url(path))
                .header("Authorization", "Bearer " + api.token(ADMIN))
                .header("X-Experience-API-Version", "2.0.0")
                .timeout(Duration.ofSeconds(60));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new PlatformApi.Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + method + " " + path, e);
        }
    }
}
