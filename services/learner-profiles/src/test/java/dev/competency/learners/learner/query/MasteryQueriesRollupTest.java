package dev.competency.learners.learner.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.competency.learners.catalogue.query.CataloguePolicies;
import dev.competency.learners.learner.domain.EvidenceItem;
import dev.competency.learners.learner.domain.PolicyLookup;
import dev.competency.learners.mastery.DecidingRule;
import dev.competency.learners.mastery.ExclusionReason;
import dev.competency.learners.mastery.Explanation;
import dev.competency.learners.mastery.MasteryMethod;
import dev.competency.learners.mastery.MasteryPolicy;
import dev.competency.learners.mastery.ProficiencyLevel;
import dev.competency.learners.mastery.ProficiencyScale;
import dev.competency.learners.mastery.RollupPolicy;
import dev.competency.learners.mastery.SourceType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Parents whose framework rolls mastery up from their children appear next to the children in the queries. */
class MasteryQueriesRollupTest {

    private static final String LEARNER = "learner-1";
    private static final String FRAMEWORK = "framework-1";
    private static final String PARENT = "api";
    private static final String DESIGN = "api-design";
    private static final String EVOLUTION = "api-evolution";
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final ProficiencyScale SCALE = ProficiencyScale.of(
            new ProficiencyLevel("NOVICE", "Novice", 0.0, false),
            new ProficiencyLevel("PROFICIENT", "Proficient", 0.7, true),
            new ProficiencyLevel("EXPERT", "Expert", 0.9, false));

    private final EvidenceTimeline timeline = mock(EvidenceTimeline.class);
    private final CurrentMastery current = mock(CurrentMastery.class);
    private final CataloguePolicies policies = mock(CataloguePolicies.class);
    private final MasteryQueries queries = new MasteryQueries(timeline, current, policies);
    private final List<EvidenceTimeline.Entry> entries = new ArrayList<>();

    @BeforeEach
    void catalogue() {
        when(timeline.byCompetencyOf(LEARNER)).thenAnswer(call -> EvidenceTimeline.byCompetency(entries));
        when(current.of(LEARNER)).thenReturn(List.of());
        when(policies.policyFor(eq(FRAMEWORK), eq(1), anyString()))
                .thenReturn(Optional.of(MasteryPolicy.of(1, MasteryMethod.highest(), SCALE)));
    }

    @Test
    void rollsParentUpToLowestChildLevel_whenEveryChildIsMastered() {
        rule(new RollupPolicy.AllChildren(List.of(DESIGN, EVOLUTION)));
        evidence(DESIGN, 0.95);
        evidence(EVOLUTION, 0.75);

        MasteryQueries.CompetencyMastery parent = parent();

        assertThat(parent.rollup().levelCode()).isEqualTo("PROFICIENT");
        assertThat(parent.mastered()).isTrue();
        assertThat(parent.countingLevel()).isEqualTo("PROFICIENT");
        assertThat(parent.rollup().children()).extracting(child -> child.competencyId() + "=" + child.levelCode())
                .containsExactly(DESIGN + "=EXPERT", EVOLUTION + "=PROFICIENT");
        assertThat(queries.masteryOf(LEARNER, NOW, Instant.MAX)).extracting(MasteryQueries.CompetencyMastery::competencyId)
                .containsExactly(PARENT, DESIGN, EVOLUTION);
    }

    @Test
    void leavesParentWithoutLevel_whenOneChildHasNoEvidence() {
        rule(new RollupPolicy.AllChildren(List.of(DESIGN, EVOLUTION)));
        evidence(DESIGN, 0.95);

        MasteryQueries.CompetencyMastery parent = parent();

        assertThat(parent.rollup().levelCode()).isNull();
        assertThat(parent.mastered()).isFalse();
    }

    @Test
    void requiresRequiredChildren_underPoints() {
        rule(new RollupPolicy.Points(List.of(DESIGN, EVOLUTION), Set.of(EVOLUTION), 3));
        evidence(DESIGN, 0.95);
        evidence(EVOLUTION, 0.2);

        MasteryQueries.CompetencyMastery parent = parent();

        assertThat(parent.rollup().points()).isEqualTo(4);
        assertThat(parent.mastered()).isFalse();
    }

    @Test
    void showsNoParent_whenLearnerHasNothingUnderIt() {
        rule(new RollupPolicy.AllChildren(List.of(DESIGN, EVOLUTION)));
        evidence("data-modelling", 0.8);

        assertThat(queries.masteryOf(LEARNER, NOW, Instant.MAX)).extracting(MasteryQueries.CompetencyMastery::competencyId)
                .containsExactly("data-modelling");
    }

