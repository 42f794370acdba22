package dev.competency.learners.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.learners.learner.Examples;
import dev.competency.learners.learner.domain.EvidenceItem;
import dev.competency.learners.learner.query.CurrentMastery;
import dev.competency.learners.learner.query.EvidenceTimeline;
import dev.competency.learners.learner.query.FrameworkUsage;
import dev.competency.learners.mastery.SourceType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A parent rolled up from its children, that also has evidence of its own: the preview compares what the parent's
 * mastery is (the roll-up while the candidate keeps the rule, its own fold once the candidate drops it), never the
 * fold the roll-up hides.
 */
class PolicyPreviewTest {

    private static final String LEARNER = "ana";
    private static final String PARENT = "414e5166-b309-46fe-8194-ed22825f5936";
    private static final String CHILD = "f82522b5-8a39-49ed-8fc9-acfef26216d4";
    private static final Instant T0 = Instant.parse("2025-03-10T09:00:00Z");

    private final FrameworkUsage usage = mock(FrameworkUsage.class);
    private final EvidenceTimeline timeline = mock(EvidenceTimeline.class);
    private final CurrentMastery current = mock(CurrentMastery.class);
    private final PolicyPreview preview = new PolicyPreview(usage, timeline, current);
    private final FrameworkPublished framework = Examples.framework();

    @BeforeEach
    void learnerWithEvidenceOnParentAndChild() {
        given(usage.learnersOf(framework.frameworkId())).willReturn(List.of(LEARNER));
        // Under the example's policies: the parent's own evidence folds (HIGHEST) to DEVELOPING, the child's two
        // to PROFICIENT.
        given(timeline.byCompetencyOf(LEARNER)).willReturn(EvidenceTimeline.byCompetency(List.of(
                entry("e1", PARENT, 0.5, 0), entry("e2", CHILD, 0.8, 1), entry("e3", CHILD, 0.8, 2))));
        // Recorded: the parent's own fold at NOVICE (an older policy), the child as the candidate will fold it, and
        // the parent rolled up to PROFICIENT.
        given(current.of(LEARNER)).willReturn(List.of(
                fold(PARENT, "NOVICE", 0.3, false, "HIGHEST"),
                fold(CHILD, "PROFICIENT", 0.8, true, "DECAYING_AVERAGE(0.65)")));
        given(current.rollupsOf(LEARNER)).willReturn(List.of(new CurrentMastery.Entry(LEARNER, PARENT,
                framework.frameworkId(), framework.version(), null, "ROLL_UP(POINTS)", "PROFICIENT", null, true, null,
                null, T0, true, 3, 1.5)));
    }

    @Test
    void listsNoChangeOfTheFoldTheRollUpHides_whenCandidateKeepsTheRule() {
        PolicyPreview.Preview result = preview.preview(Examples.withPolicy(framework, framework.version() + 1,
                """
                {"policyVersion": 3, "method": {"type": "DECAYING_AVERAGE", "decay": 0.65}, "sourceWeights": {},
                 "minimumEvidence": 2, "manualRatingPrecedence": "UNTIL_NEWER_EVIDENCE"}"""));

        // The parent's own fold moves from NOVICE to DEVELOPING, but its mastery is the unchanged roll-up.
        assertThat(result.changes()).filteredOn(change -> change.competencyId().equals(PARENT)).isEmpty();
        assertThat(result.learnersExamined()).isEqualTo(1);
    }

    @Test
    void comparesRollUpWithParentsOwnFold_whenCandidateDropsTheRule() {
        PolicyPreview.Preview result = preview.preview(Examples.withoutRollUp(framework, framework.version() + 1));

        assertThat(result.changes()).singleElement().satisfies(change -> {
            assertThat(change.competencyId()).isEqualTo(PARENT);
            assertThat(change.currentLevel()).isEqualTo("PROFICIENT");
            assertThat(change.currentMethod()).isEqualTo("ROLL_UP(POINTS)");
            assertThat(change.newLevel()).isEqualTo("DEVELOPING");
            assertThat(change.newMethod()).isEqualTo("HIGHEST");
            assertThat(change.currentlyMastered()).isTrue();
            assertThat(change.newlyMastered()).isFalse();
            assertThat(change.why()).startsWith("Version " + (framework.version() + 1)
                    + " no longer rolls this parent up from its children: ");
        });
    }

    private EvidenceTimeline.Entry entry(String id, String competencyId, double score, int day) {
        Instant at = T0.plusSeconds(86_400L * day);
        return new EvidenceTimeline.Entry(new EvidenceItem(id, competencyId, framework.frameworkId(),
                framework.version(), score, SourceType.ASSESSMENT, "scorer", at, at.plusSeconds(1), null), null, null);
    }

    private CurrentMastery.Entry fold(String competencyId, String level, double score, boolean mastered,
            String method) {
        return new CurrentMastery.Entry(LEARNER, competencyId, framework.frameworkId(), framework.version(), 2,
                method, level, score, mastered, 1, null, T0, false, null, null);
    }
}
