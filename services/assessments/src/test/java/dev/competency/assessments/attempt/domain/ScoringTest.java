package dev.competency.assessments.attempt.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.assessments.assessment.domain.ItemType;
import dev.competency.assessments.assessment.domain.QuizItem;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScoringTest {

    private static final QuizItem SINGLE = new QuizItem("q", ItemType.SINGLE_CHOICE, "?", List.of("a", "b", "c"),
            List.of("b"), null, null, 1.0, false, List.of("c-1"));
    private static final QuizItem MULTIPLE = new QuizItem("q", ItemType.MULTIPLE_CHOICE, "?",
            List.of("a", "b", "c", "d"), List.of("a", "b"), null, null, 1.0, false, List.of("c-1"));
    private static final QuizItem MULTIPLE_PARTIAL = new QuizItem("q", ItemType.MULTIPLE_CHOICE, "?",
            List.of("a", "b", "c", "d"), List.of("a", "b"), null, null, 1.0, true, List.of("c-1"));
    private static final QuizItem NUMERIC = new QuizItem("q", ItemType.NUMERIC, "?", null, null, 9.81, 0.05, 1.0,
            false, List.of("c-1"));
    private static final QuizItem ORDERING = new QuizItem("q", ItemType.ORDERING, "?", List.of("x", "y", "z", "w"),
            List.of("x", "y", "z", "w"), null, null, 1.0, true, List.of("c-1"));

    static Stream<Arguments> responses() {
        return Stream.of(
                Arguments.of("single right", SINGLE, choices("b"), 1.0),
                Arguments.of("single wrong", SINGLE, choices("a"), 0.0),
                Arguments.of("single with two choices", SINGLE, choices("a", "b"), 0.0),
                Arguments.of("unanswered", SINGLE, null, 0.0),
                Arguments.of("multiple exact", MULTIPLE, choices("b", "a"), 1.0),
                Arguments.of("multiple partly right, all or nothing", MULTIPLE, choices("a"), 0.0),
                Arguments.of("multiple partly right, partial credit", MULTIPLE_PARTIAL, choices("a"), 0.5),
                Arguments.of("multiple wrong pick cancels right pick", MULTIPLE_PARTIAL, choices("a", "c"), 0.0),
                Arguments.of("multiple more wrong than right is not negative", MULTIPLE_PARTIAL,
                        choices("a", "c", "d"), 0.0),
                Arguments.of("numeric exact", NUMERIC, number(9.81), 1.0),
                Arguments.of("numeric at the tolerance", NUMERIC, number(9.86), 1.0),
                Arguments.of("numeric beyond the tolerance", NUMERIC, number(9.87), 0.0),
                Arguments.of("numeric without a number", NUMERIC, choices("9.81"), 0.0),
                Arguments.of("ordering exact", ORDERING, choices("x", "y", "z", "w"), 1.0),
                Arguments.of("ordering half in place", ORDERING, choices("x", "y", "w", "z"), 0.5),
                Arguments.of("ordering incomplete", ORDERING, choices("x", "y"), 0.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responses")
    void earnsCredit_whenAnyItemTypeIsAnswered(String name, QuizItem item, ItemResponse response, double credit) {
        assertThat(Scoring.credit(item, response)).isEqualTo(credit);
    }

    private static ItemResponse choices(String... choices) {
        return new ItemResponse(List.of(choices), null, null);
    }

    private static ItemResponse number(double value) {
        return new ItemResponse(null, value, null);
    }
}
