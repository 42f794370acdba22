package dev.competency.learners.mastery;

/** Why an evidence item did not count. When several apply, the first in declaration order is reported. */
public enum ExclusionReason {
    /** The item was voided, by its own flag, by any copy carrying the same id, or through the void set. */
    VOIDED,
    /** Recorded after the knownAt instant: we did not know it then. */
    NOT_YET_KNOWN,
    /** Occurred after the as-of instant. */
    AFTER_AS_OF,
    /** The policy gives its source type a weight of 0. */
    ZERO_WEIGHT,
    /** A manual rating naming a level code the scale does not have. */
    UNKNOWN_RATED_LEVEL,
    /**
     * Evidence on a competency whose framework version rolls its mastery up from its children: the roll-up decides,
     * and the competency's own evidence is listed here instead of counting ({@link MasteryRollup#explain}).
     */
    ROLLED_UP_PARENT
}
