package dev.competency.learners.bench;

import dev.competency.learners.mastery.Evidence;
import dev.competency.learners.mastery.MasteryFold;
import dev.competency.learners.mastery.MasteryMethod;
import dev.competency.learners.mastery.MasteryPolicy;
import dev.competency.learners.mastery.MasteryResult;
import dev.competency.learners.mastery.ProficiencyLevel;
import dev.competency.learners.mastery.ProficiencyScale;
import dev.competency.learners.mastery.SourceType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The mastery fold from scratch, explanation included, per method and history length. Items per second =
 * operations per second × items; the score reported is the time per fold.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FoldBenchmark {

    private static final String COMPETENCY = "competency";
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    @Param({"10", "1000", "100000"})
    public int items;

    @Param({"HIGHEST", "LATEST", "AVERAGE", "N_MASTERY", "WEIGHTED_AVERAGE", "DECAYING_AVERAGE", "BKT"})
    public String method;

    private MasteryPolicy policy;
    private List<Evidence> evidence;
    private Instant asOf;

    @Setup
    public void setUp() {
        MasteryMethod m = switch (method) {
            case "HIGHEST" -> MasteryMethod.highest();
            case "LATEST" -> MasteryMethod.latest();
            case "AVERAGE" -> MasteryMethod.average();
            case "N_MASTERY" -> MasteryMethod.nMastery(3);
            case "WEIGHTED_AVERAGE" -> MasteryMethod.weightedAverage(0.65);
            case "DECAYING_AVERAGE" -> MasteryMethod.decayingAverage(0.65);
            default -> MasteryMethod.bkt(0.2, 0.15, 0.2, 0.1, 0.01);
        };
        policy = new MasteryPolicy(2, m, ProficiencyScale.of(
                new ProficiencyLevel("NOVICE", "Novice", 0.0, false),
                new ProficiencyLevel("DEVELOPING", "Developing", 0.4, false),
                new ProficiencyLevel("PROFICIENT", "Proficient", 0.75, true)),
                Map.of(SourceType.PEER, 0.6, SourceType.SELF, 0.3), 2,
                dev.competency.learners.mastery.ManualRatingPrecedence.UNTIL_NEWER_EVIDENCE, null, null);
        Random random = new Random(42);
        SourceType[] sources = {SourceType.ASSESSMENT, SourceType.OBSERVATION, SourceType.PEER, SourceType.SELF};
        evidence = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            Instant at = START.plusSeconds(60L * i);
            evidence.add(new Evidence("e" + i, COMPETENCY, random.nextDouble(), sources[i % sources.length],
                    "actor", at, at.plusSeconds(1)));
        }
        asOf = START.plusSeconds(60L * items + 60);
    }

    @Benchmark
    public MasteryResult foldWithExplanation() {
        return MasteryFold.fold(COMPETENCY, policy, evidence, Set.of(), asOf, Instant.MAX);
    }
}