    @Test
    void showsNoParent_whenChildLevelIsNotOnParentsScale() {
        rule(new RollupPolicy.AllChildren(List.of(DESIGN, EVOLUTION)), ProficiencyScale.of(
                new ProficiencyLevel("NOT_YET", "Not yet", 0.0, false),
                new ProficiencyLevel("COMPETENT", "Competent", 0.7, true)));
        evidence(DESIGN, 0.95);

        assertThat(queries.masteryOf(LEARNER, NOW, Instant.MAX)).extracting(MasteryQueries.CompetencyMastery::competencyId)
                .containsExactly(DESIGN);
    }

    @Test
    void answersOneCompetencyAsTheListDoes_whetherFoldedAloneOrRolledUp() {
        rule(new RollupPolicy.AllChildren(List.of(DESIGN, EVOLUTION)));
        evidence(DESIGN, 0.95);
        evidence(EVOLUTION, 0.75);
        evidence(PARENT, 0.1);
        evidence("data-modelling", 0.8);
        List<MasteryQueries.CompetencyMastery> all = queries.masteryOf(LEARNER, NOW, Instant.MAX);

        for (String competencyId : List.of(PARENT, DESIGN, "data-modelling")) {
            MasteryQueries.CompetencyMastery inList = all.stream()
                    .filter(m -> m.competencyId().equals(competencyId)).findFirst().orElseThrow();
            assertThat(queries.masteryOf(LEARNER, competencyId, NOW, Instant.MAX)).as(competencyId).contains(inList);
        }
        assertThat(queries.masteryOf(LEARNER, PARENT, NOW, Instant.MAX).orElseThrow().rollup()).isNotNull();
        assertThat(queries.masteryOf(LEARNER, "unknown", NOW, Instant.MAX)).isEmpty();
    }

    @Test
    void listsParentsOwnEvidenceAmongExclusions_whenParentIsRolledUp() {
        rule(new RollupPolicy.AllChildren(List.of(DESIGN, EVOLUTION)));
        evidence(DESIGN, 0.95);
        evidence(EVOLUTION, 0.75);
        evidence(PARENT, 0.1);

        MasteryQueries.CompetencyMastery parent = parent();

        assertThat(parent.rollupExplanation().rule()).isEqualTo(DecidingRule.ROLLED_UP);
        assertThat(parent.rollupExplanation().contributions()).isEmpty();
        assertThat(parent.rollupExplanation().exclusions())
                .extracting(Explanation.Exclusion::evidenceId, Explanation.Exclusion::reason)
                .containsExactly(tuple("e-2", ExclusionReason.ROLLED_UP_PARENT));
        assertThat(parent.rollupExplanation().summary()).startsWith(parent.rollup().summary())
                .contains("1 item of evidence on the competency itself does not count");
    }

    @Test
    void countsTheEvidenceLeftOut_whenAskedAsOfOrKnownAt() {
        evidence(DESIGN, 0.95);
        evidence(DESIGN, 0.5);
        evidence(DESIGN, 0.75);
        Instant secondOccurred = entries.get(1).evidence().occurredAt();

        MasteryQueries.CompetencyMastery asOf = queries.masteryOf(LEARNER, DESIGN, secondOccurred, Instant.MAX)
                .orElseThrow();
        MasteryQueries.CompetencyMastery knownAt = queries.masteryOf(LEARNER, DESIGN, secondOccurred,
                secondOccurred.minusSeconds(1)).orElseThrow();

        // evidence() steps back in time: the first item occurred and was recorded last.
        assertThat(asOf.afterAsOf()).isEqualTo(1);
        assertThat(asOf.notYetKnown()).isZero();
        assertThat(asOf.result().evidenceCount()).isEqualTo(2);
        assertThat(knownAt.afterAsOf()).isZero();
        assertThat(knownAt.notYetKnown()).isEqualTo(2);
        assertThat(knownAt.result().evidenceCount()).isEqualTo(1);
        assertThat(asOf.result().explanation().exclusions()).isEmpty();
        assertThat(knownAt.result().explanation().exclusions()).isEmpty();
    }

    private void rule(RollupPolicy rule) {
        rule(rule, SCALE);
    }

    private void rule(RollupPolicy rule, ProficiencyScale parentScale) {
        when(policies.rollupsOf(FRAMEWORK, 1)).thenReturn(Optional.of(List.of(
                new PolicyLookup.ParentRollup(PARENT, rule, parentScale))));
    }

    private void evidence(String competencyId, double score) {
        Instant at = NOW.minusSeconds(3600L * (entries.size() + 1));
        entries.add(new EvidenceTimeline.Entry(new EvidenceItem("e-" + entries.size(), competencyId, FRAMEWORK, 1,
                score, SourceType.ASSESSMENT, "assessor", at, at, null), null, null));
    }

    private MasteryQueries.CompetencyMastery parent() {
        return queries.masteryOf(LEARNER, NOW, Instant.MAX).stream()
                .filter(mastery -> mastery.competencyId().equals(PARENT)).findFirst().orElseThrow();
    }
}
