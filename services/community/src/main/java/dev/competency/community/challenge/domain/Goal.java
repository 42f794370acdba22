package dev.competency.community.challenge.domain;

import dev.competency.contracts.community.ChallengeGoal;
import java.util.List;
import java.util.Map;

/**
 * What a group is to reach.
 *
 * @param level  the level code every competency must reach, for {@link ChallengeGoal#MEMBERS_AT_LEVEL}
 * @param scales each competency's level codes from lowest to highest, as its framework's scale had them when the
 *               challenge was set (a level reached is one at or above {@code level} in this order)
 * @param target members to reach the level, or mastered competencies to add up to
 */
public record Goal(ChallengeGoal kind, List<String> competencyIds, String level, Map<String, List<String>> scales,
                   int target) {

    public Goal {
        competencyIds = List.copyOf(competencyIds);
        scales = scales == null ? Map.of() : Map.copyOf(scales);
    }

    /** Whether {@code reached} is at or above the goal's level on the competency's scale. */
    boolean atLevel(String competencyId, String reached) {
        if (reached == null || level == null) {
            return false;
        }
        List<String> codes = scales.get(competencyId);
        if (codes == null) {
            return reached.equals(level);
        }
        int goal = codes.indexOf(level);
        int rank = codes.indexOf(reached);
        return goal >= 0 && rank >= goal;
    }
}
