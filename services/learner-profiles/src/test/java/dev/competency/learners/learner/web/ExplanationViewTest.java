package dev.competency.learners.learner.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.learners.mastery.DecidingRule;
import dev.competency.learners.mastery.ExclusionReason;
import dev.competency.learners.mastery.Explanation;
import dev.competency.learners.mastery.SourceType;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The explanation the API shows: capped per list, the newest items kept, what was left out counted. */
class ExplanationViewTest {

    private static final Instant AT = Instant.parse("2026-03-04T05:06:07Z");

    @Test
    void keepsEveryItem_whenListsFitTheCap() {
        Explanation explanation = explanation(ExplanationView.MAX_ITEMS, ExplanationView.MAX_ITEMS);

        ExplanationView view = ExplanationView.of(explanation);

        assertThat(view.contributions()).isEqualTo(explanation.contributions());
        assertThat(view.exclusions()).isEqualTo(explanation.exclusions());
        assertThat(view.omittedContributions()).isZero();
        assertThat(view.omittedExclusions()).isZero();
        assertThat(view).extracting(ExplanationView::rule, ExplanationView::summary, ExplanationView::computedScore,
                ExplanationView::decayFactor).containsExactly(DecidingRule.COMPUTED, "Average.", 0.5, 0.8);
    }

    @Test
    void keepsNewestItemsAndCountsTheOlder_whenListsExceedTheCap() {
        Explanation explanation = explanation(250, 130);

        ExplanationView view = ExplanationView.of(explanation);

        // Equal weights: no older item weighs more than the newest ones.
        assertThat(view.contributions()).isEqualTo(explanation.contributions().subList(150, 250));
        assertThat(view.omittedContributions()).isEqualTo(150);
        assertThat(view.exclusions()).isEqualTo(explanation.exclusions().subList(30, 130));
        assertThat(view.omittedExclusions()).isEqualTo(30);
    }

    private static Explanation explanation(int contributions, int exclusions) {
        return new Explanation(DecidingRule.COMPUTED, "Average.",
                IntStream.range(0, contributions).mapToObj(i -> new Explanation.Contribution("c" + i,
                        SourceType.ASSESSMENT, AT.plusSeconds(i), 0.5, 1.0, 1.0 / contributions)).toList(),
                IntStream.range(0, exclusions).mapToObj(i -> new Explanation.Exclusion("x" + i, SourceType.SELF,
                        AT.plusSeconds(i), 0.1, ExclusionReason.VOIDED)).toList(),
                0.5, 0.8);
    }
}
