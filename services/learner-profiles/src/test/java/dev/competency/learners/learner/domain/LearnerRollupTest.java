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
import dev.competency.learners.mastery.RollupPolicy;
import dev.competency.learners.mastery.SourceType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Parents rolled up from their children are recorded, and published, when their level, flag or points change. */
class LearnerRollupTest {

    private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");
    private static final String LEARNER = "learner-1";
    private static final String FRAMEWORK = "framework-1";
    private static final String PARENT = "api";
    private static final String DESIGN = "api-design";
    private static final String EVOLUTION = "api-evolution";
    private static final ProficiencyScale SCALE = ProficiencyScale.of(
            new ProficiencyLevel("NOVICE", "Novice", 0.0, false),
            new ProficiencyLevel("DEVELOPING", "Developing", 0.4, false),
            new ProficiencyLevel("PROFICIENT", "Proficient", 0.75, true));
    /**
     * Version 1 rolls the parent up by ALL_CHILDREN; version 2 by POINTS, 3 needed, DESIGN required; version 3 by
     * POINTS, 5 needed; version 4 does not roll it up.
     */
    private static final Map<Integer, RollupPolicy> RULES = Map.of(
            1, new RollupPolicy.AllChildren(List.of(DESIGN, EVOLUTION)),
            2, new RollupPolicy.Points(List.of(DESIGN, EVOLUTION), Set.of(DESIGN), 3),
            3, new RollupPolicy.Points(List.of(DESIGN, EVOLUTION), Set.of(DESIGN), 5));

