package dev.competency.assessments.xapi.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.platform.test.ServiceHttp;
import dev.competency.assessments.support.SharedService;
import dev.competency.platform.test.TestTokens;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The State, Activity Profile, Agent Profile, Activities and Agents resources against the running service and its
 * MongoDB store, as cmi5 and SCORM-to-xAPI content use them.
 */
class XapiDocumentsIT {

    private static String key;
    private static String secret;

    @BeforeAll
    static void registerClient() {
        ServiceHttp admin = SharedService.http().bearer(TestTokens.token("admin-1", "ADMIN"));
        JsonNode created = admin.json(admin.post("/api/assessments/xapi-clients", "{\"name\":\"cmi5 player\"}"));
        key = created.path("key").asString();
        secret = created.path("secret").asString();
    }

    private static ServiceHttp lrs() {
        return SharedService.http().basic(key, secret).xapi();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String agent() {
        return "{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"https://lms.example.com\",\"name\":\""
                + UUID.randomUUID() + "\"}}";
    }

    private static String activity() {
        return "https://content.example.com/au/" + UUID.randomUUID();
    }

    @Test
    void storesMergesListsAndDeletesStates_whenContentUsesTheStateResource() {
        String activity = activity();
        String agent = agent();
        String registration = UUID.randomUUID().toString();
        String scope = "/xapi/activities/state?activityId=" + encode(activity) + "&agent=" + encode(agent)
                + "&registration=" + registration;
        Instant before = Instant.now().minusSeconds(1);

        assertThat(lrs().put(scope + "&stateId=LMS.LaunchData", "{\"launchMode\":\"Normal\",\"moveOn\":\"Passed\"}")
                .statusCode()).isEqualTo(204);
        assertThat(lrs().put(scope + "&stateId=LMS.LaunchData", "{\"launchMode\":\"Review\"}").statusCode())
                .as("a State PUT may overwrite without a precondition").isEqualTo(204);
        assertThat(lrs().post(scope + "&stateId=suspend", "{\"location\":\"p1\",\"score\":3}").statusCode())
                .isEqualTo(204);
        assertThat(lrs().post(scope + "&stateId=suspend", "{\"location\":\"p2\",\"done\":[1]}").statusCode())
                .isEqualTo(204);
        HttpResponse<String> suspend = lrs().get(scope + "&stateId=suspend");
        HttpResponse<String> ids = lrs().get(scope + "&since=" + encode(before.toString()));
        HttpResponse<String> otherRegistration = lrs().get("/xapi/activities/state?activityId=" + encode(activity)
                + "&agent=" + encode(agent));

        assertThat(suspend.statusCode()).isEqualTo(200);
        assertThat(lrs().json(suspend)).isEqualTo(SharedService.JSON.readTree(
                "{\"location\":\"p2\",\"score\":3,\"done\":[1]}"));
        assertThat(suspend.headers().firstValue("ETag")).isPresent();
        assertThat(suspend.headers().firstValue("Last-Modified")).isPresent();
        assertThat(lrs().json(lrs().get(scope + "&stateId=LMS.LaunchData")).path("launchMode").asString())
                .isEqualTo("Review");
        assertThat(lrs().json(ids)).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("LMS.LaunchData", "suspend");
        assertThat(lrs().json(otherRegistration)).isEmpty();
        assertThat(lrs().get(scope + "&since=" + encode(Instant.now().plusSeconds(60).toString())).body())
                .isEqualTo("[]");

        assertThat(lrs().delete(scope + "&stateId=suspend").statusCode()).isEqualTo(204);
        assertThat(lrs().get(scope + "&stateId=suspend").statusCode()).isEqualTo(404);
        assertThat(lrs().delete(scope).statusCode()).isEqualTo(204);
        assertThat(lrs().get(scope + "&stateId=LMS.LaunchData").statusCode()).isEqualTo(404);
    }

    @Test
    void keepsOtherMediaTypesAsSentAndRefusesMergingThem_whenDocumentIsNotJson() {
        String scope = "/xapi/activities/state?activityId=" + encode(activity()) + "&agent=" + encode(agent())
                + "&stateId=cmi.suspend_data";

        HttpResponse<String> put = lrs().header("Content-Type", "text/plain").send("PUT", scope, "A1B2;C3");
        HttpResponse<String> merge = lrs().post(scope, "{\"x\":1}");
        HttpResponse<String> notJson = lrs().post(scope.replace("cmi.suspend_data", "other"), "not json");

        assertThat(put.statusCode()).isEqualTo(204);
        HttpResponse<String> read = lrs().get(scope);
        assertThat(read.body()).isEqualTo("A1B2;C3");
        assertThat(read.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/plain"));
        assertThat(merge.statusCode()).isEqualTo(400);
        assertThat(lrs().get(scope).body()).isEqualTo("A1B2;C3");
        assertThat(notJson.statusCode()).isEqualTo(400);
    }

    @Test
    void enforcesEtagsOnProfiles_whenTwoWritersRace() {
        String profile = "/xapi/activities/profile?activityId=" + encode(activity()) + "&profileId=settings";
        String agentProfile = "/xapi/agents/profile?agent=" + encode(agent()) + "&profileId=preferences";

        for (String path : new String[] {profile, agentProfile}) {
            assertThat(lrs().put(path, "{\"v\":1}").statusCode()).as("first write").isEqualTo(204);
            HttpResponse<String> first = lrs().get(path);
            String etag = first.headers().firstValue("ETag").orElseThrow();

            assertThat(lrs().put(path, "{\"v\":2}").statusCode()).as("overwrite without a precondition")
                    .isEqualTo(409);
            assertThat(lrs().header("If-None-Match", "*").put(path, "{\"v\":2}").statusCode()).isEqualTo(412);
            assertThat(lrs().header("If-Match", "\"0000\"").put(path, "{\"v\":2}").statusCode()).isEqualTo(412);
            assertThat(lrs().json(lrs().get(path)).path("v").asInt()).isEqualTo(1);
            assertThat(lrs().header("If-Match", etag).put(path, "{\"v\":2}").statusCode()).isEqualTo(204);
            assertThat(lrs().header("If-Match", etag).put(path, "{\"v\":3}").statusCode())
                    .as("the ETag of a replaced document").isEqualTo(412);
            assertThat(lrs().json(lrs().get(path)).path("v").asInt()).isEqualTo(2);
            String current = lrs().get(path).headers().firstValue("ETag").orElseThrow();
            assertThat(current).isNotEqualTo(etag);
            assertThat(lrs().header("If-Match", current).post(path, "{\"w\":true}").statusCode()).isEqualTo(204);
            assertThat(lrs().json(lrs().get(path))).isEqualTo(SharedService.JSON.readTree("{\"v\":2,\"w\":true}"));
            assertThat(lrs().header("If-Match", current).delete(path).statusCode()).isEqualTo(412);
            assertThat(lrs().delete(path).statusCode()).isEqualTo(204);
            assertThat(lrs().get(path).statusCode()).isEqualTo(404);
        }
        String listing = profile.replace("&profileId=settings", "");
        assertThat(lrs().json(lrs().get(listing))).isEmpty();
    }

    @Test
    void answersCanonicalDefinitionAndKnownIdentifiers_whenActivityAndPersonAreAsked() {
        String activity = activity();
        String learnerEmail = "person-" + UUID.randomUUID() + "@example.com";
        String learnerId = SharedService.registerLearner("Platform engineering", learnerEmail);
        assertThat(lrs().post("/xapi/statements", "[{\"actor\":{\"mbox\":\"mailto:a@example.com\"},\"verb\":{\"id\":"
                + "\"http://adlnet.gov/expapi/verbs/launched\"},\"object\":{\"id\":\"" + activity + "\",\"definition\":"
                + "{\"name\":{\"en-US\":\"Safety module\"},\"type\":\"https://w3id.org/xapi/cmi5/activitytype/block\"}}},"
                + "{\"actor\":{\"mbox\":\"mailto:a@example.com\"},\"verb\":{\"id\":"
                + "\"http://adlnet.gov/expapi/verbs/initialized\"},\"object\":{\"id\":\"" + activity + "\",\"definition\":"
                + "{\"name\":{\"de-DE\":\"Sicherheitsmodul\"}}}}]").statusCode()).isEqualTo(200);

        JsonNode known = lrs().json(lrs().get("/xapi/activities?activityId=" + encode(activity)));
        JsonNode unknown = lrs().json(lrs().get("/xapi/activities?activityId=" + encode(activity())));
        JsonNode person = lrs().json(lrs().get("/xapi/agents?agent=" + encode("{\"name\":\"Pat\",\"mbox\":\"mailto:"
                + learnerEmail + "\"}")));

        assertThat(known.path("objectType").asString()).isEqualTo("Activity");
        assertThat(known.path("definition").path("name").path("en-US").asString()).isEqualTo("Safety module");
        assertThat(known.path("definition").path("name").path("de-DE").asString()).isEqualTo("Sicherheitsmodul");
        assertThat(known.path("definition").path("type").asString())
                .isEqualTo("https://w3id.org/xapi/cmi5/activitytype/block");
        assertThat(unknown.has("definition")).isFalse();
        assertThat(person.path("objectType").asString()).isEqualTo("Person");
        assertThat(person.path("name").get(0).asString()).isEqualTo("Pat");
        assertThat(person.path("mbox").get(0).asString()).isEqualTo("mailto:" + learnerEmail);
        assertThat(person.path("account").get(0).path("name").asString()).isEqualTo(learnerId);
    }

    @Test
    void refusesWithoutCredentialsAndNamesTheParameter_whenDocumentRequestIsMalformed() {
        String state = "/xapi/activities/state?activityId=" + encode(activity()) + "&stateId=s";
        assertThat(SharedService.http().xapi().get(state + "&agent=" + encode(agent())).statusCode()).isEqualTo(401);
        assertThat(SharedService.http().bearer(TestTokens.token("learner-1", "LEARNER")).xapi()
                .get(state + "&agent=" + encode(agent())).statusCode()).isEqualTo(403);
        HttpResponse<String> badAgent = lrs().get(state + "&agent=" + encode("{\"mbox\":{\"x\":1}}"));
        assertThat(badAgent.statusCode()).isEqualTo(400);
        assertThat(lrs().json(badAgent).path("errors").get(0).path("path").asString()).isEqualTo("agent.mbox");
        assertThat(lrs().put("/xapi/activities/state?agent=" + encode(agent()) + "&stateId=s", "{}").statusCode())
                .isEqualTo(400);
        assertThat(lrs().get(state + "&agent=" + encode(agent()) + "&registration=abc").statusCode()).isEqualTo(400);
        assertThat(lrs().get("/xapi/agents?agent=" + encode("{\"objectType\":\"Group\",\"member\":[]}"))
                .statusCode()).isEqualTo(400);
    }
}
