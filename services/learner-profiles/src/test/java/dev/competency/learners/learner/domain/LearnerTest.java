package dev.competency.learners.learner.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.competency.learners.mastery.MasteryMethod;
import dev.competency.learners.mastery.MasteryPolicy;
import dev.competency.learners.mastery.ProficiencyLevel;
import dev.competency.learners.mastery.ProficiencyScale;
import dev.competency.learners.mastery.SourceType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LearnerTest {

    private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");
    private static final String LEARNER = "learner-1";
    private static final String FRAMEWORK = "framework-1";
    private static final String COMPETENCY = "competency-1";
    private static final ProficiencyScale SCALE = ProficiencyScale.of(
            new ProficiencyLevel("NOVICE", "Novice", 0.0, false),
            new ProficiencyLevel("DEVELOPING", "Developing", 0.4, false),
            new ProficiencyLevel("PROFICIENT", "Proficient", 0.75, true));

    private final Map<String, MasteryPolicy> policies = new HashMap<>();
    private AggregateTestFixture<Learner> fixture;
    private final List<String> forgotten = new ArrayList<>();

    /** Marks sealed values visibly; the sealing itself is tested in SealedPersonalDataTest. */
    private final PersonalData personalData = new PersonalData() {
        @Override
        public String seal(String learnerId, String value) {
            return value == null ? null : "sealed(" + value + ")";
        }

        @Override
        public Optional<String> open(String learnerId, String value) {
            throw new UnsupportedOperationException("the aggregate never opens");
        }

        @Override
        public void forget(String learnerId) {
            forgotten.add(learnerId);
        }
    };

    @BeforeEach
    void setUp() {
        policies.put(FRAMEWORK + ":1", MasteryPolicy.of(1, MasteryMethod.highest(), SCALE));
        policies.put(FRAMEWORK + ":2", MasteryPolicy.of(2, MasteryMethod.average(), SCALE));
        fixture = new AggregateTestFixture<>(Learner.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(personalData);
        fixture.registerInjectableResource((PolicyLookup) (frameworkId, version, competencyId) ->
                Optional.ofNullable(policies.get(frameworkId + ":" + version)));
    }

    @Test
    void registersLearner_whenCommandIsValid() {
        fixture.givenNoPriorActivity()
                .when(new RegisterLearner(LEARNER, " Ada Lovelace ", "ada@example.org", "ENG"))
                .expectEvents(new LearnerRegistered(LEARNER, "sealed(Ada Lovelace)", "sealed(ada@example.org)", "ENG",
                        NOW));
    }

    @Test
    void registersLearner_whenEvidenceArrivedFirst() {
        EvidenceItem item = item("e1", 1, 0.8, "2025-03-10T10:00:00Z");
        fixture.given(new EvidenceAccepted(LEARNER, item, NOW), recalculated(item, "PROFICIENT", null, 0.8, null,
                        true, false, 1, RecalculationCause.EVIDENCE_RECORDED))
                .when(new RegisterLearner(LEARNER, "Ada", null, "ENG"))
                .expectEvents(new LearnerRegistered(LEARNER, "sealed(Ada)", null, "ENG", NOW));
    }

    @Test
    void erasesLearner_once() {
        LearnerRegistered registered = new LearnerRegistered(LEARNER, "Ada", "ada@example.org", "ENG", NOW);
        fixture.given(registered)
                .when(new EraseLearner(LEARNER, "admin-1"))
                .expectEvents(new LearnerErased(LEARNER, NOW, "admin-1"));
        fixture.given(registered, new LearnerErased(LEARNER, NOW, "admin-1"))
                .when(new EraseLearner(LEARNER, "admin-2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        // The key goes each time: a retry after a crash between the two still shreds.
        assertThat(forgotten).containsExactly(LEARNER, LEARNER);
    }

    @Test
    void takesNoEvidenceRoleOrTeam_afterErasure() {
        EvidenceItem earlier = item("e1", 1, 0.8, "2025-03-10T10:00:00Z");
        Object[] history = {new LearnerRegistered(LEARNER, "Ada", null, "ENG", NOW),
                new EvidenceAccepted(LEARNER, earlier, NOW), recalculated(earlier, "PROFICIENT", null, 0.8, null,
                        true, false, 1, RecalculationCause.EVIDENCE_RECORDED),
                new LearnerErased(LEARNER, NOW, "admin-1")};
        fixture.given(history)
                .when(new RecordEvidence(LEARNER, item("e2", 1, 0.9, "2025-03-11T10:00:00Z")))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(history)
                .when(new VoidEvidence(LEARNER, "e1", NOW, "withdrawn"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(history)
                .when(new AssignRole(LEARNER, "role-1", 1))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(history)
                .when(new ChangeTeam(LEARNER, "team-1", "manager-1"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void rejectsRegistration_whenLearnerIsAlreadyRegistered() {
        fixture.given(new LearnerRegistered(LEARNER, "Ada", null, "ENG", NOW))
                .when(new RegisterLearner(LEARNER, "Ada", null, "ENG"))
                .expectException(LearnerAlreadyRegistered.class)
                .expectNoEvents();
    }

    @Test
    void rejectsRegistration_whenEmailIsMalformed() {
        fixture.givenNoPriorActivity()
                .when(new RegisterLearner(LEARNER, "Ada", "not-an-address", "ENG"))
                .expectException(InvalidLearnerException.class)
                .expectExceptionMessage("email is not an e-mail address: 'not-an-address'")
                .expectNoEvents();
    }

    @Test
    void rejectsRegistration_whenDisplayNameIsMissing() {
        fixture.givenNoPriorActivity()
                .when(new RegisterLearner(LEARNER, null, null, "ENG"))
                .expectException(InvalidLearnerException.class)
                .expectExceptionMessage("displayName is required")
                .expectNoEvents();
    }

    @Test
    void recordsTeamChangeWithPreviousTeam_whenLearnerMoves() {
        fixture.given(new LearnerRegistered(LEARNER, "Ada", null, "ENG", NOW),
                        new TeamChanged(LEARNER, "team-1", null, "manager-1", NOW))
                .when(new ChangeTeam(LEARNER, "team-2", "manager-2"))
                .expectEvents(new TeamChanged(LEARNER, "team-2", "team-1", "manager-2", NOW));
    }

    @Test
    void changesNothing_whenSameRoleIsAssignedAgain() {
        fixture.given(new LearnerRegistered(LEARNER, "Ada", null, "ENG", NOW),
                        new RoleAssigned(LEARNER, "role-1", null, NOW))
                .when(new AssignRole(LEARNER, "role-1", null))
                .expectNoEvents();
    }

    @Test
    void emitsMasteryChange_whenFirstEvidenceArrives() {
        EvidenceItem item = item("e1", 1, 0.8, "2025-03-10T10:00:00Z");
        fixture.givenNoPriorActivity()
                .when(new RecordEvidence(LEARNER, item))
                .expectEvents(new EvidenceAccepted(LEARNER, item, NOW), recalculated(item, "PROFICIENT", null, 0.8,
                        null, true, false, 1, RecalculationCause.EVIDENCE_RECORDED));
    }

    @Test
    void emitsNothing_whenSameEvidenceArrivesTwice() {
        EvidenceItem item = item("e1", 1, 0.8, "2025-03-10T10:00:00Z");
        fixture.given(new EvidenceAccepted(LEARNER, item, NOW), recalculated(item, "PROFICIENT", null, 0.8, null,
                        true, false, 1, RecalculationCause.EVIDENCE_RECORDED))
                .when(new RecordEvidence(LEARNER, item))
                .expectNoEvents();
    }

    @Test
    void acceptsEvidenceWithoutMasteryChange_whenScoreStaysTheSame() {
        EvidenceItem first = item("e1", 1, 0.8, "2025-03-10T10:00:00Z");
        EvidenceItem lower = item("e2", 1, 0.5, "2025-03-11T10:00:00Z");
        fixture.given(new EvidenceAccepted(LEARNER, first, NOW), recalculated(first, "PROFICIENT", null, 0.8, null,
                        true, false, 1, RecalculationCause.EVIDENCE_RECORDED))
                .when(new RecordEvidence(LEARNER, lower))
                .expectEvents(new EvidenceAccepted(LEARNER, lower, NOW));
    }

    @Test
    void recalculatesLevel_whenEvidenceIsVoided() {
        EvidenceItem first = item("e1", 1, 0.5, "2025-03-10T10:00:00Z");
        EvidenceItem second = item("e2", 1, 0.9, "2025-03-11T10:00:00Z");
        Instant voidedAt = Instant.parse("2025-03-12T08:00:00Z");
        fixture.given(new EvidenceAccepted(LEARNER, first, NOW),
                        recalculated(first, "DEVELOPING", null, 0.5, null, false, false, 1,
                                RecalculationCause.EVIDENCE_RECORDED),
                        new EvidenceAccepted(LEARNER, second, NOW),
                        recalculated(second, "PROFICIENT", "DEVELOPING", 0.9, 0.5, true, false, 2,
                                RecalculationCause.EVIDENCE_RECORDED))
                .when(new VoidEvidence(LEARNER, "e2", voidedAt, "wrong learner"))
                .expectEvents(new EvidenceVoided(LEARNER, "e2", COMPETENCY, voidedAt, "wrong learner"),
                        new MasteryRecalculated(LEARNER, COMPETENCY, FRAMEWORK, 1, 1, "HIGHEST", "HIGHEST",
                                "DEVELOPING", "PROFICIENT", 0.5, 0.9, false, true, 1, null, null,
                                RecalculationCause.EVIDENCE_VOIDED, "e2", false));
    }

    @Test
    void keepsVoidWithoutMasteryChange_whenEvidenceIsNotKnownYet() {
        fixture.given(new LearnerRegistered(LEARNER, "Ada", null, "ENG", NOW))
                .when(new VoidEvidence(LEARNER, "e1", NOW, "withdrawn"))
                .expectEvents(new EarlyVoidKept(LEARNER, "e1", NOW, "withdrawn"));
        fixture.givenNoPriorActivity()
                .when(new VoidEvidence(LEARNER, "e1", NOW, "withdrawn"))
                .expectEvents(new EarlyVoidKept(LEARNER, "e1", NOW, "withdrawn"));
        fixture.given(new EarlyVoidKept(LEARNER, "e1", NOW, "withdrawn"))
                .when(new VoidEvidence(LEARNER, "e1", NOW.plusSeconds(5), "withdrawn again"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void voidsEvidenceOnArrival_whenItsVoidCameFirst() {
        EvidenceItem first = item("e1", 1, 0.5, "2025-03-10T10:00:00Z");
        EvidenceItem voidedFirst = item("e2", 1, 0.9, "2025-03-11T10:00:00Z");
        Instant voidedAt = Instant.parse("2025-03-11T08:00:00Z");
        fixture.given(new EvidenceAccepted(LEARNER, first, NOW),
                        recalculated(first, "DEVELOPING", null, 0.5, null, false, false, 1,
                                RecalculationCause.EVIDENCE_RECORDED),
                        new EarlyVoidKept(LEARNER, "e2", voidedAt, "withdrawn"))
                .when(new RecordEvidence(LEARNER, voidedFirst))
                .expectEvents(new EvidenceAccepted(LEARNER, voidedFirst, NOW),
                        new EvidenceVoided(LEARNER, "e2", COMPETENCY, voidedAt, "withdrawn"));
    }

    @Test
    void recordsNoMastery_whenOnlyEvidenceOfCompetencyWasVoidedFirst() {
        EvidenceItem voidedFirst = item("e1", 1, 0.9, "2025-03-10T10:00:00Z");
        fixture.given(new EarlyVoidKept(LEARNER, "e1", NOW, "withdrawn"))
                .when(new RecordEvidence(LEARNER, voidedFirst))
                .expectEvents(new EvidenceAccepted(LEARNER, voidedFirst, NOW),
                        new EvidenceVoided(LEARNER, "e1", COMPETENCY, NOW, "withdrawn"));
        // Redelivered evidence and void change nothing afterwards.
        fixture.given(new EarlyVoidKept(LEARNER, "e1", NOW, "withdrawn"),
                        new EvidenceAccepted(LEARNER, voidedFirst, NOW),
                        new EvidenceVoided(LEARNER, "e1", COMPETENCY, NOW, "withdrawn"))
                .when(new RecordEvidence(LEARNER, voidedFirst))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(new EarlyVoidKept(LEARNER, "e1", NOW, "withdrawn"),
                        new EvidenceAccepted(LEARNER, voidedFirst, NOW),
                        new EvidenceVoided(LEARNER, "e1", COMPETENCY, NOW, "withdrawn"))
                .when(new VoidEvidence(LEARNER, "e1", NOW, "withdrawn"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void leavesVoidedFirstEvidenceOutOfTheFold_whenMoreEvidenceArrives() {
        EvidenceItem first = item("e1", 1, 0.5, "2025-03-10T10:00:00Z");
        EvidenceItem voidedFirst = item("e2", 1, 0.9, "2025-03-11T10:00:00Z");
        EvidenceItem later = item("e3", 1, 0.6, "2025-03-12T10:00:00Z");
        fixture.given(new EvidenceAccepted(LEARNER, first, NOW),
                        recalculated(first, "DEVELOPING", null, 0.5, null, false, false, 1,
                                RecalculationCause.EVIDENCE_RECORDED),
                        new EarlyVoidKept(LEARNER, "e2", NOW, "withdrawn"),
                        new EvidenceAccepted(LEARNER, voidedFirst, NOW),
                        new EvidenceVoided(LEARNER, "e2", COMPETENCY, NOW, "withdrawn"))
                .when(new RecordEvidence(LEARNER, later))
                .expectEvents(new EvidenceAccepted(LEARNER, later, NOW),
                        recalculated(later, "DEVELOPING", "DEVELOPING", 0.6, 0.5, false, false, 2,
                                RecalculationCause.EVIDENCE_RECORDED));
    }

    @Test
    void forgetsOldestEarlyVoid_whenMoreThanTheBoundArePending() {
        List<Object> history = new ArrayList<>();
        for (int i = 0; i <= Learner.MAX_EARLY_VOIDS; i++) {
            history.add(new EarlyVoidKept(LEARNER, "v" + i, NOW, "withdrawn"));
        }
        EvidenceItem oldest = item("v0", 1, 0.9, "2025-03-10T10:00:00Z");
        fixture.given(history)
                .when(new RecordEvidence(LEARNER, oldest))
                .expectEvents(new EvidenceAccepted(LEARNER, oldest, NOW), recalculated(oldest, "PROFICIENT", null,
                        0.9, null, true, false, 1, RecalculationCause.EVIDENCE_RECORDED));
        // The void next in line is still kept.
        EvidenceItem kept = item("v1", 1, 0.9, "2025-03-10T10:00:00Z");
        fixture.given(history)
                .when(new RecordEvidence(LEARNER, kept))
                .expectEvents(new EvidenceAccepted(LEARNER, kept, NOW),
                        new EvidenceVoided(LEARNER, "v1", COMPETENCY, NOW, "withdrawn"));
    }

    @Test
    void keepsMasteryPending_untilFrameworkVersionArrives() {
        EvidenceItem item = item("e1", 7, 0.8, "2025-03-10T10:00:00Z");
        fixture.givenNoPriorActivity()
                .when(new RecordEvidence(LEARNER, item))
                .expectEvents(new EvidenceAccepted(LEARNER, item, NOW));

        policies.put(FRAMEWORK + ":7", MasteryPolicy.of(3, MasteryMethod.highest(), SCALE));
        fixture.given(new EvidenceAccepted(LEARNER, item, NOW))
                .when(new AdoptFrameworkVersion(LEARNER, FRAMEWORK, 7))
                .expectEvents(new MasteryRecalculated(LEARNER, COMPETENCY, FRAMEWORK, 7, 3, "HIGHEST", "HIGHEST",
                        "PROFICIENT", null, 0.8, null, true, false, 1, null, null,
                        RecalculationCause.POLICY_CHANGED, null, false));
    }

    @Test
    void recomputesUnderNewPolicy_whenNewerFrameworkVersionIsAdopted() {
        EvidenceItem first = item("e1", 1, 0.9, "2025-03-10T10:00:00Z");
        EvidenceItem second = item("e2", 1, 0.5, "2025-03-11T10:00:00Z");
        fixture.given(new EvidenceAccepted(LEARNER, first, NOW),
                        recalculated(first, "PROFICIENT", null, 0.9, null, true, false, 1,
                                RecalculationCause.EVIDENCE_RECORDED),
                        new EvidenceAccepted(LEARNER, second, NOW))
                .when(new AdoptFrameworkVersion(LEARNER, FRAMEWORK, 2))
                .expectEvents(new FrameworkVersionAdopted(LEARNER, FRAMEWORK, 2, List.of(COMPETENCY)),
                        new MasteryRecalculated(LEARNER, COMPETENCY, FRAMEWORK, 2, 2, "AVERAGE", "AVERAGE",
                                "DEVELOPING", "PROFICIENT", 0.7, 0.9, false, true, 2, null, null,
                                RecalculationCause.POLICY_CHANGED, null, false));
    }

    @Test
    void changesNothing_whenFrameworkVersionIsAdoptedTwice() {
        EvidenceItem first = item("e1", 1, 0.9, "2025-03-10T10:00:00Z");
        fixture.given(new EvidenceAccepted(LEARNER, first, NOW),
                        recalculated(first, "PROFICIENT", null, 0.9, null, true, false, 1,
                                RecalculationCause.EVIDENCE_RECORDED),
                        new FrameworkVersionAdopted(LEARNER, FRAMEWORK, 2, List.of(COMPETENCY)))
                .when(new AdoptFrameworkVersion(LEARNER, FRAMEWORK, 2))
                .expectNoEvents();
    }

    @Test
    void restoresSameState_whenSnapshotRoundTripsThroughJackson() throws Exception {
        Learner learner = new Learner();
        learner.on(new LearnerRegistered(LEARNER, "Ada", null, "ENG", NOW));
        learner.on(new TeamChanged(LEARNER, "team-1", null, "manager-1", NOW));
        EvidenceItem item = item("e1", 1, 0.9, "2025-03-10T10:00:00.123456789Z");
        learner.on(new EvidenceAccepted(LEARNER, item, NOW));
        learner.on(recalculated(item, "PROFICIENT", null, 0.9, null, true, false, 1,
                RecalculationCause.EVIDENCE_RECORDED));
        learner.on(new EarlyVoidKept(LEARNER, "e9", NOW, "withdrawn"));
        learner.on(new EarlyVoidKept(LEARNER, "e8", NOW, "withdrawn"));
        ObjectMapper axonLike = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

        String json = axonLike.writeValueAsString(learner);
        Learner restored = axonLike.readValue(json, Learner.class);

        assertThat(axonLike.writeValueAsString(restored)).isEqualTo(json);
        assertThat(json).contains("\"teamId\":\"team-1\"", "\"competencyOfEvidence\":{\"e1\":",
                        "\"level\":\"PROFICIENT\"")
                .containsPattern("\"earlyVoids\":\\{\"e9\":.*\"e8\":").doesNotContain("folds");
    }

    private static EvidenceItem item(String id, int frameworkVersion, double score, String occurredAt) {
        Instant at = Instant.parse(occurredAt);
        return new EvidenceItem(id, COMPETENCY, FRAMEWORK, frameworkVersion, score, SourceType.ASSESSMENT, "scorer",
                at, at.plusSeconds(1), null);
    }

    private static MasteryRecalculated recalculated(EvidenceItem item, String level, String previousLevel,
            Double score, Double previousScore, boolean mastered, boolean previouslyMastered, int count,
            RecalculationCause cause) {
        return new MasteryRecalculated(LEARNER, COMPETENCY, FRAMEWORK, item.frameworkVersion(), 1, "HIGHEST",
                "HIGHEST", level, previousLevel, score, previousScore, mastered, previouslyMastered, count,
                item.occurredAt(), null, cause, item.evidenceId(), false);
    }
}