    private AggregateTestFixture<Learner> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Learner.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new PolicyLookup() {
            @Override
            public Optional<MasteryPolicy> policyFor(String frameworkId, int version, String competencyId) {
                return Optional.of(MasteryPolicy.of(version, MasteryMethod.highest(), SCALE));
            }

            @Override
            public Optional<List<ParentRollup>> rollupsOf(String frameworkId, int version) {
                return Optional.of(RULES.containsKey(version)
                        ? List.of(new ParentRollup(PARENT, RULES.get(version), SCALE)) : List.of());
            }
        });
    }

    @Test
    void rollsParentUp_whenFirstChildGetsALevel() {
        EvidenceItem design = item("e1", DESIGN, 1, 0.8, "2025-03-10T10:00:00Z");

        fixture.givenNoPriorActivity()
                .when(new RecordEvidence(LEARNER, design))
                .expectEvents(new EvidenceAccepted(LEARNER, design, NOW),
                        recalculated(design, "PROFICIENT", null, 0.8, null, true, 1),
                        parent(1, "ALL_CHILDREN", null, null, false, false, 3, null,
                                List.of(child(DESIGN, "PROFICIENT", true, 3, false),
                                        child(EVOLUTION, null, false, 0, false)),
                                design, RecalculationCause.EVIDENCE_RECORDED));
    }

    @Test
    void recordsParentWithPreviousValues_whenSecondChildChangesIt() {
        EvidenceItem design = item("e1", DESIGN, 1, 0.8, "2025-03-10T10:00:00Z");
        EvidenceItem evolution = item("e2", EVOLUTION, 1, 0.5, "2025-03-11T10:00:00Z");

        fixture.given(history(design))
                .when(new RecordEvidence(LEARNER, evolution))
                .expectEvents(new EvidenceAccepted(LEARNER, evolution, NOW),
                        recalculated(evolution, "DEVELOPING", null, 0.5, null, false, 1),
                        parent(1, "ALL_CHILDREN", "DEVELOPING", null, false, false, 5, 3,
                                List.of(child(DESIGN, "PROFICIENT", true, 3, false),
                                        child(EVOLUTION, "DEVELOPING", false, 2, false)),
                                evolution, RecalculationCause.EVIDENCE_RECORDED));
    }

    @Test
    void recordsNoParentChange_whenChildScoreMovesWithinItsLevel() {
        EvidenceItem design = item("e1", DESIGN, 1, 0.8, "2025-03-10T10:00:00Z");
        EvidenceItem higher = item("e2", DESIGN, 1, 0.85, "2025-03-11T10:00:00Z");

        fixture.given(history(design))
                .when(new RecordEvidence(LEARNER, higher))
                .expectEvents(new EvidenceAccepted(LEARNER, higher, NOW),
                        new MasteryRecalculated(LEARNER, DESIGN, FRAMEWORK, 1, 1, "HIGHEST", "HIGHEST", "PROFICIENT",
                                "PROFICIENT", 0.85, 0.8, true, true, 2, higher.occurredAt(), null,
                                RecalculationCause.EVIDENCE_RECORDED, "e2", false));
    }

    @Test
    void rollsParentUpAgain_whenChildEvidenceIsVoided() {
        EvidenceItem design = item("e1", DESIGN, 1, 0.8, "2025-03-10T10:00:00Z");

        fixture.given(history(design))
                .when(new VoidEvidence(LEARNER, "e1", NOW, "withdrawn"))
                .expectEvents(new EvidenceVoided(LEARNER, "e1", DESIGN, NOW, "withdrawn"),
                        new MasteryRecalculated(LEARNER, DESIGN, FRAMEWORK, 1, 1, "HIGHEST", "HIGHEST", null,
                                "PROFICIENT", null, 0.8, false, true, 0, null, null,
                                RecalculationCause.EVIDENCE_VOIDED, "e1", false),
                        new ParentMasteryRolledUp(LEARNER, PARENT, FRAMEWORK, 1, "ALL_CHILDREN", null, null, false,
                                false, 0, 3, null, List.of(child(DESIGN, null, false, 0, false),
                                        child(EVOLUTION, null, false, 0, false)),
                                null, RecalculationCause.EVIDENCE_VOIDED, DESIGN, "e1"));
    }

    @Test
    void rollsParentUpOnceUnderTheNewRule_whenNewerFrameworkVersionIsAdopted() {
        EvidenceItem design = item("e1", DESIGN, 1, 0.8, "2025-03-10T10:00:00Z");

        fixture.given(history(design))
                .when(new AdoptFrameworkVersion(LEARNER, FRAMEWORK, 2))
                // The child's level, score and flag stay under the new policy: only the parent's rule changed.
                .expectEvents(new FrameworkVersionAdopted(LEARNER, FRAMEWORK, 2, List.of(DESIGN)),
                        new ParentMasteryRolledUp(LEARNER, PARENT, FRAMEWORK, 2, "POINTS", "PROFICIENT", null, true,
                                false, 3, 3, 3.0, List.of(child(DESIGN, "PROFICIENT", true, 3, true),
                                        child(EVOLUTION, null, false, 0, false)),
                                null, RecalculationCause.POLICY_CHANGED, null, null));
    }

    @Test
    void recordsNoParentChange_whenNewRuleGivesTheSameValues() {
        EvidenceItem design = item("e1", DESIGN, 1, 0.8, "2025-03-10T10:00:00Z");

        // Under version 3 the parent still has no level, is not mastered and has 3 points.
        fixture.given(history(design))
                .when(new AdoptFrameworkVersion(LEARNER, FRAMEWORK, 3))
                .expectEvents(new FrameworkVersionAdopted(LEARNER, FRAMEWORK, 3, List.of(DESIGN)));
    }

    @Test
    void endsParentRollUp_whenAdoptedVersionNoLongerRollsItUp() {
        EvidenceItem design = item("e1", DESIGN, 1, 0.8, "2025-03-10T10:00:00Z");

        fixture.given(history(design))
                .when(new AdoptFrameworkVersion(LEARNER, FRAMEWORK, 4))
                .expectEvents(new FrameworkVersionAdopted(LEARNER, FRAMEWORK, 4, List.of(DESIGN)),
                        new ParentRollupEnded(LEARNER, PARENT, FRAMEWORK, 4, 1, null, false, 3));
    }

    @Test
    void rollsEndedParentUpNoMore_whenItsChildChangesLater() {
        EvidenceItem design = item("e1", DESIGN, 1, 0.8, "2025-03-10T10:00:00Z");
        EvidenceItem evolution = item("e2", EVOLUTION, 4, 0.9, "2025-03-11T10:00:00Z");
        Object[] ended = {new FrameworkVersionAdopted(LEARNER, FRAMEWORK, 4, List.of(DESIGN)),
                new ParentRollupEnded(LEARNER, PARENT, FRAMEWORK, 4, 1, null, false, 3)};

        fixture.given(history(design)).andGiven(ended)
                .when(new RecordEvidence(LEARNER, evolution))
                .expectEvents(new EvidenceAccepted(LEARNER, evolution, NOW),
                        recalculated(evolution, "PROFICIENT", null, 0.9, null, true, 1));
    }

    @Test
    void endsRollUpOnce_whenLaterVersionLacksTheRuleToo() {
        EvidenceItem design = item("e1", DESIGN, 1, 0.8, "2025-03-10T10:00:00Z");

        fixture.given(history(design)).andGiven(new FrameworkVersionAdopted(LEARNER, FRAMEWORK, 4, List.of(DESIGN)),
                        new ParentRollupEnded(LEARNER, PARENT, FRAMEWORK, 4, 1, null, false, 3))
                .when(new AdoptFrameworkVersion(LEARNER, FRAMEWORK, 5))
                // Version 5 has no rule either, and the parent's roll-up already ended: nothing more to end.
                .expectEvents(new FrameworkVersionAdopted(LEARNER, FRAMEWORK, 5, List.of(DESIGN)));
    }

    @Test
    void keepsParents_whenRestoredFromASnapshot() throws Exception {
        EvidenceItem design = item("e1", DESIGN, 1, 0.8, "2025-03-10T10:00:00Z");
        Learner learner = new Learner();
        for (Object event : history(design)) {
            if (event instanceof EvidenceAccepted accepted) {
                learner.on(accepted);
            } else if (event instanceof MasteryRecalculated recalculated) {
                learner.on(recalculated);
            } else {
                learner.on((ParentMasteryRolledUp) event);
            }
        }
        ObjectMapper axonLike = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

        String json = axonLike.writeValueAsString(learner);

        assertThat(axonLike.writeValueAsString(axonLike.readValue(json, Learner.class))).isEqualTo(json);
        assertThat(json).contains("\"parents\":{\"" + PARENT + "\":{\"frameworkId\":\"" + FRAMEWORK + "\"");
    }

    /** The events that recorded {@code design} as the first evidence. */
    private static Object[] history(EvidenceItem design) {
        return new Object[] {new EvidenceAccepted(LEARNER, design, NOW),
                recalculated(design, "PROFICIENT", null, design.score(), null, true, 1),
                parent(1, "ALL_CHILDREN", null, null, false, false, 3, null,
                        List.of(child(DESIGN, "PROFICIENT", true, 3, false), child(EVOLUTION, null, false, 0, false)),
                        design, RecalculationCause.EVIDENCE_RECORDED)};
    }

    private static EvidenceItem item(String id, String competencyId, int version, double score, String occurredAt) {
        Instant at = Instant.parse(occurredAt);
        return new EvidenceItem(id, competencyId, FRAMEWORK, version, score, SourceType.ASSESSMENT, "scorer", at,
                at.plusSeconds(1), null);
    }

    private static MasteryRecalculated recalculated(EvidenceItem item, String level, String previousLevel,
            Double score, Double previousScore, boolean mastered, int count) {
        return new MasteryRecalculated(LEARNER, item.competencyId(), FRAMEWORK, item.frameworkVersion(),
                item.frameworkVersion(), "HIGHEST", "HIGHEST", level, previousLevel, score, previousScore, mastered,
                false, count, item.occurredAt(), null, RecalculationCause.EVIDENCE_RECORDED, item.evidenceId(), false);
    }

    private static ParentMasteryRolledUp parent(int version, String rule, String level, String previousLevel,
            boolean mastered, boolean previouslyMastered, int points, Integer previousPoints,
            List<ParentMasteryRolledUp.Child> children, EvidenceItem trigger, RecalculationCause cause) {
        return new ParentMasteryRolledUp(LEARNER, PARENT, FRAMEWORK, version, rule, level, previousLevel, mastered,
                previouslyMastered, points, previousPoints, null, children, trigger.occurredAt(), cause,
                trigger.competencyId(), trigger.evidenceId());
    }

    private static ParentMasteryRolledUp.Child child(String competencyId, String level, boolean mastered, int points,
            boolean required) {
        return new ParentMasteryRolledUp.Child(competencyId, level, mastered, points, required);
    }
}
