package dev.competency.assessments.assessment.domain;

import dev.competency.assessments.frameworks.domain.FrameworkVersion;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The content of an assessment version: what it is aligned to and with which weights, how it is scored and its
 * rules. Which parts are used depends on the {@link AssessmentKind}: quiz items, rubric criteria or an observation
 * checklist.
 *
 * @param weightTotal what the alignment weights must add up to, if the author declares it
 * @param passMark    the overall normalised score needed to pass, in [0, 1]
 * @param maxAttempts how many attempts a learner may start; null for no limit
 * @param timeLimit   ISO 8601 duration an attempt may last; null for no limit
 * @param acceptLate  whether a submission after the time limit is accepted (marked late) instead of timing out
 * @param criteria    rubric criteria; PEER and SELF assessments rate with criteria too
 * @param minPeers    PEER only: how many peers must have rated before the feedback counts as evidence (default 3)
 */
public record AssessmentDefinition(List<CompetencyWeight> alignments, Double weightTotal, Double passMark,
                                   Integer maxAttempts, String timeLimit, Boolean acceptLate, List<QuizItem> items,
                                   List<RubricCriterion> criteria, List<ChecklistItem> checklist, Integer minPeers) {

    private static final double EPSILON = 1e-9;
    public static final int DEFAULT_MIN_PEERS = 3;
    /** The longest id or code (items, options, criteria, levels, competencies). */
    public static final int ID_MAX = 128;
    /** The longest title or label. */
    public static final int TITLE_MAX = 200;
    /** The longest prompt or checklist text. */
    public static final int TEXT_MAX = 2_000;
    private static final int DURATION_MAX = 32;

    public AssessmentDefinition {
        alignments = alignments == null ? List.of() : List.copyOf(alignments);
        items = items == null ? List.of() : List.copyOf(items);
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
        checklist = checklist == null ? List.of() : List.copyOf(checklist);
        acceptLate = acceptLate != null && acceptLate;
    }

    /** How many peer ratings a PEER attempt needs before it gives evidence. */
    public int peersRequired() {
        return minPeers == null ? DEFAULT_MIN_PEERS : minPeers;
    }

    public Duration timeLimitDuration() {
        return timeLimit == null ? null : Duration.parse(timeLimit);
    }

    public double weightOf(String competencyId) {
        return alignments.stream().filter(a -> a.competencyId().equals(competencyId))
                .mapToDouble(CompetencyWeight::weight).findFirst().orElse(0.0);
    }

    /** Every problem of this definition for an assessment of {@code kind} against the framework version. */
    public List<String> problems(AssessmentKind kind, FrameworkVersion framework) {
        List<String> problems = lengthProblems();
        if (!problems.isEmpty()) {
            return problems;
        }
        Set<String> aligned = new HashSet<>();
        if (alignments.isEmpty()) {
            problems.add("alignments must name at least one competency");
        }
        double sum = 0;
        for (CompetencyWeight alignment : alignments) {
            if (!framework.has(alignment.competencyId())) {
                problems.add("competency " + alignment.competencyId() + " is not in framework "
                        + framework.frameworkId() + " version " + framework.version());
            }
            if (!aligned.add(alignment.competencyId())) {
                problems.add("competency " + alignment.competencyId() + " is aligned twice");
            }
            if (!(alignment.weight() > 0)) {
                problems.add("weight of competency " + alignment.competencyId() + " must be positive");
            }
            sum += alignment.weight();
        }
        if (weightTotal != null && Math.abs(sum - weightTotal) > EPSILON) {
            problems.add("alignment weights sum to " + sum + " but weightTotal declares " + weightTotal);
        }
        if (passMark == null || !(passMark >= 0 && passMark <= 1)) {
            problems.add("passMark must be in [0, 1] but was " + passMark);
        }
        if (maxAttempts != null && maxAttempts < 1) {
            problems.add("maxAttempts must be at least 1");
        }
        if (timeLimit != null) {
            try {
                if (Duration.parse(timeLimit).isNegative() || Duration.parse(timeLimit).isZero()) {
                    problems.add("timeLimit must be a positive duration");
                }
            } catch (DateTimeParseException e) {
                problems.add("timeLimit must be an ISO 8601 duration such as PT45M");
            }
        }
        if (kind == AssessmentKind.PEER && minPeers != null && minPeers < 1) {
            problems.add("minPeers must be at least 1");
        }
        if (kind != AssessmentKind.PEER && minPeers != null) {
            problems.add("minPeers applies to PEER assessments only");
        }
        switch (kind) {
            case QUIZ -> quizProblems(aligned, problems);
            case RUBRIC, PEER, SELF -> rubricProblems(kind, aligned, problems);
            case OBSERVATION -> checklistProblems(aligned, problems);
            default -> throw new IllegalStateException("Unknown kind " + kind);
        }
        return problems;
    }

    /** Every text longer than its limit; nothing else is checked until they fit. */
    private List<String> lengthProblems() {
        List<String> problems = new ArrayList<>();
        alignments.forEach(a -> tooLong(problems, "alignment competencyId", a.competencyId(), ID_MAX));
        tooLong(problems, "timeLimit", timeLimit, DURATION_MAX);
        for (QuizItem item : items) {
            tooLong(problems, "item itemId", item.itemId(), ID_MAX);
            tooLong(problems, "item " + item.itemId() + " prompt", item.prompt(), TEXT_MAX);
            item.options().forEach(option -> tooLong(problems, "item " + item.itemId() + " option", option, ID_MAX));
            item.correct().forEach(option -> tooLong(problems, "item " + item.itemId() + " correct option", option,
                    ID_MAX));
            item.competencyIds().forEach(id -> tooLong(problems, "item " + item.itemId() + " competencyId", id,
                    ID_MAX));
        }
        for (RubricCriterion criterion : criteria) {
            tooLong(problems, "criterion criterionId", criterion.criterionId(), ID_MAX);
            tooLong(problems, "criterion " + criterion.criterionId() + " title", criterion.title(), TITLE_MAX);
            tooLong(problems, "criterion " + criterion.criterionId() + " competencyId", criterion.competencyId(),
                    ID_MAX);
            for (RubricLevel level : criterion.levels()) {
                tooLong(problems, "criterion " + criterion.criterionId() + " level code", level.code(), ID_MAX);
                tooLong(problems, "criterion " + criterion.criterionId() + " level label", level.label(), TITLE_MAX);
            }
        }
        for (ChecklistItem item : checklist) {
            tooLong(problems, "checklist item itemId", item.itemId(), ID_MAX);
            tooLong(problems, "checklist item " + item.itemId() + " text", item.text(), TEXT_MAX);
            tooLong(problems, "checklist item " + item.itemId() + " competencyId", item.competencyId(), ID_MAX);
        }
        return problems;
    }

    private static void tooLong(List<String> problems, String name, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(name + " must be at most " + max + " characters but has " + value.length());
        }
    }

    private void quizProblems(Set<String> aligned, List<String> problems) {
        onlyContent("QUIZ", !criteria.isEmpty() || !checklist.isEmpty(), problems);
        if (items.isEmpty()) {
            problems.add("a quiz needs at least one item");
        }
        Set<String> ids = new HashSet<>();
        Set<String> covered = new HashSet<>();
        for (QuizItem item : items) {
            String name = "item " + item.itemId();
            if (item.itemId() == null || !ids.add(item.itemId())) {
                problems.add("item ids must be present and unique but " + item.itemId() + " is not");
            }
            if (item.type() == null) {
                problems.add(name + " needs a type: one of SINGLE_CHOICE, MULTIPLE_CHOICE, NUMERIC, ORDERING");
                continue;
            }
            if (item.competencyIds().isEmpty()) {
                problems.add(name + " is not aligned to any competency");
            }
            for (String competencyId : item.competencyIds()) {
                if (!aligned.contains(competencyId)) {
                    problems.add(name + " is aligned to competency " + competencyId
                            + ", which the assessment is not aligned to");
                }
                covered.add(competencyId);
            }
            if (!(item.points() > 0)) {
                problems.add(name + " must be worth positive points");
            }
            Set<String> options = new HashSet<>(item.options());
            switch (item.type()) {
                case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                    if (item.options().size() < 2 || options.size() != item.options().size()) {
                        problems.add(name + " needs at least two distinct options");
                    }
                    if (item.correct().isEmpty() || !options.containsAll(item.correct())) {
                        problems.add(name + " must name its correct answers among its options");
                    }
                    if (item.type() == ItemType.SINGLE_CHOICE && item.correct().size() != 1) {
                        problems.add(name + " is single choice and must have exactly one correct option");
                    }
                }
                case NUMERIC -> {
                    if (item.answer() == null) {
                        problems.add(name + " is numeric and needs an answer");
                    }
                    if (item.tolerance() != null && item.tolerance() < 0) {
                        problems.add(name + " must not have a negative tolerance");
                    }
                }
                case ORDERING -> {
                    if (item.options().size() < 2 || options.size() != item.options().size()) {
                        problems.add(name + " needs at least two distinct options to order");
                    }
                    if (item.correct().size() != item.options().size()
                            || !new HashSet<>(item.correct()).equals(options)) {
                        problems.add(name + " must give the correct order of all its options");
                    }
                }
                default -> throw new IllegalStateException("Unknown item type " + item.type());
            }
        }
        uncovered(aligned, covered, "item", problems);
    }

    private void rubricProblems(AssessmentKind kind, Set<String> aligned, List<String> problems) {
        onlyContent(kind.name(), !items.isEmpty() || !checklist.isEmpty(), problems);
        if (criteria.isEmpty()) {
            problems.add(kind == AssessmentKind.RUBRIC ? "a rubric needs at least one criterion"
                    : "a " + kind + " assessment needs at least one criterion to rate");
        }
        Set<String> ids = new HashSet<>();
        Set<String> covered = new HashSet<>();
        for (RubricCriterion criterion : criteria) {
            String name = "criterion " + criterion.criterionId();
            if (criterion.criterionId() == null || !ids.add(criterion.criterionId())) {
                problems.add("criterion ids must be present and unique but " + criterion.criterionId() + " is not");
            }
            if (criterion.competencyId() == null || !aligned.contains(criterion.competencyId())) {
                problems.add(name + " must be aligned to one of the assessment's competencies");
            } else {
                covered.add(criterion.competencyId());
            }
            if (criterion.levels().size() < 2) {
                problems.add(name + " needs at least two levels");
            }
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < criterion.levels().size(); i++) {
                RubricLevel level = criterion.levels().get(i);
                if (level.code() == null || !codes.add(level.code())) {
                    problems.add(name + " has a missing or repeated level code " + level.code());
                }
                if (level.score() < 0) {
                    problems.add(name + " level " + level.code() + " must not have a negative score");
                }
                if (i > 0 && !(level.score() > criterion.levels().get(i - 1).score())) {
                    problems.add(name + " levels are out of order: " + level.code() + " must score more than "
                            + criterion.levels().get(i - 1).code());
                }
            }
            if (!criterion.levels().isEmpty() && !(criterion.maxScore() > 0)) {
                problems.add(name + " highest level must score more than 0");
            }
        }
        uncovered(aligned, covered, "criterion", problems);
    }

    private void checklistProblems(Set<String> aligned, List<String> problems) {
        onlyContent("OBSERVATION", !items.isEmpty() || !criteria.isEmpty(), problems);
        if (checklist.isEmpty()) {
            problems.add("an observation checklist needs at least one item");
        }
        Set<String> ids = new HashSet<>();
        Set<String> covered = new HashSet<>();
        for (ChecklistItem item : checklist) {
            if (item.itemId() == null || !ids.add(item.itemId())) {
                problems.add("checklist item ids must be present and unique but " + item.itemId() + " is not");
            }
            if (item.competencyId() == null || !aligned.contains(item.competencyId())) {
                problems.add("checklist item " + item.itemId() + " must be aligned to one of the assessment's"
                        + " competencies");
            } else {
                covered.add(item.competencyId());
            }
        }
        uncovered(aligned, covered, "checklist item", problems);
    }

    private static void onlyContent(String kind, boolean other, List<String> problems) {
        if (other) {
            problems.add("a " + kind + " assessment must not have content of another kind");
        }
    }

    private static void uncovered(Set<String> aligned, Set<String> covered, String what, List<String> problems) {
        aligned.stream().filter(c -> !covered.contains(c)).sorted()
                .forEach(c -> problems.add("competency " + c + " has no " + what + " to assess it"));
    }
}
