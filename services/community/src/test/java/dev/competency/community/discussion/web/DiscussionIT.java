package dev.competency.community.discussion.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.competency.community.discussion.query.AuthorNames;
import dev.competency.platform.test.ServiceHttp;
import dev.competency.community.support.SharedService;
import dev.competency.contracts.learners.LearnerErased;
import dev.competency.platform.test.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Discussions through the API, on the real broker and store: access by unit, mentions, moderation, limits. */
class DiscussionIT {

    private static String unit() {
        return "Unit-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String body(String text) {
        return SharedService.JSON.writeValueAsString(java.util.Map.of("body", text));
    }

    private static String newDiscussion(String competencyId, String title, String text, List<String> mentions) {
        return SharedService.JSON.writeValueAsString(java.util.Map.of("subjectKind", "COMPETENCY",
                "subjectId", competencyId, "title", title, "body", text, "mentions", mentions));
    }

    private static String start(ServiceHttp http, String competencyId, String title, String text) {
        HttpResponse<String> created = http.post("/api/community/discussions",
                newDiscussion(competencyId, title, text, List.of()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return http.json(created).get("discussionId").asString();
    }

    @Test
    void showsThreadWithRenderedPosts_whenLearnerOfUnitReads() {
        String unit = unit();
        String ada = SharedService.registerLearner(unit);
        String bob = SharedService.registerLearner(unit);
        String id = start(SharedService.asLearner(ada), "comp-read", "Estimating", "How do you **estimate**?");

        HttpResponse<String> reply = SharedService.asLearner(bob).post(
                "/api/community/discussions/" + id + "/replies",
                SharedService.JSON.writeValueAsString(java.util.Map.of("body", "Ask @ada <script>x</script>",
                        "mentions", List.of(ada))));
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);

        JsonNode thread = SharedService.asLearner(bob).json(SharedService.asLearner(bob)
                .get("/api/community/discussions/" + id));
        assertThat(thread.get("posts")).hasSize(2);
        assertThat(thread.get("posts").get(0).get("html").asString()).contains("<strong>estimate</strong>");
        assertThat(thread.get("posts").get(1).get("html").asString()).doesNotContain("<script")
                .contains("&lt;script&gt;");
        assertThat(thread.get("posts").get(1).get("mentions").get(0).asString()).isEqualTo(ada);
    }

    /** Requests as a learner whose token carries these claims besides the role. */
    private static ServiceHttp asLearnerWith(String learnerId, Map<String, Object> claims) {
        Map<String, Object> all = new HashMap<>(claims);
        all.put("roles", List.of("LEARNER"));
        return SharedService.http().bearer(TestTokens.token(learnerId, all));
    }

    @Test
    void showsAuthorAndMentionNames_whenTokensOfThoseWhoWroteCarriedThem() {
        String unit = unit();
        String ada = SharedService.registerLearner(unit);
        String bob = SharedService.registerLearner(unit);
        String cyd = SharedService.registerLearner(unit);
        ServiceHttp asAda = asLearnerWith(ada, Map.of("name", "Ada  Lovelace\n", "preferred_username", "ada"));
        ServiceHttp asBob = asLearnerWith(bob, Map.of("preferred_username", "bob.b"));
        String id = start(asAda, "comp-names", "Names", "Who am I?");

        HttpResponse<String> reply = asBob.post("/api/community/discussions/" + id + "/replies",
                SharedService.JSON.writeValueAsString(Map.of("body", "You are @ada, says @cyd",
                        "mentions", List.of(ada, cyd))));
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);

        JsonNode thread = asBob.json(asBob.get("/api/community/discussions/" + id));
        assertThat(thread.get("authorName").asString()).isEqualTo("Ada Lovelace");
        assertThat(thread.get("posts").get(0).get("authorId").asString()).isEqualTo(ada);
        assertThat(thread.get("posts").get(0).get("authorName").asString()).isEqualTo("Ada Lovelace");
        assertThat(thread.get("posts").get(1).get("authorName").asString()).as("preferred_username without name")
                .isEqualTo("bob.b");
        JsonNode mentioned = thread.get("posts").get(1).get("mentioned");
        assertThat(mentioned.get(0).get("personId").asString()).isEqualTo(ada);
        assertThat(mentioned.get(0).get("name").asString()).isEqualTo("Ada Lovelace");
        assertThat(mentioned.get(1).get("personId").asString()).isEqualTo(cyd);
        assertThat(mentioned.get(1).get("name").isNull()).as("cyd never wrote").isTrue();
        JsonNode listed = asBob.json(
                asBob.get("/api/community/discussions?subjectKind=COMPETENCY&subjectId=comp-names"));
        assertThat(listed.get("items").get(0).get("authorName").asString()).isEqualTo("Ada Lovelace");

        String postId = thread.get("posts").get(0).get("postId").asString();
        HttpResponse<String> edit = asLearnerWith(ada, Map.of("name", "Ada King"))
                .put("/api/community/discussions/" + id + "/posts/" + postId, body("Who am I now?"));
        assertThat(edit.statusCode()).as(edit.body()).isEqualTo(204);
        assertThat(asBob.json(asBob.get("/api/community/discussions/" + id)).get("posts").get(0).get("authorName")
                .asString()).as("the name of the last write").isEqualTo("Ada King");
    }

