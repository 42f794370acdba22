package dev.competency.assessments.attempt.domain;

import java.util.List;

/**
 * A learner's answer to one item: chosen or ordered option ids, a number, or text (for the work handed in on a
 * rubric-graded assessment, such as a link to a repository).
 */
public record ItemResponse(List<String> choices, Double number, String text) {

    public ItemResponse {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }
}
