package dev.competency.analytics.trend.query;

import dev.competency.analytics.period.Period;
import dev.competency.analytics.privacy.GroupBy;
import dev.competency.analytics.privacy.Population;
import dev.competency.analytics.privacy.Scope;
import dev.competency.analytics.privacy.Suppression;
import dev.competency.analytics.privacy.Viewer;
import dev.competency.analytics.state.AnalyticsState;
import dev.competency.analytics.state.Catalogue;
import dev.competency.analytics.state.LearnerRecord;
import dev.competency.analytics.state.MasteryCell;
import dev.competency.platform.service.error.Refusal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Share mastered per competency and group, period by period, as the mastery history stood at the end of each period
 * (changes whose {@code changedAt} is before the period's end; the later in the stream wins a tie). Built from each
 * change's own time, so a rebuilt state answers the same. Members are the group's members now.
 */
public final class Trend {

    private Trend() {
    }

    public record Question(String competencyId, String frameworkId, Scope scope, LocalDate from, LocalDate to,
                           Period.Interval interval) {
    }

    public record Answer(String interval, LocalDate from, LocalDate to, int minimumGroupSize, List<Series> series) {
    }

    public record Series(String unit, String teamId, String competencyId, List<Point> points) {
    }

    public record Point(LocalDate periodStart, LocalDate periodEnd, boolean suppressed, Integer rated,
                        Integer mastered, Double masteredShare) {
    }

    public static Answer answer(AnalyticsState state, Viewer viewer, Question question) {
        List<Period> periods = Period.covering(question.from(), question.to(), question.interval());
        Set<String> competencyIds = new LinkedHashSet<>();
        if (question.competencyId() != null) {
            competencyIds.add(question.competencyId());
        } else if (question.frameworkId() != null) {
            Catalogue.FrameworkVersion latest = state.catalogue().latest(question.frameworkId());
            if (latest == null) {
                throw Refusal.notFound("No published framework " + question.frameworkId());
            }
            competencyIds.addAll(latest.competencies().keySet());
        } else {
            state.catalogue().latestVersions().forEach(version -> competencyIds.addAll(version.competencies().keySet()));
        }
        Population population = Population.of(state, viewer, question.scope());
        List<PointItem> items = new ArrayList<>();
        List<Series> series = new ArrayList<>();
        for (Population.Group group : population.groups()) {
            for (String competencyId : competencyIds) {
                int c = state.competencyIndex(competencyId);
                int[] rated = new int[periods.size()];
                int[] mastered = new int[periods.size()];
                if (!group.suppressed() && c >= 0) {
                    for (int member : group.members()) {
                        LearnerRecord learner = state.learner(member);
                        MasteryCell cell = learner.cell(c);
                        if (cell == null) {
                            continue;
                        }
                        for (int p = 0; p < periods.size(); p++) {
                            int entry = cell.at(periods.get(p).endMillis() - 1);
                            if (entry >= 0 && cell.level(entry) >= 0) {
                                rated[p]++;
                                if (cell.mastered(entry)) {
                                    mastered[p]++;
                                }
                            }
                        }
                    }
                }
                List<PointItem> seriesItems = new ArrayList<>();
                for (int p = 0; p < periods.size(); p++) {
                    PointItem item = new PointItem(group, competencyId, p, rated[p], mastered[p],
                            group.suppressed() || viewer.tooSmall(rated[p]));
                    seriesItems.add(item);
                }
                items.addAll(seriesItems);
                series.add(new Series(group.unit(), group.teamId(), competencyId,
                        new PointList(seriesItems, periods)));
            }
        }
        if (viewer.suppresses()) {
            Comparator<PointItem> order = Comparator.comparing((PointItem item) -> item.group.unit(),
                    Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(item -> item.group.teamId(), Comparator.nullsLast(Comparator.naturalOrder()));
            if (question.scope().groupBy() == GroupBy.TEAM) {
                Suppression.complement(items, order, item -> item.competencyId + "\u0000" + item.period + "\u0000"
                        + item.group.unit(), item -> item.competencyId + "\u0000" + item.period + "\u0000"
                        + item.group.teamId());
            } else {
                Suppression.complement(items, order, item -> item.competencyId + "\u0000" + item.period);
            }
        }
        List<Series> answered = series.stream().map(one -> new Series(one.unit(), one.teamId(), one.competencyId(),
                ((PointList) one.points()).points())).toList();
        return new Answer(question.interval().name().toLowerCase(java.util.Locale.ROOT), question.from(),
                question.to(), viewer.shownMinimum(), answered);
    }

    private static final class PointItem extends Suppression.Counted {
        final Population.Group group;
        final String competencyId;
        final int period;
        final int rated;
        final int mastered;

        PointItem(Population.Group group, String competencyId, int period, int rated, int mastered,
                  boolean suppressed) {
            super(rated, suppressed);
            this.group = group;
            this.competencyId = competencyId;
            this.period = period;
            this.rated = rated;
            this.mastered = mastered;
        }
    }

    /** The points of one series, read once suppression is final. */
    private static final class PointList extends java.util.AbstractList<Point> {
        private final List<PointItem> items;
        private final List<Period> periods;

        PointList(List<PointItem> items, List<Period> periods) {
            this.items = items;
            this.periods = periods;
        }

        List<Point> points() {
            return List.copyOf(this);
        }

        @Override
        public Point get(int index) {
            PointItem item = items.get(index);
            Period period = periods.get(item.period);
            return item.suppressed() ? new Point(period.start(), period.end(), true, null, null, null)
                    : new Point(period.start(), period.end(), false, item.rated, item.mastered,
                    item.rated == 0 ? null : (double) item.mastered / item.rated);
        }

        @Override
        public int size() {
            return items.size();
        }
    }
}
