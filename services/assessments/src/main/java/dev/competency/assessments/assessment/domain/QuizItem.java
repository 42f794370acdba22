package dev.competency.assessments.assessment.domain;

import java.util.List;

/**
 * One auto-scored quiz item.
 *
 * @param options       choice or ordering options (option ids)
 * @param correct       the correct option ids (choice items) or the correct order of all options (ordering)
 * @param answer        the correct value of a numeric item
 * @param tolerance     how far a numeric answer may be from {@code answer} and still be correct
 * @param points        what a fully correct answer earns
 * @param partialCredit multiple choice and ordering: earn a share of the points for partly correct answers
 * @param competencyIds the competencies this item gives evidence of
 */
public record QuizItem(String itemId, ItemType type, String prompt, List<String> options, List<String> correct,
                       Double answer, Double tolerance, Double points, Boolean partialCredit,
                       List<String> competencyIds) {

    public QuizItem {
        options = options == null ? List.of() : List.copyOf(options);
        correct = correct == null ? List.of() : List.copyOf(correct);
        competencyIds = competencyIds == null ? List.of() : List.copyOf(competencyIds);
        points = points == null ? 0.0 : points;
        partialCredit = partialCredit != null && partialCredit;
    }
}
