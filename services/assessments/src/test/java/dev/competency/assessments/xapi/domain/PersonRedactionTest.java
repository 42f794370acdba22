package dev.competency.assessments.xapi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.contracts.learners.MailboxHash;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PersonRedactionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOME = "https://learners.example.com";
    private static final PersonRedaction ERIN = PersonRedaction.of(HOME, "learner-7",
            Set.of(MailboxHash.ofAddress("erin@example.com")));
    private static final JsonNode PSEUDONYM = JSON.readTree("""
            {"objectType":"Agent","account":{"homePage":"https://learners.example.com","name":"learner-7"}}""");

    @Test
    void replacesLearnerWhereverAgentsAppear_whenStatementNamesThemByAddress() {
        JsonNode statement = JSON.readTree("""
                {"id":"6690e6c9-3ef0-4ed3-8b37-7f3964730bee",
                 "actor":{"objectType":"Agent","name":"Tom Tutor","mbox":"mailto:tom@example.com"},
                 "verb":{"id":"http://adlnet.gov/expapi/verbs/asked"},
                 "object":{"objectType":"SubStatement",
                           "actor":{"name":"Erin","mbox":"mailto:ERIN@example.com"},
                           "verb":{"id":"http://adlnet.gov/expapi/verbs/answered"},
                           "object":{"objectType":"Agent","mbox_sha1sum":"%s"},
                           "context":{"instructor":{"name":"Erin","mbox":"mailto:erin@example.com"}}},
                 "result":{"success":true},
                 "context":{"team":{"objectType":"Group","name":"Team",
                                    "member":[{"name":"Erin","mbox":"mailto:erin@example.com"},
                                              {"name":"Olav","mbox":"mailto:olav@example.com"}]},
                            "contextAgents":[{"objectType":"contextAgent","agent":{"name":"Erin","mbox":"mailto:erin@example.com"}}],
                            "contextGroups":[{"objectType":"contextGroup","group":{"objectType":"Group",
                                    "member":[{"mbox":"mailto:erin@example.com"}]}}]},
                 "authority":{"objectType":"Agent","account":{"homePage":"https://lrs.example.com","name":"client"}},
                 "timestamp":"2026-11-23T10:15:00Z"}"""
                .formatted(MailboxHash.ofAddress("erin@example.com")));

        JsonNode redacted = ERIN.redact(statement);

        assertThat(redacted.toString()).doesNotContainIgnoringCase("erin@example.com").doesNotContain("\"Erin\"")
                .doesNotContain(MailboxHash.ofAddress("erin@example.com"));
        JsonNode sub = redacted.path("object");
        assertThat(sub.path("actor")).isEqualTo(PSEUDONYM);
        assertThat(sub.path("object")).isEqualTo(PSEUDONYM);
        assertThat(sub.path("context").path("instructor")).isEqualTo(PSEUDONYM);
        assertThat(redacted.path("context").path("team").path("member").get(0)).isEqualTo(PSEUDONYM);
        assertThat(redacted.path("context").path("team").path("member").get(1))
                .isEqualTo(statement.path("context").path("team").path("member").get(1));
        assertThat(redacted.path("context").path("contextAgents").get(0).path("agent")).isEqualTo(PSEUDONYM);
        assertThat(redacted.path("context").path("contextGroups").get(0).path("group").path("member").get(0))
                .isEqualTo(PSEUDONYM);
        assertThat(redacted.path("actor")).isEqualTo(statement.path("actor"));
        for (String kept : new String[] {"id", "verb", "result", "authority", "timestamp"}) {
            assertThat(redacted.path(kept)).as(kept).isEqualTo(statement.path(kept));
        }
        assertThat(ERIN.redact(redacted)).as("redacted again").isEqualTo(redacted);
        assertThat(statement.path("object").path("actor").path("name").asString()).as("the input").isEqualTo("Erin");
    }

    @Test
    void replacesActorByOpenid_whenIdentifierIsKnownToBeTheLearners() {
        JsonNode statement = JSON.readTree("""
                {"actor":{"name":"Erin","openid":"https://id.example.com/erin"},
                 "verb":{"id":"http://adlnet.gov/expapi/verbs/passed"},"object":{"id":"https://content.example.com/q"}}""");

        assertThat(ERIN.redact(statement).path("actor")).as("not known").isEqualTo(statement.path("actor"));
        assertThat(ERIN.with(Set.of("openid:https://id.example.com/erin")).redact(statement).path("actor"))
                .isEqualTo(PSEUDONYM);
    }

    @Test
    void leavesStatementAlone_whenItNamesSomeoneElse() {
        JsonNode statement = JSON.readTree("""
                {"actor":{"name":"Olav","mbox":"mailto:olav@example.com"},
                 "verb":{"id":"http://adlnet.gov/expapi/verbs/passed"},
                 "object":{"objectType":"Agent","account":{"homePage":"https://learners.example.com","name":"learner-8"}}}""");

        assertThat(ERIN.redact(statement)).isEqualTo(statement);
    }
}
