package dev.competency.learners.mastery;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** How a parent competency's mastery follows from its children's; see {@link MasteryRollup}. */
public sealed interface RollupPolicy permits RollupPolicy.AllChildren, RollupPolicy.Points {

    /** The parent's children, each once. */
    List<String> children();

    /** The rule's name where the API and the contracts show it: {@code ALL_CHILDREN} or {@code POINTS}. */
    String ruleName();

    /** The points the parent must reach, where the events and the API show it: null for a rule without points. */
    default Double pointsTargetOrNull() {
        return this instanceof Points points ? points.pointsTarget() : null;
    }

    /** What the API shows as the method of a rolled-up parent, such as {@code ROLL_UP(POINTS)}. */
    default String methodLabel() {
        return methodLabel(ruleName());
    }

    /** The method label of the rule named {@code ruleName}. */
    static String methodLabel(String ruleName) {
        return "ROLL_UP(" + ruleName + ")";
    }

    /**
     * Mastered iff every child is mastered; the parent's level is the lowest of the children's levels, none when
     * any child has none.
     */
    record AllChildren(List<String> children) implements RollupPolicy {
        public AllChildren {
            children = requireChildren(children);
        }

        @Override
        public String ruleName() {
            return "ALL_CHILDREN";
        }
    }

    /**
     * Each child earns points for its level: 1 for the lowest level, 2 for the next and so on, 0 without a level
     * or when its mastery expired. Mastered iff the points reach {@code pointsTarget} and every required child is
     * mastered; the parent's level is then the scale's mastery level, otherwise none.
     */
    record Points(List<String> children, Set<String> requiredChildren, double pointsTarget) implements RollupPolicy {
        public Points {
            children = requireChildren(children);
            Objects.requireNonNull(requiredChildren, "requiredChildren");
            requiredChildren = Set.copyOf(requiredChildren);
            for (String required : requiredChildren) {
                if (!children.contains(required)) {
                    throw new IllegalArgumentException(
                            "requiredChildren must be children but " + required + " is not one");
                }
            }
            if (!(pointsTarget > 0.0) || Double.isInfinite(pointsTarget)) {
                throw new IllegalArgumentException("pointsTarget must be a finite number above 0 but was " + pointsTarget);
            }
        }

        @Override
        public String ruleName() {
            return "POINTS";
        }
    }

    private static List<String> requireChildren(List<String> children) {
        Objects.requireNonNull(children, "children");
        if (children.isEmpty()) {
            throw new IllegalArgumentException("children must not be empty");
        }
        Set<String> seen = new HashSet<>();
        for (String child : children) {
            Evidence.requireText(child, "children[]");
            if (!seen.add(child)) {
                throw new IllegalArgumentException("children must be unique but " + child + " repeats");
            }
        }
        return List.copyOf(children);
    }
}
