package dev.competency.learners.learner.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.competency.learners.access.LearnerAccessPolicy;
import dev.competency.learners.learner.Examples;
import dev.competency.learners.learner.domain.ChangeTeam;
import dev.competency.learners.learner.domain.EvidenceItem;
import dev.competency.learners.learner.domain.LearnerAlreadyRegistered;
import dev.competency.learners.learner.domain.RegisterLearner;
import dev.competency.learners.learner.query.CurrentMastery;
import dev.competency.learners.learner.query.EvidenceTimeline;
import dev.competency.learners.learner.query.GapAnalysis;
import dev.competency.learners.learner.query.LearnerProfiles;
import dev.competency.learners.learner.query.MasteryQueries;
import dev.competency.learners.mastery.Evidence;
import dev.competency.learners.mastery.MasteryFold;
import dev.competency.learners.mastery.MasteryMethod;
import dev.competency.learners.mastery.MasteryPolicy;
import dev.competency.learners.mastery.MasteryRollup;
import dev.competency.learners.mastery.ProficiencyLevel;
import dev.competency.learners.mastery.ProficiencyScale;
import dev.competency.learners.mastery.RollupPolicy;
import dev.competency.learners.mastery.SourceType;
import dev.competency.platform.service.axon.ReadModelBehind;
import dev.competency.platform.service.axon.ReadYourWrites;
import dev.competency.platform.test.TestTokens;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(controllers = {LearnerController.class, CalculatorController.class})
@Import({LearnerAccessPolicy.class, LearnerControllerTest.FixedClock.class})
class LearnerControllerTest {

    private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");
    private static final String COMPETENCY = "competency-1";
    private static final ProficiencyScale SCALE = ProficiencyScale.of(
            new ProficiencyLevel("NOVICE", "Novice", 0.0, false),
            new ProficiencyLevel("PROFICIENT", "Proficient", 0.75, true));

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private CommandGateway commands;
    @MockitoBean
    private LearnerProfiles profiles;
    @MockitoBean
    private CurrentMastery currentMastery;
    @MockitoBean
    private EvidenceTimeline timeline;
    @MockitoBean
    private MasteryQueries mastery;
    @MockitoBean
    private GapAnalysis gaps;
    @MockitoBean
    private ReadYourWrites readYourWrites;

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @BeforeEach
    void learnerInTeamOne() {
        given(readYourWrites.afterWrite(any())).willAnswer(call -> call.<Supplier<?>>getArgument(0).get());
        given(profiles.find("learner-1")).willReturn(Optional.of(new LearnerProfiles.Profile("learner-1", "Ada", null,
                "ENG", NOW, "role-1", null, "team-1", "manager-1")));
        Evidence evidence = new Evidence("e1", COMPETENCY, 0.8, SourceType.ASSESSMENT, "scorer",
                Instant.parse("2025-03-10T10:00:00Z"), Instant.parse("2025-03-10T10:00:01Z"));
        given(mastery.masteryOf(eq("learner-1"), any(), any())).willReturn(List.of(
                new MasteryQueries.CompetencyMastery(COMPETENCY, "framework-1", 3, MasteryFold.fold(COMPETENCY,
                        MasteryPolicy.of(1, MasteryMethod.highest(), SCALE), List.of(evidence), NOW), null)));
        given(mastery.masteryOf(eq("learner-1"), eq(COMPETENCY), any(), any())).willReturn(Optional.empty());
    }

