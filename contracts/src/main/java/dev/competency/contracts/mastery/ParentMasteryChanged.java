package dev.competency.contracts.mastery;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.competency.contracts.IntegrationEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The mastery of a parent competency, rolled up from its children under its framework version's rule, changed
 * for one learner: its level, its mastered flag or its points. The counterpart of {@link MasteryChanged} for parents
 * that have no method of their own. Published only when something changed, with the previous values. A parent with
 * evidence of its own also gets {@link MasteryChanged}; the roll-up takes precedence until {@link ParentRollupEnded}.
 *
 * @param competencyId           the parent
 * @param frameworkVersion       the framework version whose roll-up rule applied
 * @param rule                   how the children add up
 * @param level                  the parent's level; absent while it has none
 * @param previousLevel          the level before the change; absent when there was none
 * @param points                 the points the children earn: one per level step reached, the lowest level
 *                               earning one
 * @param previousPoints         the points before the change; absent on the first roll-up
 * @param pointsTarget           the points a {@link RollupRule#POINTS} parent needs; absent for
 *                               {@link RollupRule#ALL_CHILDREN}
 * @param children               every child in the rule's order, as the roll-up saw it
 * @param changedAt              when the platform computed the change (record time)
 * @param validAt                the occurredAt of the evidence that caused it; absent when none did
 * @param cause                  why the parent was rolled up again
 * @param triggeringCompetencyId the child whose mastery changed; absent when the framework version itself did
 * @param triggeringEvidenceId   the evidence behind that child's change, when there was one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParentMasteryChanged(
        @JsonProperty(required = true) String learnerId,
        @JsonProperty(required = true) String competencyId,
        @JsonProperty(required = true) String frameworkId,
        @JsonProperty(required = true) int frameworkVersion,
        @JsonProperty(required = true) RollupRule rule,
        @JsonInclude(JsonInclude.Include.NON_NULL) String level,
        @JsonInclude(JsonInclude.Include.NON_NULL) String previousLevel,
        @JsonProperty(required = true) boolean mastered,
        @JsonProperty(required = true) boolean previouslyMastered,
        @JsonProperty(required = true) int points,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer previousPoints,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double pointsTarget,
        @JsonProperty(required = true) List<Child> children,
        @JsonProperty(required = true) Instant changedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant validAt,
        @JsonProperty(required = true) MasteryChanged.ChangeCause cause,
        @JsonInclude(JsonInclude.Include.NON_NULL) String triggeringCompetencyId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String triggeringEvidenceId) implements IntegrationEvent {

    public ParentMasteryChanged {
        Objects.requireNonNull(learnerId, "learnerId is required");
        Objects.requireNonNull(competencyId, "competencyId is required");
        Objects.requireNonNull(frameworkId, "frameworkId is required");
        Objects.requireNonNull(rule, "rule is required");
        Objects.requireNonNull(children, "children is required");
        Objects.requireNonNull(changedAt, "changedAt is required");
        Objects.requireNonNull(cause, "cause is required");
        if (frameworkVersion < 1) {
            throw new IllegalArgumentException("frameworkVersion must be at least 1 but was " + frameworkVersion);
        }
        if (points < 0 || previousPoints != null && previousPoints < 0) {
            throw new IllegalArgumentException("points must not be negative");
        }
        if (children.isEmpty()) {
            throw new IllegalArgumentException("a rolled-up parent has at least one child");
        }
        if ((rule == RollupRule.POINTS) != (pointsTarget != null)) {
            throw new IllegalArgumentException("pointsTarget is set exactly when the rule is POINTS");
        }
        children = List.copyOf(children);
    }

    /** The learnerId: all mastery changes of one learner are ordered on one partition. */
    @Override
    public String partitionKey() {
        return learnerId;
    }

    /** How a parent's mastery follows from its children. */
    public enum RollupRule {
        /** Mastered when every child is; the level is the lowest child level. */
        ALL_CHILDREN,
        /** Mastered when the children's points reach the target and every required child is mastered. */
        POINTS
    }

    /**
     * One child as the roll-up saw it.
     *
     * @param level    the child's level; absent while it has none
     * @param points   the points it earned
     * @param required whether the rule requires it to be mastered
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Child(
            @JsonProperty(required = true) String competencyId,
            @JsonInclude(JsonInclude.Include.NON_NULL) String level,
            @JsonProperty(required = true) boolean mastered,
            @JsonProperty(required = true) int points,
            @JsonProperty(required = true) boolean required) {

        public Child {
            Objects.requireNonNull(competencyId, "competencyId is required");
        }
    }
}
