package dev.competency.assessments.xapi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StatementValidatorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final StatementValidator validator = new StatementValidator();

    static final String ACTOR = "{\"mbox\":\"mailto:amara@example.com\",\"name\":\"Amara\"}";
    static final String VERB = "{\"id\":\"http://adlnet.gov/expapi/verbs/passed\",\"display\":{\"en-US\":\"passed\"}}";
    static final String ACTIVITY = "{\"id\":\"https://content.example.com/sims/api-design\"}";

    static String statement(String actor, String verb, String object, String extra) {
        return "{\"actor\":" + actor + ",\"verb\":" + verb + ",\"object\":" + object
                + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    static String with(String extra) {
        return statement(ACTOR, VERB, ACTIVITY, extra);
    }

    static Stream<Arguments> validStatements() {
        return Stream.of(
                Arguments.of("minimal", with("")),
                Arguments.of("with id, timestamp and full result", with("\"id\":\"7c2f7a2e-4f41-4b1a-9c59-6f3a1b2c3d4e\","
                        + "\"timestamp\":\"2026-11-28T10:15:30.120+01:00\",\"result\":{\"score\":{\"scaled\":0.8,"
                        + "\"raw\":8,\"min\":0,\"max\":10},\"success\":true,\"completion\":true,\"response\":\"b\","
                        + "\"duration\":\"PT1H30M4.5S\",\"extensions\":{\"https://ext.example.com/x\":null}}")),
                Arguments.of("account actor", statement("{\"objectType\":\"Agent\",\"account\":{\"homePage\":"
                        + "\"https://lms.example.com\",\"name\":\"a-123\"}}", VERB, ACTIVITY, "")),
                Arguments.of("anonymous group actor", statement("{\"objectType\":\"Group\",\"member\":[" + ACTOR
                        + ",{\"openid\":\"https://id.example.com/b\"}]}", VERB, ACTIVITY, "")),
                Arguments.of("identified group without members", statement("{\"objectType\":\"Group\","
                        + "\"mbox_sha1sum\":\"" + "a".repeat(40) + "\"}", VERB, ACTIVITY, "")),
                Arguments.of("choice interaction", statement(ACTOR, VERB, "{\"objectType\":\"Activity\",\"id\":"
                        + "\"https://content.example.com/q1\",\"definition\":{\"name\":{\"en\":\"Q1\",\"de-DE\":\"F1\"},"
                        + "\"type\":\"http://adlnet.gov/expapi/activities/cmi.interaction\",\"interactionType\":"
                        + "\"choice\",\"correctResponsesPattern\":[\"a\"],\"choices\":[{\"id\":\"a\",\"description\":"
                        + "{\"en\":\"A\"}},{\"id\":\"b\"}]}}", "")),
                Arguments.of("voiding statement", statement(ACTOR, "{\"id\":\"" + StatementValidator.VOIDED_VERB
                        + "\"}", "{\"objectType\":\"StatementRef\",\"id\":\"7c2f7a2e-4f41-4b1a-9c59-6f3a1b2c3d4e\"}", "")),
                Arguments.of("sub-statement", statement(ACTOR, VERB, "{\"objectType\":\"SubStatement\",\"actor\":"
                        + ACTOR + ",\"verb\":" + VERB + ",\"object\":" + ACTIVITY + "}", "")),
                Arguments.of("full context", with("\"context\":{\"registration\":\"7c2f7a2e-4f41-4b1a-9c59-"
                        + "6f3a1b2c3d4e\",\"instructor\":" + ACTOR + ",\"team\":{\"objectType\":\"Group\",\"member\":["
                        + ACTOR + "]},\"contextActivities\":{\"parent\":" + ACTIVITY + ",\"grouping\":[" + ACTIVITY
                        + "]},\"revision\":\"2\",\"platform\":\"web\",\"language\":\"en-GB\",\"statement\":"
                        + "{\"objectType\":\"StatementRef\",\"id\":\"7c2f7a2e-4f41-4b1a-9c59-6f3a1b2c3d4e\"},"
                        + "\"contextAgents\":[{\"objectType\":\"contextAgent\",\"agent\":" + ACTOR
                        + ",\"relevantTypes\":[\"https://types.example.com/coach\"]}]}")),
                Arguments.of("attachment by URL", with("\"attachments\":[{\"usageType\":\"http://id.tincanapi.com/"
                        + "attachment/certificate\",\"display\":{\"en\":\"Certificate\"},\"contentType\":"
                        + "\"application/pdf\",\"length\":1024,\"sha2\":\"" + "b".repeat(64) + "\",\"fileUrl\":"
                        + "\"https://files.example.com/c.pdf\"}]")),
                Arguments.of("1.0 version given", with("\"version\":\"1.0.3\"")),
                Arguments.of("timestamp without offset", with("\"timestamp\":\"2026-11-28T10:15:30\"")),
                Arguments.of("empty activity definition", statement(ACTOR, VERB,
                        "{\"id\":\"https://content.example.com/q1\",\"definition\":{}}", "")),
                Arguments.of("empty result and context", with("\"result\":{},\"context\":{}")),
                Arguments.of("duration in weeks", with("\"result\":{\"duration\":\"P4W\"}")),
                Arguments.of("authority agent", with("\"authority\":{\"objectType\":\"Agent\",\"account\":"
                        + "{\"homePage\":\"https://lrs.example.com\",\"name\":\"client-1\"}}")),
                Arguments.of("authority of an application and a user", with("\"authority\":{\"objectType\":"
                        + "\"Group\",\"member\":[{\"account\":{\"homePage\":\"https://lrs.example.com/token\","
                        + "\"name\":\"app-1\"}}," + ACTOR + "]}")));
    }

    static Stream<Arguments> malformedStatements() {
        return Stream.of(
                Arguments.of("not an object", "[1]", "statement", "must be a statement"),
                Arguments.of("actor missing", "{\"verb\":" + VERB + ",\"object\":" + ACTIVITY + "}", "actor",
                        "is required"),
                Arguments.of("verb missing", "{\"actor\":" + ACTOR + ",\"object\":" + ACTIVITY + "}", "verb",
                        "is required"),
                Arguments.of("object missing", "{\"actor\":" + ACTOR + ",\"verb\":" + VERB + "}", "object",
                        "is required"),
                Arguments.of("mbox not mailto", statement("{\"mbox\":\"amara@example.com\"}", VERB, ACTIVITY, ""),
                        "actor.mbox", "must be a mailto IRI"),
                Arguments.of("agent with two identifiers", statement("{\"mbox\":\"mailto:a@example.com\","
                        + "\"openid\":\"https://id.example.com/a\"}", VERB, ACTIVITY, ""), "actor",
                        "exactly one identifier"),
                Arguments.of("agent without identifier", statement("{\"name\":\"Amara\"}", VERB, ACTIVITY, ""),
                        "actor", "exactly one of mbox"),
                Arguments.of("bad sha1", statement("{\"mbox_sha1sum\":\"xyz\"}", VERB, ACTIVITY, ""),
                        "actor.mbox_sha1sum", "SHA-1"),
                Arguments.of("account without homePage", statement("{\"account\":{\"name\":\"a\"}}", VERB,
                        ACTIVITY, ""), "actor.account.homePage", "is required"),
                Arguments.of("account homePage not an IRL", statement("{\"account\":{\"homePage\":\"lms\","
                        + "\"name\":\"a\"}}", VERB, ACTIVITY, ""), "actor.account.homePage", "IRL"),
                Arguments.of("anonymous group without members", statement("{\"objectType\":\"Group\"}", VERB,
                        ACTIVITY, ""), "actor.member", "anonymous Group"),
                Arguments.of("group as group member", statement("{\"objectType\":\"Group\",\"member\":["
                        + "{\"objectType\":\"Group\",\"mbox\":\"mailto:g@example.com\"}]}", VERB, ACTIVITY, ""),
                        "actor.member[0]", "must be an Agent"),
                Arguments.of("unknown actor objectType", statement("{\"objectType\":\"Person\",\"mbox\":"
                        + "\"mailto:a@example.com\"}", VERB, ACTIVITY, ""), "actor.objectType", "Agent or Group"),
                Arguments.of("verb id not an IRI", statement(ACTOR, "{\"id\":\"passed\"}", ACTIVITY, ""),
                        "verb.id", "IRI"),
                Arguments.of("verb display not a language map", statement(ACTOR, "{\"id\":\"http://adlnet.gov/"
                        + "expapi/verbs/passed\",\"display\":\"passed\"}", ACTIVITY, ""), "verb.display",
                        "language map"),
                Arguments.of("bad language tag", statement(ACTOR, "{\"id\":\"http://adlnet.gov/expapi/verbs/"
                        + "passed\",\"display\":{\"english language\":\"passed\"}}", ACTIVITY, ""), "verb.display",
                        "language tag"),
                Arguments.of("activity without id", statement(ACTOR, VERB, "{\"objectType\":\"Activity\"}", ""),
                        "object.id", "is required"),
                Arguments.of("activity id with spaces", statement(ACTOR, VERB, "{\"id\":\"not an iri\"}", ""),
                        "object.id", "IRI"),
                Arguments.of("unknown object type", statement(ACTOR, VERB, "{\"objectType\":\"Thing\",\"id\":"
                        + "\"https://x.example.com\"}", ""), "object.objectType", "must be one of"),
                Arguments.of("statement ref with bad id", statement(ACTOR, VERB, "{\"objectType\":\"StatementRef\","
                        + "\"id\":\"123\"}", ""), "object.id", "UUID"),
                Arguments.of("nested sub-statement", statement(ACTOR, VERB, "{\"objectType\":\"SubStatement\","
                        + "\"actor\":" + ACTOR + ",\"verb\":" + VERB + ",\"object\":{\"objectType\":\"SubStatement\","
                        + "\"actor\":" + ACTOR + ",\"verb\":" + VERB + ",\"object\":" + ACTIVITY + "}}", ""),
                        "object.object", "must not contain a SubStatement"),
                Arguments.of("sub-statement with id", statement(ACTOR, VERB, "{\"objectType\":\"SubStatement\","
                        + "\"id\":\"7c2f7a2e-4f41-4b1a-9c59-6f3a1b2c3d4e\",\"actor\":" + ACTOR + ",\"verb\":" + VERB
                        + ",\"object\":" + ACTIVITY + "}", ""), "object.id", "is not a property of a SubStatement"),
                Arguments.of("interaction type unknown", statement(ACTOR, VERB, "{\"id\":\"https://q.example.com\","
                        + "\"definition\":{\"interactionType\":\"essay\"}}", ""),
                        "object.definition.interactionType", "must be one of"),
                Arguments.of("choices with likert", statement(ACTOR, VERB, "{\"id\":\"https://q.example.com\","
                        + "\"definition\":{\"interactionType\":\"likert\",\"choices\":[{\"id\":\"a\"}]}}", ""),
                        "object.definition.choices", "not allowed with interactionType likert"),
                Arguments.of("duplicate choice ids", statement(ACTOR, VERB, "{\"id\":\"https://q.example.com\","
                        + "\"definition\":{\"interactionType\":\"choice\",\"choices\":[{\"id\":\"a\"},{\"id\":\"a\"}]}}",
                        ""), "object.definition.choices[1].id", "unique"),
                Arguments.of("extension key not an IRI", statement(ACTOR, VERB, "{\"id\":\"https://q.example.com\","
                        + "\"definition\":{\"extensions\":{\"level\":3}}}", ""), "object.definition.extensions",
                        "must be an IRI"),
                Arguments.of("id not a UUID", with("\"id\":\"statement-1\""), "id", "UUID"),
                Arguments.of("timestamp not ISO 8601", with("\"timestamp\":\"28/11/2026 10:00\""), "timestamp",
                        "ISO 8601"),
                Arguments.of("timestamp with negative zero offset", with("\"timestamp\":\"2026-11-28T10:00:00-00:00\""),
                        "timestamp", "negative zero"),
                Arguments.of("timestamp impossible date", with("\"timestamp\":\"2026-02-30T10:00:00Z\""), "timestamp",
                        "not a valid date"),
                Arguments.of("scaled score above 1", with("\"result\":{\"score\":{\"scaled\":1.5}}"),
                        "result.score.scaled", "between -1 and 1"),
                Arguments.of("raw above max", with("\"result\":{\"score\":{\"raw\":11,\"min\":0,\"max\":10}}"),
                        "result.score.raw", "greater than max"),
                Arguments.of("min not below max", with("\"result\":{\"score\":{\"min\":5,\"max\":5}}"),
                        "result.score.min", "less than max"),
                Arguments.of("score not a number", with("\"result\":{\"score\":{\"scaled\":\"0.5\"}}"),
                        "result.score.scaled", "must be a number"),
                Arguments.of("success not boolean", with("\"result\":{\"success\":\"yes\"}"), "result.success",
                        "true or false"),
                Arguments.of("duration not ISO 8601", with("\"result\":{\"duration\":\"90 minutes\"}"),
                        "result.duration", "ISO 8601 duration"),
                Arguments.of("empty duration", with("\"result\":{\"duration\":\"PT\"}"), "result.duration",
                        "ISO 8601 duration"),
                Arguments.of("registration not a UUID", with("\"context\":{\"registration\":\"r-1\"}"),
                        "context.registration", "UUID"),
                Arguments.of("revision on agent object", statement(ACTOR, VERB, "{\"objectType\":\"Agent\",\"mbox\":"
                        + "\"mailto:b@example.com\"}", "\"context\":{\"revision\":"
                        + "\"2\"}"), "context.revision", "only be used when the statement's object is an Activity"),
                Arguments.of("platform on statement ref", statement(ACTOR, VERB, "{\"objectType\":\"StatementRef\","
                        + "\"id\":\"7c2f7a2e-4f41-4b1a-9c59-6f3a1b2c3d4e\"}", "\"context\":{\"platform\":\"web\"}"),
                        "context.platform", "only be used"),
                Arguments.of("team is an agent", with("\"context\":{\"team\":" + ACTOR + "}"), "context.team",
                        "must be a Group"),
                Arguments.of("unknown context activity key", with("\"context\":{\"contextActivities\":{\"sibling\":"
                        + ACTIVITY + "}}"), "context.contextActivities.sibling", "is not a property"),
                Arguments.of("bad context language", with("\"context\":{\"language\":\"english (UK)\"}"),
                        "context.language", "language tag"),
                Arguments.of("unknown top-level property", with("\"score\":1"), "score", "is not a property"),
                Arguments.of("null value", with("\"result\":{\"response\":null}"), "result.response",
                        "must not be null"),
                Arguments.of("weeks with days", with("\"result\":{\"duration\":\"P4W1D\"}"), "result.duration",
                        "ISO 8601 duration"),
                Arguments.of("authority group of one", with("\"authority\":{\"objectType\":\"Group\",\"member\":["
                        + ACTOR + "]}"), "authority.member", "exactly two Agents"),
                Arguments.of("authority group of three", with("\"authority\":{\"objectType\":\"Group\",\"member\":["
                        + ACTOR + ",{\"mbox\":\"mailto:b@example.com\"},{\"mbox\":\"mailto:c@example.com\"}]}"),
                        "authority.member", "exactly two Agents"),
                Arguments.of("authority identified group", with("\"authority\":{\"objectType\":\"Group\","
                        + "\"mbox\":\"mailto:team@example.com\",\"member\":[" + ACTOR
                        + ",{\"mbox\":\"mailto:b@example.com\"}]}"), "authority", "anonymous Group"),
                Arguments.of("authority identified group without members", with("\"authority\":{\"objectType\":"
                        + "\"Group\",\"openid\":\"https://id.example.com/team\"}"), "authority", "anonymous Group"),
                Arguments.of("voided verb on activity", statement(ACTOR, "{\"id\":\"" + StatementValidator.VOIDED_VERB
                        + "\"}", ACTIVITY, ""), "object", "must be a StatementRef"),
                Arguments.of("unsupported version", with("\"version\":\"0.95\""), "version", "1.0.x or 2.0.x"),
                Arguments.of("attachment fileUrl not an IRL", with("\"attachments\":[{\"usageType\":\"http://id."
                        + "tincanapi.com/attachment/certificate\",\"display\":{\"en\":\"C\"},\"contentType\":"
                        + "\"application/pdf\",\"length\":1,\"sha2\":\"" + "b".repeat(64) + "\",\"fileUrl\":\"c.pdf\"}]"),
                        "attachments[0].fileUrl", "must be an IRL"),
                Arguments.of("context agent without objectType", with("\"context\":{\"contextAgents\":[{\"agent\":"
                        + ACTOR + "}]}"), "context.contextAgents[0].objectType", "must be contextAgent"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validStatements")
    void acceptsStatement_whenItFollowsTheSpecification(String name, String statement) {
        assertThat(validator.validate(JSON.readTree(statement), "")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedStatements")
    void rejectsStatementNamingPathAndMessage_whenItIsMalformed(String name, String statement, String path,
                                                                String message) {
        List<StatementProblem> problems = validator.validate(JSON.readTree(statement), "");

        assertThat(problems).as(problems.toString())
                .anySatisfy(problem -> {
                    assertThat(problem.path()).isEqualTo(path);
                    assertThat(problem.message()).contains(message);
                });
    }

    @Test
    void reportsEveryProblem_whenStatementHasSeveral() {
        JsonNode statement = JSON.readTree(statement("{\"mbox\":\"amara@example.com\"}", "{\"id\":\"passed\"}",
                ACTIVITY, "\"timestamp\":\"yesterday\",\"result\":{\"score\":{\"scaled\":2}}"));

        assertThat(validator.validate(statement, "")).extracting(StatementProblem::path)
                .containsExactlyInAnyOrder("actor.mbox", "verb.id", "timestamp", "result.score.scaled");
    }

    @Test
    void prefixesPaths_whenStatementIsPartOfABatch() {
        JsonNode statement = JSON.readTree(statement("{\"mbox\":\"amara@example.com\"}", VERB, ACTIVITY, ""));

        assertThat(validator.validate(statement, "[3]")).extracting(StatementProblem::toString)
                .containsExactly("[3].actor.mbox: must be a mailto IRI such as mailto:someone@example.com");
    }
}
