package dev.competency.assessments.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.platform.test.ServiceHttp;
import dev.competency.platform.test.TestTokens;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** Publishes assessments through the API of the shared service, and the tokens of the people who take them. */
public final class Authoring {

    /** Two competencies of the contract example framework. */
    public static final String API_DESIGN = "f82522b5-8a39-49ed-8fc9-acfef26216d4";
    public static final String API_EVOLUTION = "0c53df7e-a725-4159-a5c7-c0c3a46ec709";

    private Authoring() {
    }

    public static ServiceHttp author() {
        return SharedService.http().bearer(TestTokens.token("author-1", "AUTHOR"));
    }

    public static ServiceHttp learner(String learnerId) {
        return SharedService.http().bearer(TestTokens.token(learnerId, Map.of("roles", List.of("LEARNER"))));
    }

    public static ServiceHttp assessor(String subject, String unit) {
        return SharedService.http().bearer(TestTokens.token(subject, Map.of("roles", List.of("ASSESSOR"),
                "org_unit", unit)));
    }

    public static ServiceHttp admin() {
        return SharedService.http().bearer(TestTokens.token("admin-1", "ADMIN"));
    }

    /** Creates, defines and publishes an assessment; returns its id. */
    public static String published(FrameworkPublished framework, String kind, String definition) {
        ServiceHttp author = author();
        HttpResponse<String> created = author.post("/api/assessments", "{\"kind\":\"" + kind + "\",\"title\":\""
                + kind + " on API design\",\"frameworkId\":\"" + framework.frameworkId() + "\",\"frameworkVersion\":"
                + framework.version() + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String assessmentId = author.json(created).path("assessmentId").asString();
        HttpResponse<String> defined = author.put("/api/assessments/" + assessmentId + "/definition", definition);
        assertThat(defined.statusCode()).as(defined.body()).isEqualTo(200);
        HttpResponse<String> published = author.post("/api/assessments/" + assessmentId + "/publication", "");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        return assessmentId;
    }

    /** A criterion with the levels NONE (0), SOME (2) and FULL (4). */
    public static String criterion(String id, String competencyId) {
        return "{\"criterionId\":\"" + id + "\",\"title\":\"" + id + "\",\"competencyId\":\"" + competencyId
                + "\",\"levels\":[{\"code\":\"NONE\",\"label\":\"None\",\"score\":0},{\"code\":\"SOME\",\"label\":"
                + "\"Some\",\"score\":2},{\"code\":\"FULL\",\"label\":\"Full\",\"score\":4}]}";
    }
}
