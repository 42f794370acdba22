package dev.competency.analytics.capability.query;

import dev.competency.analytics.privacy.GroupView;
import dev.competency.analytics.privacy.Population;
import dev.competency.analytics.privacy.Scope;
import dev.competency.analytics.privacy.Suppression;
import dev.competency.analytics.privacy.Viewer;
import dev.competency.analytics.state.AnalyticsState;
import dev.competency.analytics.state.CapabilityTotals;
import dev.competency.analytics.state.Catalogue;
import dev.competency.analytics.state.LearnerRecord;
import dev.competency.analytics.state.MasteryCell;
import dev.competency.analytics.state.ScoreSum;
import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.contracts.frameworks.RoleProfilePublished;
import dev.competency.platform.service.error.Refusal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Units or teams × competencies: per cell how many members are rated (have a level: a fold or roll-up that gives
 * none yet does not count), how many mastered, the mean score and the spread over the levels, now or as the mastery
 * history stood at an instant.
 *
 * <p>Columns: the competencies of the framework version asked for (the latest version without
 * {@code frameworkVersion}), else those the role profile requires, else those of every framework's latest version and
 * any other competency someone in view is rated on. With {@code frameworkVersion}, only ratings under that version
 * count. A cell is suppressed with its group, when fewer than the minimum are rated, when fewer than the minimum
 * rated under the other versions of the framework (so that the version-filtered and the unfiltered answers cannot be
 * subtracted), and by complementary suppression among the cells of one competency.
 */
public final class CapabilityMap {

    private CapabilityMap() {
    }

    /** @param asOf epoch millis, or null for now */
    public record Question(String frameworkId, Integer frameworkVersion, Scope scope, Long asOf) {
    }

    public record Answer(Instant asOf, int minimumGroupSize, List<Competency> competencies, List<GroupView> groups,
                         List<Cell> cells) {
    }

    public record Competency(String competencyId, String code, String title, String frameworkId,
                             Integer frameworkVersion) {
    }

    /** @param levels level code → members at it, in scale order; empty when suppressed */
    public record Cell(String unit, String teamId, String competencyId, boolean suppressed, Integer rated,
                       Integer mastered, Double masteredShare, Double averageScore, Map<String, Integer> levels) {
    }

