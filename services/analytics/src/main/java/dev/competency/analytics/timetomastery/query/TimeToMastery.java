package dev.competency.analytics.timetomastery.query;

import dev.competency.analytics.privacy.GroupBy;
import dev.competency.analytics.privacy.Population;
import dev.competency.analytics.privacy.Scope;
import dev.competency.analytics.privacy.Suppression;
import dev.competency.analytics.privacy.Viewer;
import dev.competency.analytics.state.AnalyticsState;
import dev.competency.analytics.state.EvidenceLog;
import dev.competency.analytics.state.LearnerRecord;
import dev.competency.analytics.state.MasteryCell;
import dev.competency.contracts.evidence.SourceType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Days from a learner's first evidence on a competency (its occurredAt) to their first mastery of it (the changedAt of
 * the first change, in stream order, that said mastered), counting only evidence not voided that occurred by then.
 * Median and 75th percentile (linear between ranks) per group and competency, and per competency by the mix of
 * source types of that evidence. A row of fewer learners than the minimum is suppressed (a median of one is that
 * person's time), and complementary suppression applies among the groups of a competency and among its mixes; the
 * mixes count only learners of groups that are shown.
 */
public final class TimeToMastery {

    private static final double DAY_MILLIS = 86_400_000.0;
    private static final SourceType[] SOURCES = SourceType.values();

    private TimeToMastery() {
    }

    public record Question(String frameworkId, String competencyId, Scope scope) {
    }

    public record Answer(int minimumGroupSize, List<Row> rows, List<MixRow> bySourceMix) {
    }

    public record Row(String unit, String teamId, String competencyId, boolean suppressed, Integer learners,
                      Double medianDays, Double p75Days) {
    }

    public record MixRow(String competencyId, String mix, boolean suppressed, Integer learners, Double medianDays,
                         Double p75Days) {
    }

    public static Answer answer(AnalyticsState state, Viewer viewer, Question question) {
        int only = question.competencyId() == null ? -2 : state.competencyIndex(question.competencyId());
        Population population = Population.of(state, viewer, question.scope());
        List<Item> rows = new ArrayList<>();
        Map<String, Map<String, List<Double>>> mixes = new TreeMap<>();
        for (Population.Group group : population.groups()) {
            Map<String, List<Double>> byCompetency = new TreeMap<>();
            for (int member : group.members()) {
                LearnerRecord learner = state.learner(member);
                for (int c = 0; c < learner.cellSlots(); c++) {
                    MasteryCell cell = learner.cell(c);
                    if (cell == null || cell.firstMastered() < 0 || only != -2 && c != only
                            || question.frameworkId() != null
                            && !question.frameworkId().equals(state.frameworkId(cell.frameworkIndex()))) {
                        continue;
                    }
                    long masteredAt = cell.changedAt(cell.firstMastered());
                    EvidenceLog evidence = learner.evidence();
                    long first = Long.MAX_VALUE;
                    Set<SourceType> sources = EnumSet.noneOf(SourceType.class);
                    for (int e = 0; evidence != null && e < evidence.size(); e++) {
                        if (evidence.competency(e) == c && !evidence.voided(e)
                                && evidence.occurredAt(e) <= masteredAt) {
                            first = Math.min(first, evidence.occurredAt(e));
                            sources.add(SOURCES[evidence.source(e)]);
                        }
                    }
                    if (first == Long.MAX_VALUE) {
                        continue;
                    }
                    double days = (masteredAt - first) / DAY_MILLIS;
                    String competencyId = state.competencyId(c);
                    byCompetency.computeIfAbsent(competencyId, id -> new ArrayList<>()).add(days);
                    if (!group.suppressed()) {
                        StringJoiner mix = new StringJoiner("+");
                        sources.stream().map(Enum::name).sorted().forEach(mix::add);
                        mixes.computeIfAbsent(competencyId, id -> new TreeMap<>())
                                .computeIfAbsent(mix.toString(), m -> new ArrayList<>()).add(days);
                    }
                }
            }
            byCompetency.forEach((competencyId, days) -> rows.add(new Item(group.unit(), group.teamId(), competencyId,
                    null, days, group.suppressed() || viewer.tooSmall(days.size()))));
        }
        List<Item> mixItems = new ArrayList<>();
        mixes.forEach((competencyId, byMix) -> byMix.forEach((mix, days) ->
                mixItems.add(new Item(null, null, competencyId, mix, days, viewer.tooSmall(days.size())))));
        if (viewer.suppresses()) {
            Comparator<Item> order = Comparator.comparing((Item item) -> String.valueOf(item.unit))
                    .thenComparing(item -> String.valueOf(item.teamId)).thenComparing(item -> String.valueOf(item.mix));
            if (question.scope().groupBy() == GroupBy.TEAM) {
                Suppression.complement(rows, order, item -> item.competencyId + "\u0000" + item.unit,
                        item -> item.competencyId + "\u0000" + item.teamId);
            } else {
                Suppression.complement(rows, order, item -> item.competencyId);
            }
            Suppression.complement(mixItems, order, item -> item.competencyId);
        }
        rows.sort(Comparator.comparing((Item item) -> item.competencyId)
                .thenComparing(item -> item.unit, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(item -> item.teamId, Comparator.nullsLast(Comparator.naturalOrder())));
        return new Answer(viewer.shownMinimum(),
                rows.stream().map(item -> item.suppressed()
                        ? new Row(item.unit, item.teamId, item.competencyId, true, null, null, null)
                        : new Row(item.unit, item.teamId, item.competencyId, false, item.days.length,
                        percentile(item.days, 0.5), percentile(item.days, 0.75))).toList(),
                mixItems.stream().map(item -> item.suppressed()
                        ? new MixRow(item.competencyId, item.mix, true, null, null, null)
                        : new MixRow(item.competencyId, item.mix, false, item.days.length,
                        percentile(item.days, 0.5), percentile(item.days, 0.75))).toList());
    }

    /** The percentile of sorted values, interpolating linearly between the closest ranks. */
    static double percentile(double[] sorted, double fraction) {
        double rank = fraction * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        return sorted[below] + (sorted[above] - sorted[below]) * (rank - below);
    }

    private static final class Item extends Suppression.Counted {
        final String unit;
        final String teamId;
        final String competencyId;
        final String mix;
        final double[] days;

        Item(String unit, String teamId, String competencyId, String mix, List<Double> days, boolean suppressed) {
            super(days.size(), suppressed);
            this.unit = unit;
            this.teamId = teamId;
            this.competencyId = competencyId;
            this.mix = mix;
            this.days = days.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(this.days);
        }
    }
}
