package dev.competency.contracts.frameworks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.competency.contracts.IntegrationEvent;
import dev.competency.contracts.evidence.SourceType;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A complete snapshot of one published framework version: the competency tree, the relations between its
 * competencies, the proficiency scale and the mastery policy. A consumer needs no earlier event to use it; a
 * newer version replaces an older one as a whole.
 *
 * @param version      increases by one with every publication of the framework
 * @param externalId   identifier of the framework in an external standard, such as a CASE CFDocument identifier
 * @param publishedBy  user id of the author who published the version
 * @param competencies every competency of the version, parents and children alike; ids are unique
 * @param relations    relations between competencies of this version
 * @param scale        the scale of every competency without a {@link Competency#scaleOverride()}
 * @param masteryPolicy the policy of every competency without a {@link Competency#policyOverride()}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FrameworkPublished(
        @JsonProperty(required = true) String frameworkId,
        @JsonProperty(required = true) int version,
        @JsonProperty(required = true) String code,
        @JsonProperty(required = true) String title,
        @JsonInclude(JsonInclude.Include.NON_NULL) String description,
        @JsonInclude(JsonInclude.Include.NON_NULL) String externalId,
        @JsonProperty(required = true) Instant publishedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String publishedBy,
        @JsonProperty(required = true) List<Competency> competencies,
        @JsonProperty(required = true) List<CompetencyRelation> relations,
        @JsonProperty(required = true) ProficiencyScale scale,
        @JsonProperty(required = true) MasteryPolicy masteryPolicy) implements IntegrationEvent {

    public FrameworkPublished {
        Objects.requireNonNull(frameworkId, "frameworkId is required");
        Objects.requireNonNull(code, "code is required");
        Objects.requireNonNull(title, "title is required");
        Objects.requireNonNull(publishedAt, "publishedAt is required");
        Objects.requireNonNull(competencies, "competencies is required");
        Objects.requireNonNull(relations, "relations is required");
        Objects.requireNonNull(scale, "scale is required");
        Objects.requireNonNull(masteryPolicy, "masteryPolicy is required");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1 but was " + version);
        }
        competencies = List.copyOf(competencies);
        relations = List.copyOf(relations);
        Set<String> ids = new HashSet<>();
        for (Competency competency : competencies) {
            if (!ids.add(competency.id())) {
                throw new IllegalArgumentException("competencies contains the id " + competency.id() + " twice");
            }
        }
        for (Competency competency : competencies) {
            if (competency.parentId() != null && !ids.contains(competency.parentId())) {
                throw new IllegalArgumentException("parentId " + competency.parentId() + " of competency "
                        + competency.id() + " is not a competency of this version");
            }
        }
        for (CompetencyRelation relation : relations) {
            if (!ids.contains(relation.sourceId()) || !ids.contains(relation.targetId())) {
                throw new IllegalArgumentException("relation " + relation.sourceId() + " " + relation.type() + " "
                        + relation.targetId() + " refers to a competency that is not in this version");
            }
        }
    }

    /** The frameworkId: all versions of a framework, and its retirement, are ordered on one partition. */
    @Override
    public String partitionKey() {
        return frameworkId;
    }

    /**
     * One node of the competency tree.
     *
     * @param id             stable across framework versions; evidence and mastery refer to it
     * @param code           human-readable code, such as {@code DEV.API.1}
     * @param parentId       id of the parent competency; absent for a root
     * @param position       order among the siblings, from 0
     * @param taxonomyLabel  classification such as a Bloom level or "skill" / "knowledge"
     * @param externalId     identifier in an external standard, such as a CASE CFItem identifier
     * @param scaleOverride  a scale that replaces the framework's scale for this competency
     * @param policyOverride a policy that replaces the framework's policy for this competency
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Competency(
            @JsonProperty(required = true) String id,
            @JsonProperty(required = true) String code,
            @JsonProperty(required = true) String title,
            @JsonInclude(JsonInclude.Include.NON_NULL) String description,
            @JsonInclude(JsonInclude.Include.NON_NULL) String parentId,
            @JsonProperty(required = true) int position,
            @JsonInclude(JsonInclude.Include.NON_NULL) String taxonomyLabel,
            @JsonInclude(JsonInclude.Include.NON_NULL) String externalId,
            @JsonInclude(JsonInclude.Include.NON_NULL) ProficiencyScale scaleOverride,
            @JsonInclude(JsonInclude.Include.NON_NULL) MasteryPolicy policyOverride) {

        public Competency {
            Objects.requireNonNull(id, "id is required");
            Objects.requireNonNull(code, "code is required");
            Objects.requireNonNull(title, "title is required");
            if (position < 0) {
                throw new IllegalArgumentException("position must not be negative but was " + position);
            }
        }
    }

    /**
     * A directed relation between two competencies of the same framework version: "source type target".
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CompetencyRelation(
            @JsonProperty(required = true) String sourceId,
            @JsonProperty(required = true) String targetId,
            @JsonProperty(required = true) RelationType type) {

        public CompetencyRelation {
            Objects.requireNonNull(sourceId, "sourceId is required");
            Objects.requireNonNull(targetId, "targetId is required");
            Objects.requireNonNull(type, "type is required");
        }
    }

    /** Kinds of {@link CompetencyRelation}, after the CASE association types. */
    public enum RelationType {
        /** The source is a prerequisite: learn it before the target. Recommendations follow it. */
        PRECEDES,
        /** The competencies are associated, without an order. */
        IS_RELATED_TO,
        /** The source means the same as the target. */
        EXACT_MATCH_OF,
        /** Mastering the source implies the target. */
        IMPLIES
    }

    /**
     * Ordered proficiency levels, from the lowest to the highest. A score reaches a level when it is at or above
     * the level's threshold; below the first threshold there is no level yet. The competency counts as mastered
     * from the lowest level marked {@code mastery} upward.
     *
     * @param id     identifier of a reusable scale, if the frameworks service shares it between frameworks
     * @param levels at least one level, thresholds strictly increasing, codes unique, at least one mastery level
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProficiencyScale(
            @JsonInclude(JsonInclude.Include.NON_NULL) String id,
            @JsonProperty(required = true) List<ProficiencyLevel> levels) {

        public ProficiencyScale {
            Objects.requireNonNull(levels, "levels is required");
            levels = List.copyOf(levels);
            if (levels.isEmpty()) {
                throw new IllegalArgumentException("levels must not be empty");
            }
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < levels.size(); i++) {
                if (!codes.add(levels.get(i).code())) {
                    throw new IllegalArgumentException("levels contains the code " + levels.get(i).code() + " twice");
                }
                if (i > 0 && !(levels.get(i).threshold() > levels.get(i - 1).threshold())) {
                    throw new IllegalArgumentException("levels must have strictly increasing thresholds but "
                            + levels.get(i).code() + " does not exceed " + levels.get(i - 1).code());
                }
            }
            if (levels.stream().noneMatch(ProficiencyLevel::mastery)) {
                throw new IllegalArgumentException("levels must contain a level with mastery = true");
            }
        }
    }

    /**
     * @param code      stable code that evidence ratings, role targets and mastery refer to, such as {@code PROFICIENT}
     * @param threshold lowest normalised score that reaches the level, in [0, 1]
     * @param mastery   whether reaching this level means the competency is mastered
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProficiencyLevel(
            @JsonProperty(required = true) String code,
            @JsonProperty(required = true) String label,
            @JsonProperty(required = true) double threshold,
            @JsonProperty(required = true) boolean mastery) {

        public ProficiencyLevel {
            Objects.requireNonNull(code, "code is required");
            Objects.requireNonNull(label, "label is required");
            if (!(threshold >= 0.0 && threshold <= 1.0)) {
                throw new IllegalArgumentException("threshold must be in [0, 1] but was " + threshold);
            }
        }
    }

    /**
     * How evidence becomes mastery for a competency.
     *
     * @param policyVersion          increases whenever the policy changes; {@code mastery.changed} reports it
     * @param sourceWeights          credibility of each source type, at least 0; a source type that is absent
     *                               weighs 1.0
     * @param minimumEvidence        number of scored evidence items (manual ratings not counted) needed before the
     *                               competency can count as mastered; with fewer, the level is still reported,
     *                               held below the mastery level
     * @param manualRatingPrecedence how a {@link SourceType#MANUAL_RATING} relates to computed results
     * @param rollUp                 how a parent competency is computed from its children; absent means
     *                               {@link RollUpType#NONE}
     * @param validityPeriod         ISO-8601 duration after the last evidence when mastery expires and needs
     *                               recertification, such as {@code P365D}; absent means it never expires
     * @param decayHalfLife          ISO-8601 duration in which a score loses half of its weight at read time;
     *                               absent means no decay
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MasteryPolicy(
            @JsonProperty(required = true) int policyVersion,
            @JsonProperty(required = true) MasteryMethod method,
            @JsonProperty(required = true) Map<SourceType, Double> sourceWeights,
            @JsonProperty(required = true) int minimumEvidence,
            @JsonProperty(required = true) ManualRatingPrecedence manualRatingPrecedence,
            @JsonInclude(JsonInclude.Include.NON_NULL) RollUpRule rollUp,
            @JsonInclude(JsonInclude.Include.NON_NULL) String validityPeriod,
            @JsonInclude(JsonInclude.Include.NON_NULL) String decayHalfLife) {

        public MasteryPolicy {
            Objects.requireNonNull(method, "method is required");
            Objects.requireNonNull(sourceWeights, "sourceWeights is required");
            Objects.requireNonNull(manualRatingPrecedence, "manualRatingPrecedence is required");
            if (policyVersion < 1) {
                throw new IllegalArgumentException("policyVersion must be at least 1 but was " + policyVersion);
            }
            if (minimumEvidence < 0) {
                throw new IllegalArgumentException("minimumEvidence must not be negative but was " + minimumEvidence);
            }
            Map<SourceType, Double> weights = new EnumMap<>(SourceType.class);
            sourceWeights.forEach((source, weight) -> {
                if (source == null || weight == null || !(weight >= 0.0) || weight.isInfinite()) {
                    throw new IllegalArgumentException("sourceWeights must map source types to finite weights of at"
                            + " least 0 but had " + source + "=" + weight);
                }
                weights.put(source, weight);
            });
            sourceWeights = Collections.unmodifiableMap(weights);
        }
    }

    /** What a {@link SourceType#MANUAL_RATING} does to the computed level. */
    public enum ManualRatingPrecedence {
        /**
         * The rating holds until scored evidence that occurred after it (by occurredAt) arrives; evidence recorded
         * later about something that happened before the rating does not end it.
         */
        UNTIL_NEWER_EVIDENCE,
        /** The rating holds until the next rating. */
        ALWAYS,
        /** Ratings are ordinary evidence with their score. */
        NEVER
    }

    /**
     * @param pointsTarget      points (sum of the children's scores) a parent needs, for {@link RollUpType#POINTS}
     * @param requiredChildren  ids of children that must be mastered regardless of points
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RollUpRule(
            @JsonProperty(required = true) RollUpType type,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double pointsTarget,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> requiredChildren) {

        public RollUpRule {
            Objects.requireNonNull(type, "type is required");
            if (type == RollUpType.POINTS && (pointsTarget == null || !(pointsTarget > 0.0))) {
                throw new IllegalArgumentException("pointsTarget must be positive for POINTS but was " + pointsTarget);
            }
            requiredChildren = requiredChildren == null ? null : List.copyOf(requiredChildren);
        }
    }

    /** How a parent competency's mastery derives from its children. */
    public enum RollUpType {
        /** The parent has its own evidence only. */
        NONE,
        /** The parent is mastered when every child is mastered. */
        ALL_CHILDREN,
        /** The parent is mastered when the required children are mastered and the points target is reached. */
        POINTS
    }
}
