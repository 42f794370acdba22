package dev.competency.assessments.assessment.web;

import static dev.competency.assessments.support.Authoring.API_DESIGN;
import static dev.competency.assessments.support.Authoring.API_EVOLUTION;
import static dev.competency.assessments.support.Authoring.criterion;
import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.assessments.support.Authoring;
import dev.competency.platform.test.ServiceHttp;
import dev.competency.assessments.support.SharedService;
import dev.competency.contracts.frameworks.FrameworkPublished;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The assessment catalogue against the running service and its store: answer keys reach only authors, in no view a
 * learner gets while taking a quiz; the list filters, pages and orders in the store as the API says.
 */
class AssessmentCatalogueIT {

    private static final String QUIZ = "{\"alignments\":[{\"competencyId\":\"" + API_DESIGN + "\",\"weight\":1},"
            + "{\"competencyId\":\"" + API_EVOLUTION + "\",\"weight\":1}],\"passMark\":0.5,\"items\":["
            + "{\"itemId\":\"q1\",\"type\":\"SINGLE_CHOICE\",\"prompt\":\"Which status code means created?\","
            + "\"options\":[\"200\",\"201\",\"204\"],\"correct\":[\"201\"],\"points\":1,\"competencyIds\":[\""
            + API_DESIGN + "\"]},"
            + "{\"itemId\":\"q2\",\"type\":\"NUMERIC\",\"prompt\":\"Days of deprecation notice?\",\"answer\":90,"
            + "\"tolerance\":5,\"points\":1,\"competencyIds\":[\"" + API_EVOLUTION + "\"]},"
            + "{\"itemId\":\"q3\",\"type\":\"ORDERING\",\"prompt\":\"Order a breaking change\",\"options\":"
            + "[\"announce\",\"deprecate\",\"remove\"],\"correct\":[\"announce\",\"deprecate\",\"remove\"],"
            + "\"points\":1,\"competencyIds\":[\"" + API_EVOLUTION + "\"]}]}";
    private static final String RUBRIC = "{\"alignments\":[{\"competencyId\":\"" + API_DESIGN + "\",\"weight\":1}],"
            + "\"passMark\":0.5,\"criteria\":[" + criterion("design", API_DESIGN) + "]}";
    private static final List<String> KEYS = List.of("\"correct\"", "\"answer\"", "\"tolerance\"");

    private static FrameworkPublished framework;
    private static ServiceHttp author;

    @BeforeAll
    static void setUp() {
        framework = SharedService.publishFramework();
        author = Authoring.author();
    }

