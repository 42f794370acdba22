package dev.competency.learners.mastery;

import java.util.List;
import java.util.Objects;

/**
 * The mastery of a parent competency rolled up from its children.
 *
 * @param competencyId the parent
 * @param policy       the roll-up policy applied
 * @param levelCode    the parent's level, or {@code null}
 * @param mastered     whether the parent is mastered
 * @param points       the children's points, whatever the policy
 * @param children     each child in the policy's order
 * @param summary      why, in a sentence
 */
public record RollupResult(
        String competencyId,
        RollupPolicy policy,
        String levelCode,
        boolean mastered,
        int points,
        List<Child> children,
        String summary) {

    public RollupResult {
        Objects.requireNonNull(competencyId, "competencyId");
        Objects.requireNonNull(policy, "policy");
        children = List.copyOf(children);
        Objects.requireNonNull(summary, "summary");
    }

    /**
     * One child as the roll-up saw it.
     *
     * @param levelCode {@code null} when the child has no level or no result was supplied
     * @param points    the points it earned
     * @param required  whether the policy requires it to be mastered
     */
    public record Child(String competencyId, String levelCode, boolean mastered, int points, boolean required) {
    }
}