    public static Answer answer(AnalyticsState state, Viewer viewer, Question question, Instant now) {
        Catalogue catalogue = state.catalogue();
        Catalogue.FrameworkVersion framework = null;
        if (question.frameworkId() != null) {
            framework = question.frameworkVersion() == null ? catalogue.latest(question.frameworkId())
                    : catalogue.version(question.frameworkId(), question.frameworkVersion());
            if (framework == null) {
                throw Refusal.notFound("No published framework " + question.frameworkId()
                        + (question.frameworkVersion() == null ? "" : " version " + question.frameworkVersion()));
            }
        }
        RoleProfilePublished profile = null;
        if (question.scope().roleProfileId() != null) {
            profile = catalogue.roleProfile(question.scope().roleProfileId(), 0);
            if (profile == null) {
                throw Refusal.notFound("No published role profile " + question.scope().roleProfileId());
            }
        }
        Set<String> columnIds = new LinkedHashSet<>();
        if (framework != null) {
            columnIds.addAll(framework.competencies().keySet());
        } else if (profile != null) {
            profile.requirements().forEach(requirement -> columnIds.add(requirement.competencyId()));
        } else {
            catalogue.latestVersions().forEach(version -> columnIds.addAll(version.competencies().keySet()));
        }
        boolean openColumns = framework == null && profile == null;
        int slots = state.competencySlots();
        boolean[] selected = new boolean[slots];
        for (String id : columnIds) {
            int index = state.competencyIndex(id);
            if (index >= 0) {
                selected[index] = true;
            }
        }
        int frameworkIndex = -1;
        int version = question.frameworkVersion() == null ? -1 : question.frameworkVersion();
        long asOf = question.asOf() == null ? Long.MAX_VALUE : question.asOf();

        Population population = Population.of(state, viewer, question.scope());
        int levelCodes = state.levelCodeCount();
        List<Counts> counts = countsFromTotals(state, population, framework, profile, version, asOf, selected, slots,
                levelCodes);
        if (counts == null) {
            counts = countsFromCells(state, population, framework, version, asOf, selected, openColumns, slots,
                    levelCodes);
        }
        boolean[] ratedAnywhere = new boolean[slots];
        for (int g = 0; g < counts.size(); g++) {
            if (!population.groups().get(g).suppressed()) {
                int[] rated = counts.get(g).rated;
                for (int c = 0; c < slots; c++) {
                    ratedAnywhere[c] |= rated[c] > 0;
                }
            }
        }
        List<Integer> columns = new ArrayList<>();
        for (String id : columnIds) {
            int index = state.competencyIndex(id);
            columns.add(index);
        }
        if (openColumns) {
            for (int c = 0; c < slots; c++) {
                if (ratedAnywhere[c] && !columnIds.contains(state.competencyId(c))) {
                    columns.add(c);
                }
            }
        }
        List<Competency> competencies = new ArrayList<>();
        List<String> columnCompetencyIds = new ArrayList<>();
        List<String> listedIds = List.copyOf(columnIds);
        for (int i = 0; i < columns.size(); i++) {
            String id = i < listedIds.size() ? listedIds.get(i) : state.competencyId(columns.get(i));
            columnCompetencyIds.add(id);
            Catalogue.FrameworkVersion owner = framework != null ? framework : catalogue.latestContaining(id);
            FrameworkPublished.Competency described = owner == null ? null : owner.competencies().get(id);
            competencies.add(new Competency(id, described == null ? null : described.code(),
                    described == null ? null : described.title(), owner == null ? null : owner.frameworkId(),
                    owner == null ? null : owner.version()));
        }

        List<List<String>> scales = new ArrayList<>(columns.size());
        for (String id : columnCompetencyIds) {
            Catalogue.FrameworkVersion owner = catalogue.latestContaining(id);
            scales.add(owner == null ? List.of() : owner.scaleOf(id).codes());
        }
        List<CellItem> items = new ArrayList<>(population.groups().size() * columns.size());
        List<Population.Group> groups = population.groups();
        for (int g = 0; g < groups.size(); g++) {
            Population.Group group = groups.get(g);
            Counts groupCounts = counts.get(g);
            for (int i = 0; i < columns.size(); i++) {
                int c = columns.get(i);
                int rated = c < 0 ? 0 : groupCounts.rated[c];
                boolean suppressed = group.suppressed() || viewer.tooSmall(rated)
                        || c >= 0 && viewer.tooSmall(groupCounts.otherVersion[c]);
                items.add(new CellItem(group, groupCounts, columnCompetencyIds.get(i), scales.get(i), c, rated,
                        suppressed));
            }
        }
        if (viewer.suppresses()) {
            Comparator<CellItem> order = Comparator.comparing((CellItem item) -> item.group.unit(),
                            Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(item -> item.group.teamId(), Comparator.nullsLast(Comparator.naturalOrder()));
            if (question.scope().groupBy() == dev.competency.analytics.privacy.GroupBy.TEAM) {
                Suppression.complement(items, order, item -> item.competencyId + "\u0000" + item.group.unit(),
                        item -> item.competencyId + "\u0000" + item.group.teamId());
            } else {
                Suppression.complement(items, order, item -> item.competencyId);
            }
        }
        List<Cell> cells = new ArrayList<>(items.size());
        for (CellItem item : items) {
            cells.add(item.view(item.index < 0 ? null : item.counts, state));
        }
        List<GroupView> groupViews = groups.stream().map(GroupView::of).toList();
        return new Answer(question.asOf() == null ? now : Instant.ofEpochMilli(question.asOf()), viewer.shownMinimum(),
                competencies, groupViews, cells);
    }

    /**
     * The counts of each group from the state's {@link CapabilityTotals}: the present, without a framework version or
     * role profile, summed over the pairs of unit and team the group's members are in. Null when the question needs
     * the cells visited (as of an instant, one framework version, one role profile, or a framework filter on a
     * competency rated under more than one framework).
     */
    private static List<Counts> countsFromTotals(AnalyticsState state, Population population,
                                                 Catalogue.FrameworkVersion framework, RoleProfilePublished profile,
                                                 int version, long asOf, boolean[] selected, int slots,
                                                 int levelCodes) {
        if (asOf != Long.MAX_VALUE || version >= 0 || profile != null) {
            return null;
        }
        CapabilityTotals totals = state.capabilityTotals();
        boolean[] foreign = new boolean[slots];
        if (framework != null) {
            int frameworkIndex = state.frameworkIndex(framework.frameworkId());
            for (int c = 0; c < slots; c++) {
                int named = totals.framework(c);
                if (named == CapabilityTotals.MIXED && selected[c]) {
                    return null;
                }
                foreign[c] = named >= 0 && named != frameworkIndex;
            }
        }
        int[] seen = new int[totals.pairCount()];
        List<Counts> counts = new ArrayList<>();
        List<Population.Group> groups = population.groups();
        for (int g = 0; g < groups.size(); g++) {
            Population.Group group = groups.get(g);
            Counts groupCounts = new Counts(slots, levelCodes);
            counts.add(groupCounts);
            if (group.suppressed()) {
                continue;
            }
            for (int member : group.members()) {
                int pair = state.learner(member).totalsPair();
                if (pair >= 0 && seen[pair] != g + 1) {
                    seen[pair] = g + 1;
                    totals.addTo(pair, groupCounts.rated, groupCounts.mastered, groupCounts.scored,
                            groupCounts.scoreSum, groupCounts.levels, levelCodes);
                }
            }
            for (int c = 0; c < slots; c++) {
                if (foreign[c]) {
                    groupCounts.clear(c);
                }
            }
        }
        return counts;
    }

    /** The counts of each group from its members' cells, as they stood at {@code asOf}. */
    private static List<Counts> countsFromCells(AnalyticsState state, Population population,
                                                Catalogue.FrameworkVersion framework, int version, long asOf,
                                                boolean[] selected, boolean openColumns, int slots, int levelCodes) {
        List<Counts> counts = new ArrayList<>();
        for (Population.Group group : population.groups()) {
            Counts groupCounts = new Counts(slots, levelCodes);
            counts.add(groupCounts);
            if (group.suppressed()) {
                continue;
            }
            for (int member : group.members()) {
                LearnerRecord learner = state.learner(member);
                int cellSlots = Math.min(learner.cellSlots(), slots);
                for (int c = 0; c < cellSlots; c++) {
                    if (!selected[c] && !openColumns) {
                        continue;
                    }
                    MasteryCell cell = learner.cell(c);
                    if (cell == null) {
                        continue;
                    }
                    int entry = asOf == Long.MAX_VALUE ? cell.current() : cell.at(asOf);
                    if (entry < 0) {
                        continue;
                    }
                    if (framework != null && !state.frameworkId(cell.frameworkIndex()).equals(framework.frameworkId())) {
                        continue;
                    }
                    if (version >= 0 && cell.frameworkVersion(entry) != version) {
                        groupCounts.otherVersion[c]++;
                        continue;
                    }
                    groupCounts.add(c, cell, entry);
                }
            }
        }
        return counts;
    }

    private static final class Counts {
        final int[] rated;
        final int[] mastered;
        final int[] scored;
        /** In {@link ScoreSum} units. */
        final long[] scoreSum;
        final int[] otherVersion;
        /** Per competency the members at each level, null until one has a level. */
        final int[][] levels;
        final int levelCodes;

        Counts(int slots, int levelCodes) {
            rated = new int[slots];
            mastered = new int[slots];
            scored = new int[slots];
            scoreSum = new long[slots];
            otherVersion = new int[slots];
            levels = new int[slots][];
            this.levelCodes = levelCodes;
        }

        void add(int c, MasteryCell cell, int entry) {
            if (cell.level(entry) < 0) {
                return;
            }
            rated[c]++;
            if (cell.mastered(entry)) {
                mastered[c]++;
            }
            double score = cell.score(entry);
            if (!Double.isNaN(score)) {
                scored[c]++;
                scoreSum[c] += ScoreSum.units(score);
            }
            int level = cell.level(entry);
            if (level >= 0) {
                if (levels[c] == null) {
                    levels[c] = new int[levelCodes];
                }
                levels[c][level]++;
            }
        }

        void clear(int c) {
            rated[c] = 0;
            mastered[c] = 0;
            scored[c] = 0;
            scoreSum[c] = 0;
            levels[c] = null;
        }
    }

    private static final class CellItem extends Suppression.Counted {
        final Population.Group group;
        final Counts counts;
        final String competencyId;
        final List<String> scale;
        final int index;
        final int rated;

        CellItem(Population.Group group, Counts counts, String competencyId, List<String> scale, int index, int rated,
                 boolean suppressed) {
            super(rated, suppressed);
            this.group = group;
            this.counts = counts;
            this.competencyId = competencyId;
            this.scale = scale;
            this.index = index;
            this.rated = rated;
        }

        Cell view(Counts counts, AnalyticsState state) {
            if (suppressed()) {
                return new Cell(group.unit(), group.teamId(), competencyId, true, null, null, null, null, Map.of());
            }
            Map<String, Integer> levels = new LinkedHashMap<>(scale.size() * 2);
            for (String code : scale) {
                levels.put(code, 0);
            }
            if (counts == null) {
                return new Cell(group.unit(), group.teamId(), competencyId, false, 0, 0, null, null, levels);
            }
            int c = index;
            int[] byLevel = counts.levels[c];
            for (int level = 0; byLevel != null && level < byLevel.length; level++) {
                if (byLevel[level] > 0) {
                    levels.merge(state.levelCode(level), byLevel[level], Integer::sum);
                }
            }
            int rated = counts.rated[c];
            return new Cell(group.unit(), group.teamId(), competencyId, false, rated, counts.mastered[c],
                    rated == 0 ? null : (double) counts.mastered[c] / rated,
                    counts.scored[c] == 0 ? null : ScoreSum.mean(counts.scoreSum[c], counts.scored[c]), levels);
        }
    }
}
