package dev.competency.assessments.attempt.domain;

import java.util.List;

/**
 * A learner's answer to one item: chosen or ordered option ids, a number, or text (for the work handed in on a
 * rubric-graded assessment, such as a link to a repository).
 */
public record ItemResponse(List<String> choices, Double number, String text) {

    /** The longest text answer (a link, a short explanation). */
    public static final int TEXT_MAX = 10_000;
    /** The most options one answer may choose or order, and the longest option id. */
    public static final int MAX_CHOICES = 200;
    public static final int ID_MAX = 128;

    public ItemResponse {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }
}