    @Test
    void keepsNoName_whenWriteIsRefused() {
        String unit = unit();
        String dee = SharedService.registerLearner(unit);

        HttpResponse<String> refused = asLearnerWith(dee, Map.of("name", "Dee Refused"))
                .post("/api/community/discussions", newDiscussion("comp-refused", "Hello", "Hi",
                        List.of("nobody-" + UUID.randomUUID())));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(SharedService.get().bean(AuthorNames.class).names(List.of(dee))).isEmpty();
    }

    @Test
    void forgetsAuthorNamesButKeepsPosts_whenLearnerIsErased() {
        String unit = unit();
        String ada = SharedService.registerLearner(unit);
        String bob = SharedService.registerLearner(unit);
        String id = start(asLearnerWith(ada, Map.of("name", "Ada Erased")), "comp-erased", "Forget me", "Bye");
        HttpResponse<String> reply = asLearnerWith(bob, Map.of("name", "Bob Stays"))
                .post("/api/community/discussions/" + id + "/replies", body("Farewell"));
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        ServiceHttp asBob = SharedService.asLearner(bob);
        assertThat(asBob.json(asBob.get("/api/community/discussions/" + id)).get("authorName").asString())
                .isEqualTo("Ada Erased");

        SharedService.publish(new LearnerErased(ada, Instant.now()));

        AuthorNames names = SharedService.get().bean(AuthorNames.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> names.names(List.of(ada)).isEmpty());
        JsonNode thread = asBob.json(asBob.get("/api/community/discussions/" + id));
        assertThat(thread.get("authorId").asString()).isEqualTo(ada);
        assertThat(thread.get("authorName").isNull()).isTrue();
        assertThat(thread.get("posts")).hasSize(2);
        assertThat(thread.get("posts").get(0).get("authorName").isNull()).isTrue();
        assertThat(thread.get("posts").get(1).get("authorName").asString()).isEqualTo("Bob Stays");
        assertThat(asBob.json(asBob.get("/api/community/discussions?subjectKind=COMPETENCY&subjectId=comp-erased"))
                .get("items").get(0).get("authorName").isNull()).isTrue();
    }

    @Test
    void answersNotFound_whenCallerIsOfAnotherUnit() {
        String ada = SharedService.registerLearner(unit());
        String eve = SharedService.registerLearner(unit());
        String id = start(SharedService.asLearner(ada), "comp-idor", "Private to my unit", "Only us");
        String postId = SharedService.asLearner(ada).json(SharedService.asLearner(ada)
                .get("/api/community/discussions/" + id)).get("posts").get(0).get("postId").asString();
        ServiceHttp asEve = SharedService.asLearner(eve);

        assertThat(asEve.get("/api/community/discussions/" + id).statusCode()).isEqualTo(404);
        assertThat(asEve.get("/api/community/discussions/" + id + "/posts/" + postId + "/history").statusCode())
                .isEqualTo(404);
        assertThat(asEve.post("/api/community/discussions/" + id + "/replies", body("let me in")).statusCode())
                .isEqualTo(404);
        assertThat(asEve.put("/api/community/discussions/" + id + "/posts/" + postId, body("mine")).statusCode())
                .isEqualTo(404);
        assertThat(asEve.post("/api/community/discussions/" + id + "/answer",
                "{\"postId\":\"" + postId + "\"}").statusCode()).isEqualTo(404);
        assertThat(asEve.post("/api/community/discussions/" + id + "/posts/" + postId + "/reports",
                "{\"reason\":\"x\"}").statusCode()).isEqualTo(404);
        HttpResponse<String> hide = SharedService.asManager("boss-" + eve, "Elsewhere")
                .post("/api/community/discussions/" + id + "/posts/" + postId + "/hide", "{\"reason\":\"x\"}");
        assertThat(hide.statusCode()).isEqualTo(404);
        assertThat(hide.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(asEve.json(asEve.get("/api/community/discussions?subjectKind=COMPETENCY&subjectId=comp-idor"))
                .get("total").asLong()).isZero();
        JsonNode thread = SharedService.asLearner(ada).json(SharedService.asLearner(ada)
                .get("/api/community/discussions/" + id));
        assertThat(thread.get("posts")).hasSize(1);
        assertThat(thread.get("posts").get(0).get("edited").asBoolean()).isFalse();
    }

    @Test
    void refusesMentionNamingTheField_whenPersonIsUnknownOrOfAnotherUnit() {
        String unit = unit();
        String ada = SharedService.registerLearner(unit);
        String bob = SharedService.registerLearner(unit);
        String outsider = SharedService.registerLearner(unit());
        ServiceHttp asAda = SharedService.asLearner(ada);

        HttpResponse<String> refused = asAda.post("/api/community/discussions", newDiscussion("comp-mention",
                "Hello", "Hi all", List.of(bob, outsider, "nobody-" + UUID.randomUUID())));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode problem = asAda.json(refused);
        assertThat(problem.get("errors")).hasSize(2);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("mentions[1]");
        assertThat(problem.get("errors").get(1).get("field").asString()).isEqualTo("mentions[2]");
        assertThat(problem.get("errors").get(1).get("message").asString())
                .isEqualTo("names nobody of your organisation unit");
        assertThat(problem.get("detail").asString()).isEqualTo("2 fields are invalid: mentions[1], mentions[2]");
        assertThat(asAda.json(asAda.get("/api/community/discussions?subjectKind=COMPETENCY&subjectId=comp-mention"))
                .get("total").asLong()).as("nothing stored").isZero();
    }

    @Test
    void refusesPostNamingBody_whenLongerThanLimit() {
        ServiceHttp asAda = SharedService.asLearner(SharedService.registerLearner(unit()));

        HttpResponse<String> refused = asAda.post("/api/community/discussions",
                newDiscussion("comp-long", "Long", "x".repeat(20_001), List.of()));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"body\"");
        assertThat(asAda.json(asAda.get("/api/community/discussions?subjectKind=COMPETENCY&subjectId=comp-long"))
                .get("total").asLong()).isZero();
    }

