package dev.competency.learners.mastery;

import static dev.competency.learners.mastery.Fixtures.SCALE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MasteryRollupTest {

    private static final List<String> CHILDREN = List.of("c-http", "c-rest", "c-auth");

    @Test
    void mastersParent_whenEveryChildIsMastered() {
        RollupResult result = MasteryRollup.rollUp("parent", new RollupPolicy.AllChildren(CHILDREN), SCALE,
                List.of(child("c-http", 0.95), child("c-rest", 0.75), child("c-auth", 0.8)));

        assertThat(result.mastered()).isTrue();
        // the lowest child level: PROFICIENT (c-rest)
        assertThat(result.levelCode()).isEqualTo("PROFICIENT");
        assertThat(result.summary()).isEqualTo("3 of 3 children mastered; lowest child level PROFICIENT: mastered.");
    }

    @Test
    void withholdsParent_whenOneChildIsNotMastered() {
        RollupResult result = MasteryRollup.rollUp("parent", new RollupPolicy.AllChildren(CHILDREN), SCALE,
                List.of(child("c-http", 0.95), child("c-rest", 0.5), child("c-auth", 0.8)));

        assertThat(result.mastered()).isFalse();
        assertThat(result.levelCode()).isEqualTo("DEVELOPING");
    }

    @Test
    void treatsMissingChildAsUnmastered_whenNoResultIsSupplied() {
        RollupResult result = MasteryRollup.rollUp("parent", new RollupPolicy.AllChildren(CHILDREN), SCALE,
                List.of(child("c-http", 0.95), child("c-rest", 0.95), child("unrelated", 0.1)));

        assertThat(result.mastered()).isFalse();
        assertThat(result.levelCode()).isNull();
        assertThat(result.children()).extracting(RollupResult.Child::competencyId, RollupResult.Child::levelCode)
                .containsExactly(tuple("c-http", "EXPERT"), tuple("c-rest", "EXPERT"), tuple("c-auth", null));
        assertThat(result.summary()).isEqualTo("2 of 3 children mastered; at least one child has no level: not mastered.");
    }

    @Test
    void mastersParent_whenPointsReachTargetAndRequiredChildrenAreMastered() {
        RollupPolicy policy = new RollupPolicy.Points(CHILDREN, Set.of("c-auth"), 7);

        // points: EXPERT 4 + DEVELOPING 2 + PROFICIENT 3 = 9 >= 7, and c-auth is mastered
        RollupResult result = MasteryRollup.rollUp("parent", policy, SCALE,
                List.of(child("c-http", 0.95), child("c-rest", 0.5), child("c-auth", 0.8)));

        assertThat(result.points()).isEqualTo(9);
        assertThat(result.mastered()).isTrue();
        assertThat(result.levelCode()).isEqualTo("PROFICIENT");
        assertThat(result.children()).extracting(RollupResult.Child::points, RollupResult.Child::required)
                .containsExactly(tuple(4, false), tuple(2, false), tuple(3, true));
        assertThat(result.summary()).isEqualTo("Children earn 9 of 7 points: mastered.");
    }

    @Test
    void withholdsParent_whenRequiredChildIsNotMasteredDespitePoints() {
        RollupPolicy policy = new RollupPolicy.Points(CHILDREN, Set.of("c-rest"), 7);

        // points: 4 + 2 + 3 = 9 >= 7, but the required c-rest is only DEVELOPING
        RollupResult result = MasteryRollup.rollUp("parent", policy, SCALE,
                List.of(child("c-http", 0.95), child("c-rest", 0.5), child("c-auth", 0.8)));

        assertThat(result.mastered()).isFalse();
        assertThat(result.levelCode()).isNull();
        assertThat(result.summary()).isEqualTo(
                "Children earn 9 of 7 points; required children not mastered: c-rest: not mastered.");
    }

    @Test
    void withholdsParent_whenPointsFallShort() {
        RollupPolicy policy = new RollupPolicy.Points(CHILDREN, Set.of(), 10.5);

        // points: 4 + 4 + 0 (no result) = 8 < 10.5
        RollupResult result = MasteryRollup.rollUp("parent", policy, SCALE,
                List.of(child("c-http", 0.95), child("c-rest", 0.95)));

        assertThat(result.points()).isEqualTo(8);
        assertThat(result.mastered()).isFalse();
        assertThat(result.summary()).isEqualTo("Children earn 8 of 10.50 points: not mastered.");
    }

    @Test
    void givesNoPoints_whenChildMasteryExpired() {
        MasteryPolicy expiring = Fixtures.policy(MasteryMethod.highest(), Duration.ofDays(10), null);
        MasteryResult expired = MasteryFold.fold("c-http", expiring, List.of(new Evidence("e-1", "c-http", 0.95,
                SourceType.ASSESSMENT, "a-1", Fixtures.day(0), Fixtures.day(0))), Fixtures.day(20));

        RollupResult result = MasteryRollup.rollUp("parent", new RollupPolicy.Points(List.of("c-http"), Set.of(), 1),
                SCALE, List.of(expired));

        assertThat(expired.levelCode()).isEqualTo("EXPERT");
        assertThat(result.points()).isZero();
        assertThat(result.mastered()).isFalse();
    }

    @Test
    void rejectsChildResults_whenAChildHasTwoResults() {
        assertThatThrownBy(() -> MasteryRollup.rollUp("parent", new RollupPolicy.AllChildren(CHILDREN), SCALE,
                List.of(child("c-http", 0.9), child("c-http", 0.5))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("childResults has two results for c-http");
    }

    @Test
    void rejectsChildResult_whenItsLevelIsNotOnTheScale() {
        ProficiencyScale other = ProficiencyScale.of(new ProficiencyLevel("PASS", "Pass", 0.5, true));
        MasteryResult passed = MasteryFold.fold("c-http", MasteryPolicy.of(1, MasteryMethod.highest(), other),
                List.of(new Evidence("e-1", "c-http", 0.9, SourceType.ASSESSMENT, "a-1", Fixtures.day(0),
                        Fixtures.day(0))), Fixtures.day(1));

        assertThatThrownBy(() -> MasteryRollup.rollUp("parent", new RollupPolicy.AllChildren(CHILDREN), SCALE,
                List.of(passed)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("child c-http has level PASS, which is not on the scale");
    }

    private static MasteryResult child(String competencyId, double score) {
        return MasteryFold.fold(competencyId, Fixtures.policy(MasteryMethod.highest()),
                List.of(new Evidence("e-" + competencyId, competencyId, score, SourceType.ASSESSMENT, "a-1",
                        Fixtures.day(0), Fixtures.day(0))), Fixtures.day(1));
    }
}