    @Test
    void returnsMasteryWithExplanation_whenLearnerReadsOwnRecord() throws Exception {
        mvc.perform(get("/api/learners/learner-1/mastery").header("Authorization", bearer("learner-1", "LEARNER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].level").value("PROFICIENT"))
                .andExpect(jsonPath("$[0].method").value("HIGHEST"))
                .andExpect(jsonPath("$[0].explanation.contributions[0].evidenceId").value("e1"))
                .andExpect(jsonPath("$[0].explanation.contributions[0].occurredAt").value("2025-03-10T10:00:00Z"))
                .andExpect(jsonPath("$[0].explanation.contributions[0].rawScore").value(0.8))
                .andExpect(jsonPath("$[0].explanation.contributions[0].effectiveWeight").value(1.0))
                .andExpect(jsonPath("$[0].explanation.omittedContributions").value(0))
                .andExpect(jsonPath("$[0].explanation.omittedExclusions").value(0));
    }

    @Test
    void answersGapsWithoutTheFramework_whenLearnerReadsOwnGaps() throws Exception {
        given(gaps.gaps(eq("learner-1"), any())).willReturn(new GapAnalysis.GapReport("learner-1", "role-1", 2,
                "Backend engineer", 0.5, List.of(new GapAnalysis.Requirement(COMPETENCY, "C1", "Design",
                        "PROFICIENT", "NOVICE", 1, 1.0, false, false)), Examples.framework()));

        mvc.perform(get("/api/learners/learner-1/gaps").header("Authorization", bearer("learner-1", "LEARNER")))
                .andExpect(status().isOk())
                .andExpect(content().string("{\"learnerId\":\"learner-1\",\"roleProfileId\":\"role-1\","
                        + "\"roleProfileVersion\":2,\"roleTitle\":\"Backend engineer\",\"readiness\":0.5,"
                        + "\"requirements\":[{\"competencyId\":\"competency-1\",\"code\":\"C1\","
                        + "\"title\":\"Design\",\"targetLevel\":\"PROFICIENT\",\"currentLevel\":\"NOVICE\","
                        + "\"gap\":1,\"weight\":1.0,\"met\":false,\"mastered\":false}]}"));
    }

    @Test
    void showsNewestExplanationItemsAndCountsTheRest_whenHistoryExceedsTheCap() throws Exception {
        List<Evidence> history = new ArrayList<>();
        for (int i = 0; i < ExplanationView.MAX_ITEMS + 50; i++) {
            history.add(new Evidence("e" + i, COMPETENCY, i == 7 ? 0.9 : 0.5, SourceType.ASSESSMENT, "scorer",
                    Instant.parse("2025-03-10T10:00:00.123456789Z").plusSeconds(i), NOW));
        }
        given(mastery.masteryOf(eq("learner-1"), eq(COMPETENCY), any(), any())).willReturn(Optional.of(
                new MasteryQueries.CompetencyMastery(COMPETENCY, "framework-1", 3, MasteryFold.fold(COMPETENCY,
                        MasteryPolicy.of(1, MasteryMethod.highest(), SCALE), history, NOW), null)));

        mvc.perform(get("/api/learners/learner-1/mastery/" + COMPETENCY)
                        .header("Authorization", bearer("learner-1", "LEARNER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.evidenceCount").value(ExplanationView.MAX_ITEMS + 50))
                // The highest score, older than the newest items, comes first; then the newest, in fold order.
                .andExpect(jsonPath("$.explanation.contributions.length()").value(ExplanationView.MAX_ITEMS + 1))
                .andExpect(jsonPath("$.explanation.contributions[0].evidenceId").value("e7"))
                .andExpect(jsonPath("$.explanation.contributions[0].occurredAt").value("2025-03-10T10:00:07.123456789Z"))
                .andExpect(jsonPath("$.explanation.contributions[1].evidenceId").value("e50"))
                .andExpect(jsonPath("$.explanation.contributions[100].evidenceId").value("e149"))
                .andExpect(jsonPath("$.explanation.omittedContributions").value(49))
                .andExpect(jsonPath("$.explanation.omittedExclusions").value(0));
    }

    @Test
    void showsTheParentWithItsChildren_whenItIsRolledUp() throws Exception {
        given(mastery.masteryOf(eq("learner-1"), any(), any())).willReturn(List.of(new MasteryQueries.CompetencyMastery(
                "parent", "framework-1", 3, null, MasteryRollup.rollUp("parent",
                        new RollupPolicy.AllChildren(List.of(COMPETENCY)), SCALE, List.of(MasteryFold.fold(COMPETENCY,
                                MasteryPolicy.of(1, MasteryMethod.highest(), SCALE), List.of(new Evidence("e1",
                                        COMPETENCY, 0.9, SourceType.ASSESSMENT, "assessor", NOW, NOW)), NOW))))));

        mvc.perform(get("/api/learners/learner-1/mastery").header("Authorization", bearer("learner-1", "LEARNER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].competencyId").value("parent"))
                .andExpect(jsonPath("$[0].method").value("ROLL_UP(ALL_CHILDREN)"))
                .andExpect(jsonPath("$[0].mastered").value(true))
                .andExpect(jsonPath("$[0].rollup.rule").value("ALL_CHILDREN"))
                .andExpect(jsonPath("$[0].rollup.children[0].competencyId").value(COMPETENCY));
    }

    @Test
    void pagesEvidenceTimeline_withTotalAndNextLink() throws Exception {
        List<EvidenceTimeline.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            entries.add(new EvidenceTimeline.Entry(new EvidenceItem("e" + i, COMPETENCY, "framework-1", 3, 0.5,
                    SourceType.ASSESSMENT, "assessor", NOW, NOW, null), null, null));
        }
        given(timeline.of("learner-1")).willReturn(entries);

        mvc.perform(get("/api/learners/learner-1/evidence?offset=2&limit=2")
                        .header("Authorization", bearer("learner-1", "LEARNER")))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", "5"))
                .andExpect(header().string("Link", "</api/learners/learner-1/evidence?offset=4&limit=2>; rel=\"next\""))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].evidence.evidenceId").value("e2"))
                .andExpect(jsonPath("$[0].forFold").doesNotExist());
        mvc.perform(get("/api/learners/learner-1/evidence?offset=4&limit=2")
                        .header("Authorization", bearer("learner-1", "LEARNER")))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Link"))
                .andExpect(jsonPath("$[0].evidence.evidenceId").value("e4"));
    }

    @Test
    void rejectsWith400_whenPageLimitIsOutOfRange() throws Exception {
        mvc.perform(get("/api/learners/learner-1/evidence?limit=0").header("Authorization", bearer("learner-1", "LEARNER")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("limit must be between 1 and 1000 but was 0"));
    }

    @Test
    void rejectsWith403_whenLearnerReadsAnotherLearner() throws Exception {
        mvc.perform(get("/api/learners/learner-1/mastery").header("Authorization", bearer("learner-2", "LEARNER")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/forbidden"));
    }

    @Test
    void allowsManager_whenLearnerIsInManagedTeam() throws Exception {
        mvc.perform(get("/api/learners/learner-1/mastery").header("Authorization",
                        "Bearer " + TestTokens.token("manager-1", Map.of("roles", List.of("MANAGER"),
                                "managed_teams", List.of("team-1")))))
                .andExpect(status().isOk());
    }

    @Test
    void rejectsWith403_whenManagerManagesAnotherTeam() throws Exception {
        mvc.perform(get("/api/learners/learner-1/mastery").header("Authorization",
                        "Bearer " + TestTokens.token("manager-2", Map.of("roles", List.of("MANAGER"),
                                "managed_teams", List.of("team-2")))))
                .andExpect(status().isForbidden());
    }

    @Test
    void rejectsWith403_whenAnalystAsksForPersonalData() throws Exception {
        mvc.perform(get("/api/learners/learner-1/evidence").header("Authorization", bearer("analyst", "ANALYST")))
                .andExpect(status().isForbidden());
    }

    @Test
    void rejectsWith401_whenTokenIsMissing() throws Exception {
        mvc.perform(get("/api/learners/learner-1/mastery")).andExpect(status().isUnauthorized());
    }

    @Test
    void rejectsWith400_whenAsOfIsNotAnInstant() throws Exception {
        mvc.perform(get("/api/learners/learner-1/mastery?asOf=yesterday")
                        .header("Authorization", bearer("learner-1", "LEARNER")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("asOf")));
    }

    @Test
    void answers404_whenLearnerHasNoEvidenceOnCompetency() throws Exception {
        mvc.perform(get("/api/learners/learner-1/mastery/" + COMPETENCY)
                        .header("Authorization", bearer("learner-1", "LEARNER")))
                .andExpect(status().isNotFound());
    }

    @Test
    void answers409_whenLearnerIsRegisteredTwice() throws Exception {
        willThrow(new LearnerAlreadyRegistered("learner-1")).given(commands).sendAndWait(any(RegisterLearner.class));
        mvc.perform(post("/api/learners").header("Authorization", bearer("admin", "ADMIN"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"learnerId\":\"learner-1\",\"displayName\":\"Ada\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void answers503WithRetryAfter_whenReadModelsDoNotShowTheTeamChangeInTime() throws Exception {
        willAnswer(call -> {
            call.<Supplier<?>>getArgument(0).get();
            throw new ReadModelBehind("The read models have not caught up with the event store yet (event 7); "
                    + "the change is stored, read it again shortly");
        }).given(readYourWrites).afterWrite(any());

        mvc.perform(put("/api/learners/learner-1/team").header("Authorization", bearer("admin", "ADMIN"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"teamId\":\"team-2\",\"managerId\":\"manager-2\"}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "2"))
                .andExpect(jsonPath("$.type").value("/problems/read-model-behind"))
                .andExpect(jsonPath("$.detail").value(containsString("the change is stored")));
        verify(commands).sendAndWait(new ChangeTeam("learner-1", "team-2", "manager-2"));
    }

    @Test
    void rejectsWith403_whenNonAdminRegistersLearner() throws Exception {
        mvc.perform(post("/api/learners").header("Authorization", bearer("learner-1", "LEARNER"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"learnerId\":\"learner-1\",\"displayName\":\"Ada\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void calculatesMasteryWithExplanation_whenPolicyAndEvidenceAreGiven() throws Exception {
        mvc.perform(post("/api/learners/mastery/calculate").header("Authorization", bearer("author", "AUTHOR"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"policy": {"policyVersion": 4, "method": {"type": "AVERAGE"}, "sourceWeights":
                                   {"SELF": 0.0}, "minimumEvidence": 1, "manualRatingPrecedence": "NEVER"},
                                 "scale": {"levels": [
                                   {"code": "NOVICE", "label": "Novice", "threshold": 0.0, "mastery": false},
                                   {"code": "PROFICIENT", "label": "Proficient", "threshold": 0.75, "mastery": true}]},
                                 "evidence": [
                                   {"evidenceId": "a", "score": 0.9, "sourceType": "ASSESSMENT",
                                    "occurredAt": "2025-03-10T10:00:00Z"},
                                   {"evidenceId": "b", "score": 0.7, "sourceType": "OBSERVATION",
                                    "occurredAt": "2025-03-11T10:00:00Z"},
                                   {"evidenceId": "c", "score": 0.1, "sourceType": "SELF",
                                    "occurredAt": "2025-03-12T10:00:00Z"}],
                                 "asOf": "2025-04-01T00:00:00Z"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.level").value("PROFICIENT"))
                .andExpect(jsonPath("$.score").value(0.8))
                .andExpect(jsonPath("$.policyVersion").value(4))
                .andExpect(jsonPath("$.explanation.contributions[0].effectiveWeight").value(0.5))
                .andExpect(jsonPath("$.explanation.exclusions[0].evidenceId").value("c"))
                .andExpect(jsonPath("$.explanation.exclusions[0].reason").value("ZERO_WEIGHT"));
    }

    @Test
    void rejectsWith400NamingTheFields_whenCalculationHasNoPolicy() throws Exception {
        mvc.perform(post("/api/learners/mastery/calculate").header("Authorization", bearer("author", "AUTHOR"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"evidence\": []}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("policy", "scale")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"type\": \"AVERAGE\"}|{\"evidenceId\": \"a\", \"sourceType\": \"ASSESSMENT\", \"occurredAt\": \"2025-03-10T10:00:00Z\"}"
                    + "|evidence[0].score|is required",
            "{\"type\": \"AVERAGE\"}|{\"score\": 0.5, \"sourceType\": \"GUESSWORK\", \"occurredAt\": \"2025-03-10T10:00:00Z\"}"
                    + "|evidence[0].sourceType|must be one of ASSESSMENT, OBSERVATION, PEER, SELF, XAPI, MANUAL_RATING,"
                    + " PRIOR_LEARNING but was 'GUESSWORK'",
            "{\"type\": \"N_MASTERY\"}|{\"score\": 0.5, \"sourceType\": \"SELF\", \"occurredAt\": \"2025-03-10T10:00:00Z\"}"
                    + "|policy.method|is not valid: n must be at least 1 for N_MASTERY but was null",
            "{\"type\": \"AVERAGE\"}|{\"score\": 0.5, \"sourceType\": \"SELF\"}|evidence[0].occurredAt|must not be null",
            "{\"type\": \"AVERAGE\"}|{\"score\": 1.5, \"sourceType\": \"SELF\", \"occurredAt\": \"2025-03-10T10:00:00Z\"}"
                    + "|evidence[0]|score must be in [0,1] but was 1.5 for evidence evidence-1"})
    void rejectsWith400NamingTheField_whenCalculationInputIsWrong(String method, String evidence, String field,
                                                                   String message) throws Exception {
        String body = """
                {"policy": {"policyVersion": 1, "method": %s, "sourceWeights": {}, "minimumEvidence": 0, "manualRatingPrecedence": "NEVER"},
                 "scale": {"levels": [
                   {"code": "NOVICE", "label": "Novice", "threshold": 0.0, "mastery": false},
                   {"code": "PROFICIENT", "label": "Proficient", "threshold": 0.75, "mastery": true}]},
                 "evidence": [%s]}""".formatted(method, evidence);
        var result = mvc.perform(post("/api/learners/mastery/calculate")
                        .header("Authorization", bearer("author", "AUTHOR"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                .andExpect(content().string(not(containsString("dev.competency"))))
                .andExpect(content().string(not(containsString("Failed to read request"))));
        if (field.equals("evidence[0]")) {
            result.andExpect(jsonPath("$.detail").value(field + " is not valid: " + message));
        } else {
            result.andExpect(jsonPath("$.errors[0].field").value(field))
                    .andExpect(jsonPath("$.errors[0].message").value(message));
        }
    }

    @Test
    void rejectsRegistration_namingTheField_whenLearnerIdHasAnotherSyntax() throws Exception {
        for (String learnerId : List.of("a\\u0000b", "a/b", "a\\\\b", "a b", "a\\u200fb", "$where", ".", "..",
                "x".repeat(129), "x".repeat(2048))) {
            mvc.perform(post("/api/learners").header("Authorization", bearer("admin", "ADMIN"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"learnerId\":\"" + learnerId + "\",\"displayName\":\"Ada\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                    .andExpect(jsonPath("$.errors[0].field").value("learnerId"));
        }
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void rejectsRegistration_namingTheField_whenNameOrAddressIsTooLongOrHasControlCharacters() throws Exception {
        for (String fields : List.of("\"displayName\":\"" + "n".repeat(100_000) + "\"",
                "\"displayName\":\"Ada\\u0000\"", "\"displayName\":\"Ada\",\"email\":\"" + "e".repeat(250)
                        + "@example.org\"", "\"displayName\":\"Ada\",\"organisationUnit\":\"" + "u".repeat(129) + "\"")) {
            mvc.perform(post("/api/learners").header("Authorization", bearer("admin", "ADMIN"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"learnerId\":\"learner-9\"," + fields + "}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value(anyOf(equalTo("displayName"), equalTo("email"),
                            equalTo("organisationUnit"))));
        }
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void registersLearner_whenIdIsAUuidOrASubjectLikeName() throws Exception {
        for (String learnerId : List.of("7f2b7f39-c8c5-488a-994e-3c054105938f", "learner-ada", "org:unit.7_a")) {
            mvc.perform(post("/api/learners").header("Authorization", bearer("admin", "ADMIN"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"learnerId\":\"" + learnerId + "\",\"displayName\":\"Ada\"}"))
                    .andExpect(status().isCreated());
        }
    }

    @Test
    void rejectsWith403_beforeReadingTheBody_whenNonAdminChangesALearner() throws Exception {
        for (String path : List.of("/api/learners", "/api/learners/learner-1/role", "/api/learners/learner-1/team")) {
            mvc.perform((path.equals("/api/learners") ? post(path) : put(path))
                            .header("Authorization", bearer("learner-1", "LEARNER"))
                            .contentType(MediaType.APPLICATION_JSON).content("{"))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value("/problems/forbidden"));
        }
        verify(commands, never()).sendAndWait(any());
    }

    private static String bearer(String subject, String... roles) {
        return "Bearer " + TestTokens.token(subject, roles);
    }

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }
}
