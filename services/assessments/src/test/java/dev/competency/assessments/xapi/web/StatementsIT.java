package dev.competency.assessments.xapi.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.platform.test.ServiceHttp;
import dev.competency.assessments.support.SharedService;
import dev.competency.platform.test.TestTokens;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The statements resource against the running service: idempotency, conflicts, voiding, filters and paging. */
class StatementsIT {

    private static final String PASSED = "http://adlnet.gov/expapi/verbs/passed";
    private static final String ATTEMPTED = "http://adlnet.gov/expapi/verbs/attempted";
    private static String key;
    private static String secret;

    @BeforeAll
    static void registerClient() {
        ServiceHttp admin = SharedService.http().bearer(TestTokens.token("admin-1", "ADMIN"));
        HttpResponse<String> created = admin.post("/api/assessments/xapi-clients", "{\"name\":\"Simulation lab\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        key = admin.json(created).path("key").asString();
        secret = admin.json(created).path("secret").asString();
    }

    private static ServiceHttp lrs() {
        return SharedService.http().basic(key, secret).xapi();
    }

    private static String statement(String email, String verb, String activity, String extra) {
        return "{\"actor\":{\"mbox\":\"mailto:" + email + "\"},\"verb\":{\"id\":\"" + verb + "\"},"
                + "\"object\":{\"id\":\"" + activity + "\"}" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    private static String uniqueActivity() {
        return "https://content.example.com/activities/" + UUID.randomUUID();
    }

    private static String query(String parameter, String value) {
        return parameter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.path("statements").forEach(s -> ids.add(s.path("id").asString()));
        return ids;
    }

    private static List<String> postedIds(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        lrs().json(response).forEach(id -> ids.add(id.asString()));
        return ids;
    }

    @Test
    void storesStatementOnce_whenSameStatementIsPutTwice() {
        String id = UUID.randomUUID().toString();
        String activity = uniqueActivity();
        String body = statement("amara@example.com", PASSED, activity, "\"result\":{\"success\":true}");

        HttpResponse<String> first = lrs().put("/xapi/statements?statementId=" + id, body);
        HttpResponse<String> second = lrs().put("/xapi/statements?statementId=" + id, body);

        assertThat(first.statusCode()).isEqualTo(204);
        assertThat(second.statusCode()).isEqualTo(204);
        assertThat(first.headers().firstValue("X-Experience-API-Version")).hasValue("2.0.0");
        HttpResponse<String> found = lrs().get("/xapi/statements?" + query("activity", activity));
        assertThat(ids(lrs().json(found))).containsExactly(id);
        assertThat(found.headers().firstValue("X-Experience-API-Consistent-Through")).isPresent();
        JsonNode stored = lrs().json(lrs().get("/xapi/statements?statementId=" + id));
        assertThat(stored.path("stored").asString()).isNotEmpty();
        assertThat(stored.path("timestamp").asString()).isNotEmpty();
        assertThat(stored.path("version").asString()).isEqualTo("2.0.0");
        assertThat(stored.path("authority").path("account").path("name").asString()).isEqualTo(key);
    }

    @Test
    void answersConflict_whenIdIsReusedWithDifferentContent() {
        String id = UUID.randomUUID().toString();
        String activity = uniqueActivity();
        assertThat(lrs().put("/xapi/statements?statementId=" + id,
                statement("amara@example.com", PASSED, activity, "")).statusCode()).isEqualTo(204);

        HttpResponse<String> conflicting = lrs().put("/xapi/statements?statementId=" + id,
                statement("amara@example.com", ATTEMPTED, activity, ""));
        HttpResponse<String> posted = lrs().post("/xapi/statements",
                "[" + statement("amara@example.com", ATTEMPTED, activity, "\"id\":\"" + id + "\"") + "]");

        assertThat(conflicting.statusCode()).isEqualTo(409);
        assertThat(posted.statusCode()).isEqualTo(409);
        JsonNode stored = lrs().json(lrs().get("/xapi/statements?statementId=" + id));
        assertThat(stored.path("verb").path("id").asString()).isEqualTo(PASSED);
    }

    @Test
    void storesNothingFromBatch_whenOneStatementConflicts() {
        String activity = uniqueActivity();
        String stored = UUID.randomUUID().toString();
        String target = UUID.randomUUID().toString();
        assertThat(lrs().put("/xapi/statements?statementId=" + stored,
                statement("amara@example.com", PASSED, activity, "")).statusCode()).isEqualTo(204);
        assertThat(lrs().put("/xapi/statements?statementId=" + target,
                statement("amara@example.com", ATTEMPTED, activity, "")).statusCode()).isEqualTo(204);
        String fresh = UUID.randomUUID().toString();
        String voiding = UUID.randomUUID().toString();

        HttpResponse<String> response = lrs().post("/xapi/statements", "["
                + statement("b@example.com", PASSED, activity, "\"id\":\"" + fresh + "\"") + ","
                + "{\"id\":\"" + voiding + "\",\"actor\":{\"mbox\":\"mailto:admin@example.com\"},"
                + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/voided\"},"
                + "\"object\":{\"objectType\":\"StatementRef\",\"id\":\"" + target + "\"}},"
                + statement("amara@example.com", ATTEMPTED, activity, "\"id\":\"" + stored + "\"") + ","
                + statement("c@example.com", PASSED, activity, "") + "]");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(response.body()).contains(stored);
        assertThat(lrs().get("/xapi/statements?statementId=" + fresh).statusCode()).isEqualTo(404);
        assertThat(lrs().get("/xapi/statements?voidedStatementId=" + voiding).statusCode()).isEqualTo(404);
        assertThat(lrs().get("/xapi/statements?statementId=" + voiding).statusCode()).isEqualTo(404);
        assertThat(lrs().get("/xapi/statements?statementId=" + target).statusCode()).isEqualTo(200);
        assertThat(ids(lrs().json(lrs().get("/xapi/statements?" + query("activity", activity)))))
                .containsExactlyInAnyOrder(stored, target);

        HttpResponse<String> corrected = lrs().post("/xapi/statements", "["
                + statement("b@example.com", PASSED, activity, "\"id\":\"" + fresh + "\"") + ","
                + statement("amara@example.com", PASSED, activity, "\"id\":\"" + stored + "\"") + "]");
        assertThat(postedIds(corrected)).containsExactly(fresh, stored);
        assertThat(ids(lrs().json(lrs().get("/xapi/statements?" + query("activity", activity)))))
                .containsExactlyInAnyOrder(stored, target, fresh);
    }

    @Test
    void storesExactlyOneWholeBatch_whenConcurrentBatchesClaimTheSameIdWithDifferentContent() {
        String activity = uniqueActivity();
        for (int round = 0; round < 5; round++) {
            String shared = UUID.randomUUID().toString();
            List<List<String>> own = new ArrayList<>();
            List<String> bodies = new ArrayList<>();
            for (int client = 0; client < 4; client++) {
                List<String> ids = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
                own.add(ids);
                bodies.add("[" + statement("a@example.com", PASSED, activity, "\"id\":\"" + ids.get(0) + "\"") + ","
                        + statement("client" + client + "@example.com", ATTEMPTED, activity,
                        "\"id\":\"" + shared + "\"") + ","
                        + statement("b@example.com", PASSED, activity, "\"id\":\"" + ids.get(1) + "\"") + "]");
            }

            List<Integer> statuses = concurrently(bodies);

            assertThat(statuses).containsOnly(200, 409);
            assertThat(Collections.frequency(statuses, 200)).isEqualTo(1);
            for (int client = 0; client < 4; client++) {
                int expected = statuses.get(client) == 200 ? 200 : 404;
                for (String id : own.get(client)) {
                    assertThat(lrs().get("/xapi/statements?statementId=" + id).statusCode())
                            .as("statement %s of client %d answered %d", id, client, statuses.get(client))
                            .isEqualTo(expected);
                }
            }
        }
    }

    private static List<Integer> concurrently(List<String> bodies) {
        ExecutorService clients = Executors.newFixedThreadPool(bodies.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String body : bodies) {
                answers.add(clients.submit(() -> {
                    start.await();
                    return lrs().post("/xapi/statements", body).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void answersIdsInOrder_whenBatchIsPosted() {
        String activity = uniqueActivity();
        String given = UUID.randomUUID().toString();
        HttpResponse<String> response = lrs().post("/xapi/statements", "["
                + statement("a@example.com", PASSED, activity, "") + ","
                + statement("b@example.com", PASSED, activity, "\"id\":\"" + given + "\"") + ","
                + statement("c@example.com", PASSED, activity, "") + "]");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode ids = lrs().json(response);
        assertThat(ids).hasSize(3);
        assertThat(ids.get(1).asString()).isEqualTo(given);
        for (JsonNode id : ids) {
            JsonNode stored = lrs().json(lrs().get("/xapi/statements?statementId=" + id.asString()));
            assertThat(stored.path("object").path("id").asString()).isEqualTo(activity);
        }
        assertThat(lrs().json(lrs().get("/xapi/statements?statementId=" + ids.get(0).asString()))
                .path("actor").path("mbox").asString()).isEqualTo("mailto:a@example.com");
    }

    @Test
    void rejectsBatchAndStoresNothing_whenTwoStatementsShareAnId() {
        String activity = uniqueActivity();
        String id = UUID.randomUUID().toString();
        HttpResponse<String> response = lrs().post("/xapi/statements", "["
                + statement("a@example.com", PASSED, activity, "\"id\":\"" + id + "\"") + ","
                + statement("b@example.com", PASSED, activity, "\"id\":\"" + id + "\"") + "]");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(lrs().json(response).path("errors").get(0).path("path").asString()).isEqualTo("[1].id");
        assertThat(ids(lrs().json(lrs().get("/xapi/statements?" + query("activity", activity))))).isEmpty();
    }

    @Test
    void rejectsBatchWithEveryProblemAndStoresNothing_whenOneStatementIsMalformed() {
        String activity = uniqueActivity();
        HttpResponse<String> response = lrs().post("/xapi/statements", "["
                + statement("a@example.com", PASSED, activity, "") + ","
                + "{\"actor\":{\"mbox\":\"b@example.com\"},\"verb\":{\"id\":\"passed\"},\"object\":{\"id\":\""
                + activity + "\"},\"result\":{\"score\":{\"scaled\":3}}}]");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        List<String> paths = new ArrayList<>();
        lrs().json(response).path("errors").forEach(error -> paths.add(error.path("path").asString()));
        assertThat(paths).containsExactlyInAnyOrder("[1].actor.mbox", "[1].verb.id", "[1].result.score.scaled");
        assertThat(ids(lrs().json(lrs().get("/xapi/statements?" + query("activity", activity))))).isEmpty();
    }

    @Test
    void rejectsRequest_whenBodyIsNotJsonOrIdsDisagree() {
        String id = UUID.randomUUID().toString();
        assertThat(lrs().post("/xapi/statements", "{\"actor\":").statusCode()).isEqualTo(400);
        assertThat(lrs().put("/xapi/statements?statementId=" + id, statement("a@example.com", PASSED,
                uniqueActivity(), "\"id\":\"" + UUID.randomUUID() + "\"")).statusCode()).isEqualTo(400);
        assertThat(lrs().put("/xapi/statements", statement("a@example.com", PASSED, uniqueActivity(), ""))
                .statusCode()).isEqualTo(400);
        assertThat(lrs().get("/xapi/statements?statementId=" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void hidesTargetFromQueries_whenStatementIsVoided() {
        String activity = uniqueActivity();
        String target = UUID.randomUUID().toString();
        String voiding = UUID.randomUUID().toString();
        lrs().put("/xapi/statements?statementId=" + target, statement("a@example.com", PASSED, activity, ""));

        HttpResponse<String> voided = lrs().put("/xapi/statements?statementId=" + voiding,
                "{\"actor\":{\"mbox\":\"mailto:admin@example.com\"},\"verb\":{\"id\":"
                        + "\"http://adlnet.gov/expapi/verbs/voided\"},\"object\":{\"objectType\":\"StatementRef\","
                        + "\"id\":\"" + target + "\"}}");

        assertThat(voided.statusCode()).isEqualTo(204);
        assertThat(lrs().get("/xapi/statements?statementId=" + target).statusCode()).isEqualTo(404);
        assertThat(lrs().get("/xapi/statements?voidedStatementId=" + target).statusCode()).isEqualTo(200);
        assertThat(lrs().get("/xapi/statements?voidedStatementId=" + voiding).statusCode()).isEqualTo(404);
        // The target is hidden; the voiding statement refers to it, so it matches the target's activity
        assertThat(ids(lrs().json(lrs().get("/xapi/statements?" + query("activity", activity)))))
                .containsExactly(voiding);
        assertThat(ids(lrs().json(lrs().get("/xapi/statements?" + query("verb",
                "http://adlnet.gov/expapi/verbs/voided") + "&limit=0")))).contains(voiding);
        HttpResponse<String> voidingTheVoid = lrs().post("/xapi/statements",
                "{\"actor\":{\"mbox\":\"mailto:admin@example.com\"},\"verb\":{\"id\":"
                        + "\"http://adlnet.gov/expapi/verbs/voided\"},\"object\":{\"objectType\":\"StatementRef\","
                        + "\"id\":\"" + voiding + "\"}}");
        assertThat(voidingTheVoid.statusCode()).isEqualTo(400);
    }

    @Test
    void returnsMatchingStatements_whenFiltersAreGiven() {
        String activity = uniqueActivity();
        String parent = uniqueActivity();
        String registration = UUID.randomUUID().toString();
        String email = "filter-" + UUID.randomUUID() + "@example.com";
        Instant before = Instant.now().minusSeconds(1);
        List<String> ids = postedIds(lrs().post("/xapi/statements", "["
                + statement(email, PASSED, activity, "\"context\":{\"registration\":\"" + registration + "\"}") + ","
                + statement(email, ATTEMPTED, activity, "") + ","
                + statement("other@example.com", PASSED, activity, "\"context\":{\"instructor\":{\"mbox\":\"mailto:"
                + email + "\"},\"contextActivities\":{\"parent\":{\"id\":\"" + parent + "\"}}}") + "]"));
        String agent = "{\"mbox\":\"mailto:" + email + "\"}";

        assertThat(ids(lrs().json(lrs().get("/xapi/statements?" + query("agent", agent)))))
                .containsExactlyInAnyOrder(ids.get(0), ids.get(1));
        assertThat(ids(lrs().json(lrs().get("/xapi/statements?" + query("agent", agent)
                + "&related_agents=true")))).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(ids(lrs().json(lrs().get("/xapi/statements?" + query("agent", agent) + "&"
                + query("verb", PASSED))))).containsExactly(ids.get(0));
        assertThat(ids(lrs().json(lrs().get("/xapi/statements?" + query("activity", parent))))).isEmpty();
        assertThat(ids(lrs().json(lrs().get("/xapi/statements?" + query("activity", parent)
                + "&related_activities=true")))).containsExactly(ids.get(2));
        assertThat(ids(lrs().json(lrs().get("/xapi/statements?registration=" + registration))))
                .containsExactly(ids.get(0));
        assertThat(ids(lrs().json(lrs().get("/xapi/statements?" + query("activity", activity) + "&"
                + query("since", before.toString()))))).hasSize(3);
        assertThat(ids(lrs().json(lrs().get("/xapi/statements?" + query("activity", activity) + "&"
                + query("until", before.toString()))))).isEmpty();
        JsonNode idsFormat = lrs().json(lrs().get("/xapi/statements?statementId=" + ids.get(0) + "&format=ids"));
        assertThat(idsFormat.path("object").has("definition")).isFalse();
        assertThat(lrs().get("/xapi/statements?" + query("agent", "{\"name\":\"nobody\"}")).statusCode())
                .isEqualTo(400);
        assertThat(lrs().get("/xapi/statements?colour=blue").statusCode()).isEqualTo(400);
        assertThat(lrs().get("/xapi/statements?statementId=" + ids.get(0) + "&verb=" + PASSED).statusCode())
                .isEqualTo(400);
    }

    @Test
    void pagesThroughAllStatements_whenMoreLinksAreFollowed() {
        String activity = uniqueActivity();
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            posted.addAll(postedIds(lrs().post("/xapi/statements",
                    "[" + statement("pager@example.com", PASSED, activity, "") + "]")));
        }

        List<String> seen = new ArrayList<>();
        String next = "/xapi/statements?" + query("activity", activity) + "&limit=2&ascending=true";
        int pages = 0;
        while (!next.isEmpty()) {
            JsonNode page = lrs().json(lrs().get(next));
            seen.addAll(ids(page));
            next = page.path("more").asString();
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(posted);
        List<String> descending = ids(lrs().json(lrs().get("/xapi/statements?" + query("activity", activity))));
        List<String> newestFirst = new ArrayList<>(posted);
        Collections.reverse(newestFirst);
        assertThat(descending).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void returnsStatementsThatTargetAMatch_whenFilteringByVerb() {
        String verb = "https://verbs.example.com/confirmed/" + UUID.randomUUID();
        String voided = UUID.randomUUID().toString();
        String voiding = UUID.randomUUID().toString();
        String reference = UUID.randomUUID().toString();
        String referenceToReference = UUID.randomUUID().toString();
        assertThat(lrs().put("/xapi/statements?statementId=" + voided,
                statement("ben@example.com", verb, uniqueActivity(), "")).statusCode()).isEqualTo(204);
        assertThat(lrs().put("/xapi/statements?statementId=" + voiding, "{\"actor\":{\"mbox\":\"mailto:admin@example.com\"},"
                + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/voided\"},\"object\":{\"objectType\":"
                + "\"StatementRef\",\"id\":\"" + voided.toUpperCase() + "\"}}").statusCode()).isEqualTo(204);
        assertThat(lrs().put("/xapi/statements?statementId=" + reference, "{\"actor\":{\"mbox\":\"mailto:andrew@example.com\"},"
                + "\"verb\":{\"id\":\"" + verb + "\"},\"object\":{\"objectType\":\"StatementRef\",\"id\":\""
                + voided + "\"}}").statusCode()).isEqualTo(204);
        assertThat(lrs().put("/xapi/statements?statementId=" + referenceToReference, "{\"actor\":{\"mbox\":"
                + "\"mailto:carla@example.com\"},\"verb\":{\"id\":\"" + ATTEMPTED + "\"},\"object\":{\"objectType\":"
                + "\"StatementRef\",\"id\":\"" + reference + "\"}}").statusCode()).isEqualTo(204);

        assertThat(ids(lrs().json(lrs().get("/xapi/statements?" + query("verb", verb)))))
                .containsExactly(referenceToReference, reference, voiding);
        assertThat(ids(lrs().json(lrs().get("/xapi/statements?" + query("verb", verb) + "&limit=1"))))
                .containsExactly(referenceToReference);
        assertThat(ids(lrs().json(lrs().get("/xapi/statements?" + query("agent", "{\"mbox\":\"mailto:ben@example.com\"}")
                + "&" + query("verb", verb))))).containsExactly(referenceToReference, reference, voiding);
    }

    @Test
    void keepsValidAuthorityOfTrustedClientAndRefusesInvalidOne_whenStatementCarriesAuthority() {
        ServiceHttp admin = SharedService.http().bearer(TestTokens.token("admin-1", "ADMIN"));
        JsonNode trusted = admin.json(admin.post("/api/assessments/xapi-clients",
                "{\"name\":\"Forwarding LRS\",\"trustedAuthority\":true}"));
        ServiceHttp forwarder = SharedService.http().basic(trusted.path("key").asString(), trusted.path("secret").asString())
                .xapi();
        String authority = "{\"objectType\":\"Group\",\"member\":[{\"account\":{\"homePage\":"
                + "\"https://origin.example.com/token\",\"name\":\"app-7\"}},{\"mbox\":\"mailto:ben@example.com\"}]}";
        String kept = UUID.randomUUID().toString();
        String replaced = UUID.randomUUID().toString();

        assertThat(forwarder.put("/xapi/statements?statementId=" + kept, statement("ben@example.com", PASSED,
                uniqueActivity(), "\"authority\":" + authority)).statusCode()).isEqualTo(204);
        assertThat(lrs().put("/xapi/statements?statementId=" + replaced, statement("ben@example.com", PASSED,
                uniqueActivity(), "\"authority\":" + authority)).statusCode()).isEqualTo(204);
        HttpResponse<String> threeMembers = lrs().post("/xapi/statements", statement("ben@example.com", PASSED,
                uniqueActivity(), "\"authority\":{\"objectType\":\"Group\",\"member\":[{\"mbox\":\"mailto:a@example.com\"},"
                        + "{\"mbox\":\"mailto:b@example.com\"},{\"mbox\":\"mailto:c@example.com\"}]}"));
        HttpResponse<String> identifiedGroup = forwarder.post("/xapi/statements", statement("ben@example.com", PASSED,
                uniqueActivity(), "\"authority\":{\"objectType\":\"Group\",\"openid\":\"https://id.example.com/g\"}"));

        assertThat(lrs().json(lrs().get("/xapi/statements?statementId=" + kept)).path("authority"))
                .isEqualTo(SharedService.JSON.readTree(authority));
        assertThat(lrs().json(lrs().get("/xapi/statements?statementId=" + replaced)).path("authority").path("account")
                .path("name").asString()).isEqualTo(key);
        assertThat(threeMembers.statusCode()).isEqualTo(400);
        assertThat(lrs().json(threeMembers).path("errors").get(0).path("path").asString())
                .isEqualTo("authority.member");
        assertThat(identifiedGroup.statusCode()).isEqualTo(400);
    }

    @Test
    void returnsContextActivitiesAsArraysAndAcceptsEmptyDefinition_whenStatementUsesShortForms() {
        String id = UUID.randomUUID().toString();
        String parent = uniqueActivity();
        String body = "{\"actor\":{\"mbox\":\"mailto:a@example.com\"},\"verb\":{\"id\":\"" + PASSED + "\"},"
                + "\"object\":{\"id\":\"" + uniqueActivity() + "\",\"definition\":{}},"
                + "\"context\":{\"contextActivities\":{\"parent\":{\"id\":\"" + parent + "\"}}}}";

        assertThat(lrs().put("/xapi/statements?statementId=" + id, body).statusCode()).isEqualTo(204);
        assertThat(lrs().put("/xapi/statements?statementId=" + id, body).statusCode()).isEqualTo(204);

        HttpResponse<String> single = lrs().get("/xapi/statements?statementId=" + id);
        JsonNode contextActivities = lrs().json(single).path("context").path("contextActivities");
        assertThat(contextActivities.path("parent").isArray()).isTrue();
        assertThat(contextActivities.path("parent").get(0).path("id").asString()).isEqualTo(parent);
        assertThat(single.headers().firstValue("Last-Modified")).isPresent();
        JsonNode listed = lrs().json(lrs().get("/xapi/statements?" + query("activity", parent)
                + "&related_activities=true&format=ids"));
        assertThat(listed.path("statements").get(0).path("context").path("contextActivities").path("parent").get(0)
                .propertyNames()).containsExactly("id");
        assertThat(listed.path("statements").get(0).path("object").has("objectType")).isFalse();
    }

    @Test
    void requiresVersionHeaderAndCredentials_whenResourceIsNotAbout() {
        String path = "/xapi/statements?" + query("activity", uniqueActivity());
        assertThat(SharedService.http().basic(key, secret).get(path).statusCode()).isEqualTo(400);
        assertThat(SharedService.http().basic(key, secret).header("X-Experience-API-Version", "0.9").get(path)
                .statusCode()).isEqualTo(400);
        assertThat(SharedService.http().basic(key, secret).header("X-Experience-API-Version", "1.0.3").get(path)
                .statusCode()).isEqualTo(200);
        assertThat(SharedService.http().xapi().get(path).statusCode()).isEqualTo(401);
        assertThat(SharedService.http().basic(key, "wrong").xapi().get(path).statusCode()).isEqualTo(401);
        assertThat(SharedService.http().bearer(TestTokens.token("learner-1", "LEARNER")).xapi().get(path)
                .statusCode()).isEqualTo(403);
        assertThat(SharedService.http().bearer(TestTokens.token("admin-1", "ADMIN")).xapi().get(path)
                .statusCode()).isEqualTo(200);
        HttpResponse<String> about = SharedService.http().get("/xapi/about");
        assertThat(about.statusCode()).isEqualTo(200);
        assertThat(about.headers().firstValue("X-Experience-API-Version")).hasValue("2.0.0");
        assertThat(SharedService.http().json(about).path("version").get(0).asString()).isEqualTo("2.0.0");
    }
}
