package dev.competency.analytics.state;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The capability map's counts kept up to date as the state folds: per pair of unit and team (as the directory stands
 * now) and per competency, how many learners' current cells are rated, mastered, scored, the sum of their scores and
 * how many are at each level. Score sums are exact ({@link ScoreSum}): adding and removing the same scores in any
 * order leaves the same sum, so a rebuild gives the same means to the last digit. A cell moves between pairs when its learner changes unit or team, and leaves when they
 * are erased, so a query of the present sums a few pairs instead of visiting every learner's cells.
 *
 * <p>Counts only the current entry of each cell (the roll-up while it lasts, else the folded mastery) whatever its
 * framework version; questions as of an instant, of one framework version or of one role profile visit the cells.
 * Also remembers, per competency, whether all its cells name one framework, so that a framework filter can be
 * answered from the counts.
 *
 * <p>Kept for the query target: the capability map of 10,000 learners × 200 competencies, answer and JSON, took
 * 65.6 ms at p50 from these counts against 249.7 ms by visiting every cell by unit (3.8×), and 105.7 against
 * 268.3 ms by team (2.5×), back to back in one JVM (loaded 2-core host, 2026-12-06), measured by
 * {@code AnalyticsMicroBench}:
 * <pre>
 * mvn -o -q -pl services/analytics test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/analytics-cp.txt -Dmdep.includeScope=test
 * cd services/analytics &amp;&amp; java -Xmx2g -cp target/classes:target/test-classes:$(cat /tmp/analytics-cp.txt) \
 *     dev.competency.analytics.bench.AnalyticsMicroBench 10000 200 200000
 * </pre>
 */
public final class CapabilityTotals {

    /** {@link #framework} of a competency whose cells name more than one framework. */
    public static final int MIXED = -2;
    private static final int NONE = -1;

    private final Map<Long, Integer> pairIndex = new HashMap<>();
    private Pair[] pairs = new Pair[16];
    private int pairCount;
    private int[] frameworks = new int[0];

    /** The index of a pair of unit and team (each -1 when none), created on first use. */
    int pair(int unit, int team) {
        long key = ((long) unit << 32) ^ (team & 0xFFFFFFFFL);
        Integer known = pairIndex.get(key);
        if (known != null) {
            return known;
        }
        if (pairCount == pairs.length) {
            pairs = Arrays.copyOf(pairs, pairCount * 2);
        }
        pairs[pairCount] = new Pair();
        pairIndex.put(key, pairCount);
        return pairCount++;
    }

    void noteFramework(int competency, int framework) {
        if (competency >= frameworks.length) {
            int from = frameworks.length;
            frameworks = Arrays.copyOf(frameworks, Math.max(competency + 1, frameworks.length * 2));
            Arrays.fill(frameworks, from, frameworks.length, NONE);
        }
        int known = frameworks[competency];
        if (known == NONE) {
            frameworks[competency] = framework;
        } else if (known != framework) {
            frameworks[competency] = MIXED;
        }
    }

    void add(int pair, int competency, MasteryCell cell, int entry) {
        pairs[pair].change(competency, cell, entry, 1);
    }

    void remove(int pair, int competency, MasteryCell cell, int entry) {
        pairs[pair].change(competency, cell, entry, -1);
    }

    /** Moves every current cell of the learner from one pair to another. */
    void move(LearnerRecord learner, int from, int to) {
        if (from != to) {
            count(learner, from, -1);
            count(learner, to, 1);
        }
    }

    /** Takes every current cell of the learner out of their pair. */
    void drop(LearnerRecord learner, int pair) {
        count(learner, pair, -1);
    }

    private void count(LearnerRecord learner, int pair, int delta) {
        for (int c = 0; c < learner.cellSlots(); c++) {
            MasteryCell cell = learner.cell(c);
            int entry = cell == null ? -1 : cell.current();
            if (entry >= 0) {
                pairs[pair].change(c, cell, entry, delta);
            }
        }
    }

    // ---- reading

    public int pairCount() {
        return pairCount;
    }

    /** The framework index all cells of the competency name, -1 when it has none, {@link #MIXED} when they differ. */
    public int framework(int competency) {
        return competency >= 0 && competency < frameworks.length ? frameworks[competency] : NONE;
    }

    /**
     * Adds the counts of a pair for the competencies {@code 0 .. rated.length-1} to the given arrays; {@code scoreSum}
     * in {@link ScoreSum} units, {@code levels} per competency, each allocated with {@code levelCodes} slots on first
     * use.
     */
    public void addTo(int pair, int[] rated, int[] mastered, int[] scored, long[] scoreSum, int[][] levels,
                      int levelCodes) {
        Pair totals = pairs[pair];
        int slots = Math.min(rated.length, totals.rated.length);
        for (int c = 0; c < slots; c++) {
            if (totals.rated[c] == 0) {
                continue;
            }
            rated[c] += totals.rated[c];
            mastered[c] += totals.mastered[c];
            scored[c] += totals.scored[c];
            scoreSum[c] += totals.scoreSum[c];
            int[] byLevel = totals.levels[c];
            for (int level = 0; byLevel != null && level < byLevel.length && level < levelCodes; level++) {
                if (byLevel[level] != 0) {
                    if (levels[c] == null) {
                        levels[c] = new int[levelCodes];
                    }
                    levels[c][level] += byLevel[level];
                }
            }
        }
    }

    private static final class Pair {
        int[] rated = new int[0];
        int[] mastered = new int[0];
        int[] scored = new int[0];
        long[] scoreSum = new long[0];
        int[][] levels = new int[0][];

        void change(int c, MasteryCell cell, int entry, int by) {
            if (cell.level(entry) < 0) {
                return;
            }
            if (c >= rated.length) {
                int size = Math.max(c + 1, rated.length * 2);
                rated = Arrays.copyOf(rated, size);
                mastered = Arrays.copyOf(mastered, size);
                scored = Arrays.copyOf(scored, size);
                scoreSum = Arrays.copyOf(scoreSum, size);
                levels = Arrays.copyOf(levels, size);
            }
            rated[c] += by;
            if (cell.mastered(entry)) {
                mastered[c] += by;
            }
            double score = cell.score(entry);
            if (!Double.isNaN(score)) {
                scored[c] += by;
                scoreSum[c] += by * ScoreSum.units(score);
            }
            int level = cell.level(entry);
            if (level >= 0) {
                int[] byLevel = levels[c];
                if (byLevel == null || level >= byLevel.length) {
                    byLevel = byLevel == null ? new int[Math.max(4, level + 1)]
                            : Arrays.copyOf(byLevel, Math.max(level + 1, byLevel.length * 2));
                    levels[c] = byLevel;
                }
                byLevel[level] += by;
            }
        }
    }
}
