package dev.competency.learners.mastery;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The mastery policy of one framework version for one competency.
 *
 * @param policyVersion          version reported with every result, at least 1
 * @param method                 how scores combine
 * @param scale                  proficiency levels
 * @param sourceWeights          credibility per source type, finite and at least 0; an absent type weighs 1.0 and
 *                               weight 0 excludes the source
 * @param minimumEvidence        fewer scored items than this (manual ratings not counted) hold the computed level
 *                               below the mastery level: the level shows, mastery waits; at least 0
 * @param manualRatingPrecedence how manual ratings relate to the computed level
 * @param validity               optional recertification period, positive; see {@link MasteryResult#expiresAt()}
 * @param decayHalfLife          optional half-life of the score, positive: at the as-of instant the score is
 *                               multiplied by {@code 0.5^(age / halfLife)}, age measured from the last evidence
 */
public record MasteryPolicy(
        int policyVersion,
        MasteryMethod method,
        ProficiencyScale scale,
        Map<SourceType, Double> sourceWeights,
        int minimumEvidence,
        ManualRatingPrecedence manualRatingPrecedence,
        Duration validity,
        Duration decayHalfLife) {

    public MasteryPolicy {
        if (policyVersion < 1) {
            throw new IllegalArgumentException("policyVersion must be at least 1 but was " + policyVersion);
        }
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(sourceWeights, "sourceWeights");
        Objects.requireNonNull(manualRatingPrecedence, "manualRatingPrecedence");
        Map<SourceType, Double> weights = new EnumMap<>(SourceType.class);
        sourceWeights.forEach((type, weight) -> {
            Objects.requireNonNull(type, "sourceWeights key");
            if (weight == null || !(weight >= 0.0) || weight.isInfinite()) {
                throw new IllegalArgumentException(
                        "sourceWeights[" + type + "] must be a finite number at least 0 but was " + weight);
            }
            weights.put(type, weight);
        });
        sourceWeights = Map.copyOf(weights);
        if (minimumEvidence < 0) {
            throw new IllegalArgumentException("minimumEvidence must be at least 0 but was " + minimumEvidence);
        }
        requirePositive(validity, "validity");
        requirePositive(decayHalfLife, "decayHalfLife");
    }

    /**
     * A policy with every source at weight 1, a minimum of one item, {@link ManualRatingPrecedence#UNTIL_NEWER_EVIDENCE},
     * no expiry and no decay.
     */
    public static MasteryPolicy of(int policyVersion, MasteryMethod method, ProficiencyScale scale) {
        return new MasteryPolicy(policyVersion, method, scale, Map.of(), 1,
                ManualRatingPrecedence.UNTIL_NEWER_EVIDENCE, null, null);
    }

    /** The credibility weight of a source type, 1.0 unless the policy says otherwise. */
    public double weightOf(SourceType sourceType) {
        Double weight = sourceWeights.get(sourceType);
        return weight == null ? 1.0 : weight;
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException(name + " must be positive but was " + duration);
        }
    }
}
