package dev.competency.analytics.trend.query;

import static dev.competency.analytics.state.ContractEvents.framework;
import static dev.competency.analytics.state.ContractEvents.mastery;
import static dev.competency.analytics.state.ContractEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.competency.analytics.period.Period;
import dev.competency.analytics.privacy.GroupBy;
import dev.competency.analytics.privacy.Scope;
import dev.competency.analytics.privacy.Viewer;
import dev.competency.analytics.state.AnalyticsState;
import dev.competency.analytics.state.ContractEvents;
import dev.competency.analytics.state.ContractEvents.Event;
import dev.competency.contracts.frameworks.FrameworkPublished;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrendTest {

    private static final Instant T = Instant.parse("2026-10-15T09:00:00Z");
    private static final Viewer ADMIN = new Viewer(false, 5, true, Set.of(), false);
    /** An analyst with a minimum group size of 2, so that a unit of one is hidden. */
    private static final Viewer ANALYST = new Viewer(true, 2, false, Set.of(), false);

    private static Trend.Answer trend(AnalyticsState state, Viewer viewer, String frameworkId) {
        return Trend.answer(state, viewer, new Trend.Question(null, frameworkId,
                new Scope(null, null, null, GroupBy.UNIT), LocalDate.of(2026, 9, 1), LocalDate.of(2026, 11, 30),
                Period.Interval.MONTH));
    }

    /** A second framework, as an imported CASE package publishes it: its own id, codes and titles. */
    private static FrameworkPublished imported(List<String> competencyIds) {
        FrameworkPublished template = framework(1, competencyIds);
        List<FrameworkPublished.Competency> competencies = new ArrayList<>();
        for (FrameworkPublished.Competency competency : template.competencies()) {
            competencies.add(new FrameworkPublished.Competency(competency.id(), "CASE." + competency.id(),
                    "Imported " + competency.id(), null, null, competency.position(), null, null, null, null));
        }
        return new FrameworkPublished("fw-case", 1, "CASE", "Imported standard", null, null,
                template.publishedAt(), null, competencies, List.of(), template.scale(), template.masteryPolicy());
    }

    @Test
    void leavesOutUnratedSeriesAndNamesEverySeries_whenNoFrameworkIsChosen() {
        AnalyticsState state = ContractEvents.fold(List.of(
                Event.of(framework(1, List.of("c1", "c2", "c3"))),
                Event.of(imported(List.of("x1", "x2", "x3"))),
                Event.of(registered("ada", "eng")),
                Event.of(registered("bob", "ops")),
                Event.of(mastery("ada", "c1", "COMPETENT", true, 0.7, T)),
                Event.of(mastery("ada", "x2", "DEVELOPING", false, 0.4, T)),
                Event.of(mastery("bob", "c2", "COMPETENT", true, 0.7, T))));

        Trend.Answer answer = trend(state, ADMIN, null);

        assertThat(answer.series()).extracting(Trend.Series::unit, Trend.Series::competencyId,
                Trend.Series::competencyCode, Trend.Series::competencyTitle, Trend.Series::frameworkId,
                Trend.Series::frameworkTitle).containsExactlyInAnyOrder(
                tuple("eng", "c1", "DEV.1", "Competency 1", "fw-dev", "Development"),
                tuple("eng", "x2", "CASE.x2", "Imported x2", "fw-case", "Imported standard"),
                tuple("ops", "c2", "DEV.2", "Competency 2", "fw-dev", "Development"));
        Trend.Series ada = answer.series().stream().filter(series -> series.competencyId().equals("c1"))
                .findFirst().orElseThrow();
        assertThat(ada.points()).extracting(Trend.Point::rated).containsExactly(0, 1, 1);
    }

    @Test
    void namesSeriesByTheChosenFrameworkLeavingOutUnrated_whenAFrameworkIsChosen() {
        AnalyticsState state = ContractEvents.fold(List.of(
                Event.of(framework(1, List.of("c1", "c2"))),
                Event.of(registered("ada", "eng")),
                Event.of(mastery("ada", "c2", "COMPETENT", true, 0.7, T))));

        Trend.Answer answer = trend(state, ADMIN, ContractEvents.FRAMEWORK);

        assertThat(answer.series()).extracting(Trend.Series::competencyId, Trend.Series::competencyTitle)
                .containsExactly(tuple("c2", "Competency 2"));
    }

    @Test
    void leavesOutSeries_whenNoShownGroupIsRatedOnTheirCompetency() {
        // ops (one person) is hidden, and sales (two) with it, so that ops cannot be had from a total; eng is shown.
        AnalyticsState state = ContractEvents.fold(List.of(
                Event.of(framework(1, List.of("c1", "c2", "c3"))),
                Event.of(registered("ada", "eng")),
                Event.of(registered("bea", "eng")),
                Event.of(registered("cem", "eng")),
                Event.of(registered("dan", "sales")),
                Event.of(registered("eve", "sales")),
                Event.of(registered("bob", "ops")),
                Event.of(mastery("ada", "c1", "COMPETENT", true, 0.7, T)),
                Event.of(mastery("bea", "c1", "COMPETENT", true, 0.7, T)),
                Event.of(mastery("bob", "c2", "COMPETENT", true, 0.7, T))));

        Trend.Answer answer = trend(state, ANALYST, null);

        // c1: eng is rated, so the hidden units keep their series; c2, on which only a hidden unit is rated, and c3,
        // on which no one is, are left out.
        assertThat(answer.series()).extracting(Trend.Series::unit, Trend.Series::competencyId)
                .containsExactlyInAnyOrder(tuple("eng", "c1"), tuple("ops", "c1"), tuple("sales", "c1"));
        assertThat(answer.series()).filteredOn(series -> !series.unit().equals("eng"))
                .flatExtracting(Trend.Series::points).allSatisfy(point -> {
                    assertThat(point.suppressed()).isTrue();
                    assertThat(point.rated()).isNull();
                });
    }

    @Test
    void keepsEveryHiddenSeries_whenNoGroupIsShown() {
        AnalyticsState state = ContractEvents.fold(List.of(
                Event.of(framework(1, List.of("c1", "c2"))),
                Event.of(registered("bob", "ops")),
                Event.of(mastery("bob", "c2", "COMPETENT", true, 0.7, T))));

        Trend.Answer answer = trend(state, ANALYST, null);

        assertThat(answer.series()).extracting(Trend.Series::competencyId).containsExactly("c1", "c2");
        assertThat(answer.series()).flatExtracting(Trend.Series::points)
                .allSatisfy(point -> assertThat(point.suppressed()).isTrue());
    }
}
