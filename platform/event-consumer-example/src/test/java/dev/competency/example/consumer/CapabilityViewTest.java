package dev.competency.example.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.contracts.frameworks.MethodType;
import dev.competency.contracts.learners.LearnerErased;
import dev.competency.contracts.learners.LearnerTeamChanged;
import dev.competency.contracts.mastery.MasteryChanged;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The view alone: the two topics may be read in either order and must give the same state. */
class CapabilityViewTest {

    private static final Instant NOW = Instant.parse("2025-03-10T13:42:19Z");

    @Test
    void endsInTheSameState_whenAnErasedLearnersMasteryIsReadBeforeOrAfterTheErasure() {
        MasteryChanged gained = masteryChanged("learner-1", "competency-1", "PROFICIENT", true, false);
        LearnerTeamChanged joined = new LearnerTeamChanged("learner-1", "team-1", null, null, NOW);
        LearnerErased erased = new LearnerErased("learner-1", NOW);

        CapabilityView masteryFirst = new CapabilityView();
        masteryFirst.on(joined);
        masteryFirst.on(gained);
        masteryFirst.on(erased);
        CapabilityView erasureFirst = new CapabilityView();
        erasureFirst.on(joined);
        erasureFirst.on(erased);
        erasureFirst.on(gained);

        assertThat(erasureFirst.snapshot()).isEqualTo(masteryFirst.snapshot());
        assertThat(masteryFirst.knows("learner-1")).isFalse();
        assertThat(masteryFirst.masteryGains("competency-1")).isEqualTo(1);
    }

    @Test
    void countsOnlyChangesIntoMastery_andKeepsTheLatestLevel_whenLevelsChangeRepeatedly() {
        CapabilityView view = new CapabilityView();
        view.on(masteryChanged("learner-1", "competency-1", "DEVELOPING", false, false));
        view.on(masteryChanged("learner-1", "competency-1", "PROFICIENT", true, false));
        view.on(masteryChanged("learner-1", "competency-1", "EXPERT", true, true));
        view.on(masteryChanged("learner-1", "competency-1", "DEVELOPING", false, true));

        assertThat(view.masteryGains("competency-1")).isEqualTo(1);
        assertThat(view.level("learner-1", "competency-1")).get().extracting(CapabilityView.Level::level)
                .isEqualTo("DEVELOPING");
    }

    @Test
    void dropsTheTeam_whenTheLearnerLeavesItWithoutJoiningAnother() {
        CapabilityView view = new CapabilityView();
        view.on(new LearnerTeamChanged("learner-1", "team-1", null, null, NOW));
        view.on(new LearnerTeamChanged("learner-1", null, "team-1", null, NOW));

        assertThat(view.team("learner-1")).isEmpty();
    }

    private static MasteryChanged masteryChanged(String learner, String competency, String level, boolean mastered,
                                                 boolean previouslyMastered) {
        return new MasteryChanged(learner, competency, "framework-1", 1, 1, MethodType.HIGHEST, level, null, 0.8, null,
                mastered, previouslyMastered, 1, NOW, null, null, MasteryChanged.ChangeCause.EVIDENCE_RECORDED, null);
    }
}