    private static String create(String kind, String title) {
        HttpResponse<String> created = author.post("/api/assessments", "{\"kind\":\"" + kind + "\",\"title\":\""
                + title + "\",\"frameworkId\":\"" + framework.frameworkId() + "\",\"frameworkVersion\":"
                + framework.version() + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return author.json(created).path("assessmentId").asString();
    }

    private static void define(String assessmentId, String definition) {
        HttpResponse<String> defined = author.put("/api/assessments/" + assessmentId + "/definition", definition);
        assertThat(defined.statusCode()).as(defined.body()).isEqualTo(200);
    }

    private static void post(String path) {
        HttpResponse<String> response = author.post(path, "");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static String published(String kind, String title, String definition) {
        String assessmentId = create(kind, title);
        define(assessmentId, definition);
        post("/api/assessments/" + assessmentId + "/publication");
        return assessmentId;
    }

    private static String query(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void assertNoAnswerKey(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        KEYS.forEach(key -> assertThat(response.body()).doesNotContain(key));
    }

    private static List<String> ids(ServiceHttp caller, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return caller.json(response).findValuesAsString("assessmentId").stream().distinct().toList();
    }

    @Test
    void showsAnswerKeysOnlyToTheAuthor_whenAuthorAndLearnerViewTheQuiz() {
        String assessmentId = published("QUIZ", "Keys " + UUID.randomUUID(), QUIZ);
        // The next version's draft holds the answer keys too.
        define(assessmentId, QUIZ);
        String learnerId = UUID.randomUUID().toString();
        ServiceHttp learner = Authoring.learner(learnerId);

        JsonNode authoring = author.json(author.get("/api/assessments/" + assessmentId));
        assertThat(authoring.path("published").path("definition").path("items").get(0).path("correct").get(0)
                .asString()).isEqualTo("201");
        assertThat(authoring.path("published").path("definition").path("items").get(1).path("answer").doubleValue())
                .isEqualTo(90.0);
        assertThat(authoring.path("draft").path("items").get(1).path("tolerance").doubleValue()).isEqualTo(5.0);

        HttpResponse<String> taking = learner.get("/api/assessments/" + assessmentId);
        assertNoAnswerKey(taking);
        JsonNode items = learner.json(taking).path("published").path("definition").path("items");
        assertThat(items.get(0).path("options").size()).isEqualTo(3);
        assertThat(items.get(0).path("prompt").asString()).isEqualTo("Which status code means created?");
        assertThat(learner.json(taking).path("draft").isNull()).isTrue();
        assertNoAnswerKey(learner.get("/api/assessments?competencyId=" + API_EVOLUTION + "&q="
                + query(learner.json(taking).path("title").asString())));

        HttpResponse<String> started = learner.post("/api/assessments/" + assessmentId + "/attempts", "");
        assertNoAnswerKey(started);
        String attemptId = learner.json(started).path("attemptId").asString();
        assertNoAnswerKey(learner.put("/api/assessments/attempts/" + attemptId + "/responses",
                "{\"responses\":{\"q1\":{\"choices\":[\"201\"]},\"q2\":{\"number\":30}}}"));
        assertNoAnswerKey(learner.get("/api/assessments/attempts/" + attemptId));
        HttpResponse<String> submitted = learner.post("/api/assessments/attempts/" + attemptId + "/submission", "");
        assertNoAnswerKey(submitted);
        assertThat(learner.json(submitted).path("status").asString()).isEqualTo("SCORED");
        assertNoAnswerKey(learner.get("/api/assessments/attempts/" + attemptId));
        assertNoAnswerKey(learner.get("/api/assessments/learners/" + learnerId + "/attempts"));
    }

    @Test
    void filtersPagesAndOrdersNewestFirstAndShowsOnlyPublishedToLearners_whenAssessmentsAreListed() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String draft = create("QUIZ", "Draft quiz " + run);
        String retired = published("QUIZ", "Retired quiz " + run, QUIZ);
        post("/api/assessments/" + retired + "/retirement");
        String rubric = published("RUBRIC", "Design rubric " + run, RUBRIC);
        String special = published("QUIZ", "C++ (intro) [" + run + "]", QUIZ);
        ServiceHttp learner = Authoring.learner(UUID.randomUUID().toString());

        HttpResponse<String> all = author.get("/api/assessments?q=" + run);
        assertThat(ids(author, all)).containsExactly(special, rubric, retired, draft);
        assertThat(all.headers().firstValue("X-Total-Count")).hasValue("4");
        assertThat(ids(author, author.get("/api/assessments?q=" + run.toUpperCase(Locale.ROOT))))
                .containsExactly(special, rubric, retired, draft);
        assertThat(ids(author, author.get("/api/assessments?q=" + run + "&status=DRAFT"))).containsExactly(draft);
        assertThat(ids(author, author.get("/api/assessments?q=" + run + "&status=RETIRED")))
                .containsExactly(retired);
        assertThat(ids(author, author.get("/api/assessments?q=" + run + "&kind=RUBRIC"))).containsExactly(rubric);
        assertThat(ids(author, author.get("/api/assessments?q=" + run + "&kind=QUIZ&competencyId=" + API_EVOLUTION)))
                .containsExactly(special, retired);

        HttpResponse<String> first = author.get("/api/assessments?q=" + run + "&limit=3");
        HttpResponse<String> second = author.get("/api/assessments?q=" + run + "&offset=3&limit=3");
        assertThat(ids(author, first)).containsExactly(special, rubric, retired);
        assertThat(ids(author, second)).containsExactly(draft);
        assertThat(second.headers().firstValue("X-Total-Count")).hasValue("4");

        assertThat(ids(author, author.get("/api/assessments?q=" + query("C++ (intro) [" + run + "]"))))
                .containsExactly(special);
        assertThat(author.get("/api/assessments?q=" + query("C.. (intro)")).headers().firstValue("X-Total-Count"))
                .hasValue("0");

        HttpResponse<String> published = learner.get("/api/assessments?q=" + run);
        assertThat(ids(learner, published)).containsExactly(special, rubric);
        assertThat(published.headers().firstValue("X-Total-Count")).hasValue("2");
        assertNoAnswerKey(published);
        assertThat(learner.get("/api/assessments/" + draft).statusCode()).isEqualTo(404);
        assertThat(learner.get("/api/assessments/" + retired).statusCode()).isEqualTo(200);

        HttpResponse<String> refused = learner.get("/api/assessments?q=" + run + "&status=DRAFT");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(learner.json(refused).path("type").asString()).isEqualTo("/problems/forbidden");
        HttpResponse<String> control = learner.get("/api/assessments?q=a%00b");
        assertThat(control.statusCode()).isEqualTo(400);
        assertThat(learner.json(control).path("errors").get(0).path("field").asString()).isEqualTo("q");
        HttpResponse<String> tooMany = learner.get("/api/assessments?limit=201");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(learner.json(tooMany).path("errors").get(0).path("field").asString()).isEqualTo("limit");
    }
}