    @Test
    void answersBadRequest_whenInputIsMalformed() {
        ServiceHttp asAda = SharedService.asLearner(SharedService.registerLearner(unit()));

        assertThat(asAda.post("/api/community/discussions", "{not json").statusCode()).isEqualTo(400);
        assertThat(asAda.post("/api/community/discussions", "{\"subjectKind\":\"PLANET\"}").statusCode())
                .isEqualTo(400);
        assertThat(asAda.get("/api/community/discussions?size=0").statusCode()).isEqualTo(400);
        assertThat(asAda.get("/api/community/discussions?page=-1").statusCode()).isEqualTo(400);
        assertThat(asAda.get("/api/community/discussions?subjectKind=COMPETENCY").statusCode()).isEqualTo(400);
        assertThat(asAda.get("/api/community/discussions?subjectKind=PLANET&subjectId=x").statusCode())
                .isEqualTo(400);
        assertThat(asAda.get("/api/community/discussions/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void listsNewestActivityFirstAndSearchesText_whenCompetencyIsGiven() {
        String unit = unit();
        String ada = SharedService.registerLearner(unit);
        ServiceHttp asAda = SharedService.asLearner(ada);
        String competency = "comp-list-" + UUID.randomUUID();
        String older = start(asAda, competency, "Pairing", "Do you pair on **reviews**?");
        String newer = start(asAda, competency, "Testing", "How much testing?");
        start(asAda, "comp-other", "Reviews elsewhere", "reviews");
        asAda.post("/api/community/discussions/" + older + "/replies", body("Yes, on every review"));

        JsonNode all = asAda.json(asAda.get("/api/community/discussions?subjectKind=COMPETENCY&subjectId="
                + competency + "&size=1"));
        assertThat(all.get("total").asLong()).isEqualTo(2);
        assertThat(all.get("items").get(0).get("discussionId").asString()).isEqualTo(older);
        JsonNode second = asAda.json(asAda.get("/api/community/discussions?subjectKind=COMPETENCY&subjectId="
                + competency + "&size=1&page=1"));
        assertThat(second.get("items").get(0).get("discussionId").asString()).isEqualTo(newer);
        JsonNode found = asAda.json(asAda.get("/api/community/discussions?subjectKind=COMPETENCY&subjectId="
                + competency + "&q=REVIEW"));
        assertThat(found.get("items")).hasSize(1);
        assertThat(found.get("items").get(0).get("discussionId").asString()).isEqualTo(older);
        assertThat(found.get("items").get(0).get("replyCount").asInt()).isEqualTo(1);
    }

    @Test
    void hidesPostWithReasonAndKeepsEditHistory_whenModerated() {
        String unit = unit();
        String ada = SharedService.registerLearner(unit);
        String bob = SharedService.registerLearner(unit);
        ServiceHttp asAda = SharedService.asLearner(ada);
        ServiceHttp asBob = SharedService.asLearner(bob);
        ServiceHttp asManager = SharedService.asManager("maria-" + ada, unit);
        String id = start(asAda, "comp-mod", "Feedback", "What do you think?");
        String postId = asBob.json(asBob.post("/api/community/discussions/" + id + "/replies", body("first")))
                .get("postId").asString();

        assertThat(asBob.put("/api/community/discussions/" + id + "/posts/" + postId, body("second")).statusCode())
                .isEqualTo(204);
        assertThat(asAda.put("/api/community/discussions/" + id + "/posts/" + postId, body("hijack")).statusCode())
                .isEqualTo(403);
        assertThat(asBob.post("/api/community/discussions/" + id + "/answer", "{\"postId\":\"" + postId + "\"}")
                .statusCode()).as("only the author or a moderator marks the answer").isEqualTo(403);
        assertThat(asAda.post("/api/community/discussions/" + id + "/answer", "{\"postId\":\"" + postId + "\"}")
                .statusCode()).isEqualTo(204);
        assertThat(asAda.post("/api/community/discussions/" + id + "/posts/" + postId + "/reports",
                "{\"reason\":\"rude\"}").statusCode()).isEqualTo(204);
        assertThat(asAda.post("/api/community/discussions/" + id + "/posts/" + postId + "/hide",
                "{\"reason\":\"rude\"}").statusCode()).as("learners do not hide").isEqualTo(403);
        assertThat(asManager.post("/api/community/discussions/" + id + "/posts/" + postId + "/hide",
                "{\"reason\":\"Personal remarks\"}").statusCode()).isEqualTo(204);

        JsonNode history = asBob.json(asManager.get("/api/community/discussions/" + id + "/posts/" + postId
                + "/history"));
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("markdown").asString()).isEqualTo("first");
        JsonNode seenByAda = asAda.json(asAda.get("/api/community/discussions/" + id)).get("posts").get(1);
        assertThat(seenByAda.get("hidden").asBoolean()).isTrue();
        assertThat(seenByAda.get("html").isNull()).isTrue();
        assertThat(seenByAda.get("hiddenReason").isNull()).isTrue();
        JsonNode seenByManager = asManager.json(asManager.get("/api/community/discussions/" + id));
        assertThat(seenByManager.get("posts").get(1).get("hiddenReason").asString()).isEqualTo("Personal remarks");
        assertThat(seenByManager.get("posts").get(1).get("markdown").asString()).isEqualTo("second");
        assertThat(seenByManager.get("posts").get(1).get("reportCount").asInt()).isEqualTo(1);
        assertThat(seenByManager.get("answerPostId").isNull()).as("a hidden post is no answer").isTrue();
    }

    @Test
    void answersTooManyRequestsWithRetryAfter_whenPersonPostsMoreThanThirtyAMinute() {
        ServiceHttp asAda = SharedService.asLearner(SharedService.registerLearner(unit()));
        String id = start(asAda, "comp-rate", "Flood", "first");
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 30; i++) {
            last = asAda.post("/api/community/discussions/" + id + "/replies", body("reply " + i));
            statuses.add(last.statusCode());
        }

        assertThat(statuses.subList(0, 29)).containsOnly(201);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(value ->
                assertThat(Integer.parseInt(value)).isBetween(1, 60));
        assertThat(last.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(asAda.json(asAda.get("/api/community/discussions/" + id)).get("posts")).hasSize(30);
    }

    @Test
    void rebuildsSameThreads_whenAdminRebuildsReadModels() {
        String unit = unit();
        String ada = SharedService.registerLearner(unit);
        ServiceHttp asAda = SharedService.asLearner(ada);
        String id = start(asAda, "comp-rebuild", "Rebuild me", "_before_");
        asAda.post("/api/community/discussions/" + id + "/replies", body("a reply"));
        String before = asAda.get("/api/community/discussions/" + id).body();
        ServiceHttp admin = SharedService.asAdmin();

        assertThat(asAda.post("/api/community/admin/rebuild", null).statusCode()).isEqualTo(403);
        assertThat(admin.post("/api/community/admin/rebuild", null).statusCode()).isEqualTo(202);
        // Other tests write through the same service meanwhile: the discussion is back once the rebuild read it.
        await().atMost(Duration.ofSeconds(60)).until(() ->
                admin.json(admin.get("/api/community/admin/rebuild")).get("caughtUp").asBoolean()
                        && asAda.get("/api/community/discussions/" + id).statusCode() == 200);

        assertThat(asAda.get("/api/community/discussions/" + id).body()).isEqualTo(before);
    }
}
