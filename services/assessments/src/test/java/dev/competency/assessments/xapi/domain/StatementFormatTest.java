package dev.competency.assessments.xapi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StatementFormatTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void reducesActivitiesToTheirId_whenFormatIsIds() {
        JsonNode statement = JSON.readTree("""
                {"actor":{"objectType":"Agent","name":"Amara","mbox":"mailto:amara@example.com"},
                 "verb":{"id":"http://adlnet.gov/expapi/verbs/passed","display":{"en-US":"passed"}},
                 "object":{"objectType":"Activity","id":"https://content.example.com/q1",
                           "definition":{"name":{"en":"Q1"}}},
                 "context":{"contextActivities":{"parent":[{"objectType":"Activity","id":"https://content.example.com/c",
                            "definition":{"name":{"en":"Course"}}}]}}}""");

        JsonNode ids = StatementFormat.IDS.apply(statement, List.of());

        assertThat(ids.path("object").propertyNames()).containsExactly("id");
        assertThat(ids.path("context").path("contextActivities").path("parent").get(0).propertyNames())
                .containsExactly("id");
        assertThat(ids.path("verb").propertyNames()).containsExactly("id");
        assertThat(ids.path("actor").has("name")).isFalse();
        assertThat(statement.path("object").has("definition")).isTrue();
    }

    @Test
    void wrapsSingleContextActivitiesInArrays_whenStatementIsNormalised() {
        JsonNode statement = JSON.readTree("""
                {"object":{"objectType":"SubStatement","context":{"contextActivities":{"other":{"id":"https://a.example.com/o"}}}},
                 "context":{"contextActivities":{"parent":{"id":"https://a.example.com/p"},
                                                 "grouping":[{"id":"https://a.example.com/g"}]}}}""");

        JsonNode normal = StatementNormalForm.of(statement);

        JsonNode contextActivities = normal.path("context").path("contextActivities");
        assertThat(contextActivities.path("parent").isArray()).isTrue();
        assertThat(contextActivities.path("parent").get(0).path("id").asString()).isEqualTo("https://a.example.com/p");
        assertThat(contextActivities.path("grouping")).hasSize(1);
        assertThat(normal.path("object").path("context").path("contextActivities").path("other").isArray()).isTrue();
        assertThat(statement.path("context").path("contextActivities").path("parent").isObject()).isTrue();
        assertThat(StatementNormalForm.of(normal)).isSameAs(normal);
    }
}
