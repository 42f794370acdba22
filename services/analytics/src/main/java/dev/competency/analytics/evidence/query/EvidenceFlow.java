package dev.competency.analytics.evidence.query;

import dev.competency.analytics.period.Period;
import dev.competency.analytics.privacy.Viewer;
import dev.competency.analytics.state.AnalyticsState;
import dev.competency.analytics.state.EvidenceLog;
import dev.competency.analytics.state.LearnerRecord;
import dev.competency.contracts.evidence.SourceType;
import dev.competency.contracts.frameworks.RoleProfilePublished;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evidence volume by source type and period: recorded (by recordedAt) and voided (by the void's time), and the share
 * of the evidence recorded in the range, not voided, on competencies that no published role profile requires. Counts
 * the evidence of the learners in scope (unit, team); for callers who get suppression the whole answer is suppressed
 * when that population is smaller than the minimum, or when it is narrowed by a filter and the rest is.
 */
public final class EvidenceFlow {

    private static final SourceType[] SOURCES = SourceType.values();

    private EvidenceFlow() {
    }

    public record Question(LocalDate from, LocalDate to, Period.Interval interval, String unit, String teamId) {
    }

    /** {@code suppressed} and {@code minimumGroupSize} are additions to the agreed shape. */
    public record Answer(String interval, LocalDate from, LocalDate to, int minimumGroupSize, boolean suppressed,
                         Double unrequiredShare, List<Point> points) {
    }

    public record Point(LocalDate periodStart, SourceType sourceType, Integer recorded, Integer voided) {
    }

    /** Evidence not voided, by source type, over everyone (the kept {@code GET /evidence/sources}). */
    public static Map<SourceType, Long> bySource(AnalyticsState state) {
        Map<SourceType, Long> counts = new EnumMap<>(SourceType.class);
        for (int i = 0; i < state.learnerSlots(); i++) {
            LearnerRecord learner = state.learner(i);
            EvidenceLog evidence = learner == null ? null : learner.evidence();
            for (int e = 0; evidence != null && e < evidence.size(); e++) {
                if (!evidence.voided(e)) {
                    counts.merge(SOURCES[evidence.source(e)], 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    public static Answer answer(AnalyticsState state, Viewer viewer, Question question) {
        List<Period> periods = Period.covering(question.from(), question.to(), question.interval());
        long rangeStart = periods.get(0).startMillis();
        long rangeEnd = periods.get(periods.size() - 1).endMillis();
        Set<Integer> required = new HashSet<>();
        for (RoleProfilePublished profile : state.catalogue().latestRoleProfiles()) {
            profile.requirements().forEach(requirement -> required.add(state.competencyIndex(requirement.competencyId())));
        }
        int[][] recorded = new int[periods.size()][SOURCES.length];
        int[][] voided = new int[periods.size()][SOURCES.length];
        boolean[] seen = new boolean[SOURCES.length];
        long inRange = 0;
        long unrequired = 0;
        int population = 0;
        int base = 0;
        for (int i = 0; i < state.learnerSlots(); i++) {
            LearnerRecord learner = state.learner(i);
            if (learner == null || learner.erased()) {
                continue;
            }
            String team = state.team(learner.teamIndex());
            if (!viewer.includes(team)) {
                continue;
            }
            boolean unitMatches = question.unit() == null || question.unit().equals(state.unit(learner.unitIndex()));
            boolean teamMatches = question.teamId() == null || question.teamId().equals(team);
            if (question.teamId() != null ? unitMatches : true) {
                base++;
            }
            if (!unitMatches || !teamMatches) {
                continue;
            }
            population++;
            EvidenceLog evidence = learner.evidence();
            for (int e = 0; evidence != null && e < evidence.size(); e++) {
                long recordedAt = evidence.recordedAt(e);
                if (recordedAt >= rangeStart && recordedAt < rangeEnd) {
                    int p = periodOf(periods, recordedAt);
                    recorded[p][evidence.source(e)]++;
                    seen[evidence.source(e)] = true;
                    if (!evidence.voided(e)) {
                        inRange++;
                        if (!required.contains(evidence.competency(e))) {
                            unrequired++;
                        }
                    }
                }
                long voidedAt = evidence.voidedAt(e);
                if (evidence.voided(e) && voidedAt >= rangeStart && voidedAt < rangeEnd) {
                    voided[periodOf(periods, voidedAt)][evidence.source(e)]++;
                    seen[evidence.source(e)] = true;
                }
            }
        }
        boolean narrowed = question.unit() != null || question.teamId() != null;
        boolean suppressed = viewer.tooSmall(population) || narrowed && viewer.tooSmall(base - population);
        List<Point> points = new ArrayList<>();
        for (int p = 0; p < periods.size(); p++) {
            for (SourceType source : SOURCES) {
                if (!seen[source.ordinal()] && !suppressed) {
                    continue;
                }
                points.add(suppressed ? new Point(periods.get(p).start(), source, null, null)
                        : new Point(periods.get(p).start(), source, recorded[p][source.ordinal()],
                        voided[p][source.ordinal()]));
            }
        }
        Double share = suppressed || inRange == 0 ? null : (double) unrequired / inRange;
        return new Answer(question.interval().name().toLowerCase(java.util.Locale.ROOT), question.from(),
                question.to(), viewer.shownMinimum(), suppressed, share, points);
    }

    private static int periodOf(List<Period> periods, long millis) {
        int low = 0;
        int high = periods.size() - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (periods.get(mid).startMillis() <= millis) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }
}
