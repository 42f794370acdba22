package dev.competency.assessments.attempt.domain;

import dev.competency.assessments.assessment.domain.AssessmentDefinition;
import dev.competency.assessments.assessment.domain.ChecklistItem;
import dev.competency.assessments.assessment.domain.QuizItem;
import dev.competency.assessments.assessment.domain.RubricCriterion;
import dev.competency.assessments.assessment.domain.RubricLevel;
import dev.competency.platform.service.error.Refusal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Scores attempts: quiz items automatically, rubric criteria from an assessor's levels, checklists from marks. */
public final class Scoring {

    private Scoring() {
    }

    /**
     * Per-competency results of a quiz: each item's points go to every competency the item is aligned to.
     *
     * @param credits item id → share of the item's points, in [0, 1], instead of the automatic credit
     * @throws Refusal when a credit names no item of the quiz or is outside [0, 1]
     */
    public static List<CompetencyResult> quiz(AssessmentDefinition definition, Map<String, ItemResponse> responses,
                                              Map<String, Double> credits) {
        List<String> problems = new ArrayList<>();
        credits.forEach((itemId, credit) -> {
            if (definition.items().stream().noneMatch(i -> i.itemId().equals(itemId))) {
                problems.add(itemId + " is not an item of this assessment");
            }
            if (credit == null || !(credit >= 0 && credit <= 1)) {
                problems.add("credit of " + itemId + " must be in [0, 1] but was " + credit);
            }
        });
        if (!problems.isEmpty()) {
            throw Refusal.invalid(String.join("; ", problems));
        }
        Map<String, double[]> totals = totals(definition);
        for (QuizItem item : definition.items()) {
            double share = credits.containsKey(item.itemId()) ? credits.get(item.itemId())
                    : credit(item, responses.get(item.itemId()));
            double earned = item.points() * share;
            for (String competencyId : item.competencyIds()) {
                double[] total = totals.get(competencyId);
                total[0] += earned;
                total[1] += item.points();
            }
        }
        return results(totals);
    }

    /** The share of an item's points a response earns, in [0, 1]. */
    static double credit(QuizItem item, ItemResponse response) {
        if (response == null) {
            return 0.0;
        }
        return switch (item.type()) {
            case SINGLE_CHOICE -> response.choices().size() == 1 && item.correct().contains(response.choices().get(0))
                    ? 1.0 : 0.0;
            case MULTIPLE_CHOICE -> multipleChoice(item, response.choices());
            case NUMERIC -> response.number() != null && Math.abs(response.number() - item.answer())
                    <= (item.tolerance() == null ? 0.0 : item.tolerance()) + 1e-12 ? 1.0 : 0.0;
            case ORDERING -> ordering(item, response.choices());
        };
    }

    /** All or nothing; with partial credit, (right choices − wrong choices) / correct choices, at least 0. */
    private static double multipleChoice(QuizItem item, List<String> chosen) {
        Set<String> correct = new HashSet<>(item.correct());
        Set<String> picked = new HashSet<>(chosen);
        if (picked.equals(correct)) {
            return 1.0;
        }
        if (!item.partialCredit()) {
            return 0.0;
        }
        long right = picked.stream().filter(correct::contains).count();
        long wrong = picked.size() - right;
        return Math.max(0.0, (double) (right - wrong) / correct.size());
    }

    /** All or nothing; with partial credit, the share of positions that hold the right option. */
    private static double ordering(QuizItem item, List<String> order) {
        if (order.equals(item.correct())) {
            return 1.0;
        }
        if (!item.partialCredit() || order.size() != item.correct().size()) {
            return 0.0;
        }
        int inPlace = 0;
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).equals(item.correct().get(i))) {
                inPlace++;
            }
        }
        return (double) inPlace / order.size();
    }

    /**
     * Per-competency results of a rubric grading.
     *
     * @param levels the level code chosen for each criterion
     * @throws Refusal when a criterion is not graded or graded with an unknown level
     */
    public static List<CompetencyResult> rubric(AssessmentDefinition definition, Map<String, String> levels) {
        List<String> problems = new ArrayList<>();
        for (String criterionId : levels.keySet()) {
            if (definition.criteria().stream().noneMatch(c -> c.criterionId().equals(criterionId))) {
                problems.add(criterionId + " is not a criterion of this assessment");
            }
        }
        Map<String, double[]> totals = totals(definition);
        for (RubricCriterion criterion : definition.criteria()) {
            String code = levels.get(criterion.criterionId());
            RubricLevel level = criterion.levels().stream().filter(l -> l.code().equals(code)).findFirst()
                    .orElse(null);
            if (level == null) {
                problems.add("criterion " + criterion.criterionId() + (code == null ? " is not graded"
                        : " has no level " + code));
                continue;
            }
            double[] total = totals.get(criterion.competencyId());
            total[0] += level.score();
            total[1] += criterion.maxScore();
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(String.join("; ", problems));
        }
        return results(totals);
    }

    /**
     * Per-competency results of an observation: the share of checklist items observed as met.
     *
     * @throws Refusal when an item is not marked
     */
    public static List<CompetencyResult> checklist(AssessmentDefinition definition, Map<String, Boolean> marks) {
        Map<String, double[]> totals = totals(definition);
        List<String> problems = new ArrayList<>();
        for (ChecklistItem item : definition.checklist()) {
            Boolean met = marks.get(item.itemId());
            if (met == null) {
                problems.add("checklist item " + item.itemId() + " is not marked");
                continue;
            }
            double[] total = totals.get(item.competencyId());
            total[0] += met ? 1.0 : 0.0;
            total[1] += 1.0;
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(String.join("; ", problems));
        }
        return results(totals);
    }

    /** Per competency, the mean of several ratings' raw scores out of the same maximum (peer feedback). */
    public static List<CompetencyResult> mean(List<List<CompetencyResult>> ratings) {
        Map<String, double[]> totals = new LinkedHashMap<>();
        for (List<CompetencyResult> rating : ratings) {
            for (CompetencyResult result : rating) {
                double[] total = totals.computeIfAbsent(result.competencyId(), id -> new double[3]);
                total[0] += result.rawScore();
                total[1] = result.maxScore();
                total[2]++;
            }
        }
        return totals.entrySet().stream().map(entry -> new CompetencyResult(entry.getKey(),
                entry.getValue()[0] / entry.getValue()[2], entry.getValue()[1])).toList();
    }

    /** The weighted mean of the per-competency scores, with the assessment's alignment weights. */
    public static double overall(AssessmentDefinition definition, List<CompetencyResult> results) {
        double weighted = 0;
        double weights = 0;
        for (CompetencyResult result : results) {
            double weight = definition.weightOf(result.competencyId());
            weighted += weight * result.score();
            weights += weight;
        }
        return weights > 0 ? weighted / weights : 0.0;
    }

    private static Map<String, double[]> totals(AssessmentDefinition definition) {
        Map<String, double[]> totals = new LinkedHashMap<>();
        definition.alignments().forEach(a -> totals.put(a.competencyId(), new double[2]));
        return totals;
    }

    private static List<CompetencyResult> results(Map<String, double[]> totals) {
        return totals.entrySet().stream()
                .filter(entry -> entry.getValue()[1] > 0)
                .map(entry -> new CompetencyResult(entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
                .toList();
    }
}
