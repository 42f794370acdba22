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
import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.platform.service.error.Refusal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Share mastered per competency and group, period by period, as the mastery history stood at the end of each period
 * (changes whose {@code changedAt} is before the period's end; the later in the stream wins a tie). Built from each
 * change's own time, so a rebuilt state answers the same. Members are the group's members now.
 *
 * <p>Series without a rating in the range are left out, so that frameworks nobody is rated on do not bury the rest:
 * every series of a competency no shown group has anyone rated on at the end of any period (as for the capability
 * map's extra columns, only shown groups decide), and a series whose points are all shown with no one rated. When
 * every group is hidden, only the second rule applies, which leaves the hidden series in.
 */
public final class Trend {

    private Trend() {
    }

    public record Question(String competencyId, String frameworkId, Scope scope, LocalDate from, LocalDate to,
                           Period.Interval interval) {
    }

    public record Answer(String interval, LocalDate from, LocalDate to, int minimumGroupSize, List<Series> series) {
    }

    /**
     * One group's line for one competency, named as the catalogue names it: the framework asked for, else the latest
     * framework version that contains the competency (the names are null when no framework containing it was
     * published).
     */
    public record Series(String unit, String teamId, String competencyId, String competencyCode,
                         String competencyTitle, String frameworkId, String frameworkTitle, List<Point> points) {
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
        Catalogue.FrameworkVersion asked = question.frameworkId() == null ? null
                : state.catalogue().latest(question.frameworkId());
        List<PointItem> items = new ArrayList<>();
        List<SeriesItems> series = new ArrayList<>();
        Set<String> ratedInShownGroup = new HashSet<>();
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
                    if (Arrays.stream(rated).anyMatch(count -> count > 0)) {
                        ratedInShownGroup.add(competencyId);
                    }
                }
                List<PointItem> seriesItems = new ArrayList<>();
                for (int p = 0; p < periods.size(); p++) {
                    PointItem item = new PointItem(group, competencyId, p, rated[p], mastered[p],
                            group.suppressed() || viewer.tooSmall(rated[p]));
                    seriesItems.add(item);
                }
                items.addAll(seriesItems);
                series.add(new SeriesItems(group, competencyId, seriesItems));
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
        boolean anyGroupShown = population.groups().stream().anyMatch(group -> !group.suppressed());
        List<Series> answered = new ArrayList<>();
        for (SeriesItems one : series) {
            boolean leftOut = anyGroupShown && !ratedInShownGroup.contains(one.competencyId)
                    || one.items.stream().allMatch(item -> !item.suppressed() && item.rated == 0);
            if (leftOut) {
                continue;
            }
            Catalogue.FrameworkVersion owner = asked != null && asked.competencies().containsKey(one.competencyId)
                    ? asked : state.catalogue().latestContaining(one.competencyId);
            FrameworkPublished.Competency described = owner == null ? null
                    : owner.competencies().get(one.competencyId);
            answered.add(new Series(one.group.unit(), one.group.teamId(), one.competencyId,
                    described == null ? null : described.code(), described == null ? null : described.title(),
                    owner == null ? null : owner.frameworkId(), owner == null ? null : owner.title(),
                    points(one.items, periods)));
        }
        return new Answer(question.interval().name().toLowerCase(Locale.ROOT), question.from(),
                question.to(), viewer.shownMinimum(), answered);
    }

    /** The points of one series, read once suppression is final. */
    private static List<Point> points(List<PointItem> items, List<Period> periods) {
        List<Point> points = new ArrayList<>(items.size());
        for (PointItem item : items) {
            Period period = periods.get(item.period);
            points.add(item.suppressed() ? new Point(period.start(), period.end(), true, null, null, null)
                    : new Point(period.start(), period.end(), false, item.rated, item.mastered,
                    item.rated == 0 ? null : (double) item.mastered / item.rated));
        }
        return List.copyOf(points);
    }

    private record SeriesItems(Population.Group group, String competencyId, List<PointItem> items) {
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
}
