package dev.competency.frameworks.framework.domain;

/**
 * @param threshold lowest normalised score in [0, 1] that reaches the level
 * @param mastery   whether this is the scale's mastery level (exactly one is)
 */
public record Level(String code, String label, Double threshold, boolean mastery) {
}
