package dev.competency.learners.mastery;

import static dev.competency.learners.mastery.Fixtures.COMPETENCY;
import static dev.competency.learners.mastery.Fixtures.SCALE;
import static dev.competency.learners.mastery.Fixtures.day;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Laws the fold must obey for any evidence and any valid policy. Evidence ids come from a small pool so that
 * copies, conflicting copies and ties in time are common.
 */
class MasteryFoldPropertiesTest {

    @Property
    void givesSameResult_whateverTheInputOrder(@ForAll("policies") MasteryPolicy policy,
            @ForAll("evidence") List<Evidence> evidence, @ForAll("voids") Set<String> voids,
            @ForAll("days") double asOf, @ForAll("days") double knownAt, @ForAll Random random) {
        List<Evidence> shuffled = new ArrayList<>(evidence);
        Collections.shuffle(shuffled, random);

        assertThat(fold(policy, shuffled, voids, asOf, knownAt)).isEqualTo(fold(policy, evidence, voids, asOf, knownAt));
    }

    @Property
    void countsEachIdOnce_whenEvidenceIsDuplicated(@ForAll("policies") MasteryPolicy policy,
            @ForAll("evidence") List<Evidence> evidence, @ForAll("days") double asOf, @ForAll Random random) {
        List<Evidence> doubled = new ArrayList<>(evidence);
        for (Evidence e : evidence) {
            if (random.nextBoolean()) {
                doubled.add(e);
            }
        }
        Collections.shuffle(doubled, random);

        MasteryResult once = fold(policy, evidence, Set.of(), asOf, 1000);
        assertThat(fold(policy, doubled, Set.of(), asOf, 1000)).isEqualTo(once);
        assertThat(once.explanation().contributions().size() + once.explanation().exclusions().size())
                .isEqualTo(evidence.stream().map(Evidence::evidenceId).distinct().count());
    }

    @Property
    void collapsesCopiesAlike_byHashAndBySort(@ForAll("evidence") List<Evidence> evidence,
            @ForAll("voids") Set<String> voidedIds) {
        MasteryFold.Collapsed byHash = MasteryFold.collapseByHash(evidence.toArray(new Evidence[0]), voidedIds);
        MasteryFold.Collapsed bySort = MasteryFold.collapseBySort(evidence.toArray(new Evidence[0]), voidedIds);

        assertThat(inFoldOrder(byHash.winners())).isEqualTo(inFoldOrder(bySort.winners()));
        assertThat(byHash.flaggedVoided()).isEqualTo(bySort.flaggedVoided());
    }

    private static List<Evidence> inFoldOrder(Evidence[] items) {
        return Arrays.stream(items).sorted(Evidence.FOLD_ORDER).toList();
    }

    @Property
    void neverLowersScore_whenHighestGainsEvidence(@ForAll("policies") MasteryPolicy anyPolicy,
            @ForAll("evidence") List<Evidence> evidence, @ForAll("item") Evidence extra,
            @ForAll("days") double asOf) {
        MasteryPolicy policy = new MasteryPolicy(1, MasteryMethod.highest(), SCALE, anyPolicy.sourceWeights(),
                anyPolicy.minimumEvidence(), anyPolicy.manualRatingPrecedence(), anyPolicy.validity(),
                anyPolicy.decayHalfLife());
        Evidence fresh = new Evidence("fresh", COMPETENCY, extra.score(), extra.sourceType(), extra.actorId(),
                extra.occurredAt(), extra.recordedAt(), extra.ratedLevel(), extra.voided());
        List<Evidence> more = new ArrayList<>(evidence);
        more.add(fresh);

        Double before = fold(policy, evidence, Set.of(), asOf, 1000).score();
        Double after = fold(policy, more, Set.of(), asOf, 1000).score();

        if (before != null) {
            assertThat(after).isNotNull().isGreaterThanOrEqualTo(before);
        }
    }

    @Property
    void equalsFoldFromScratch_whenEvidenceIsAddedOneByOne(@ForAll("policies") MasteryPolicy policy,
            @ForAll("evidence") List<Evidence> evidence, @ForAll("voids") Set<String> voids,
            @ForAll("days") double asOf, @ForAll("days") double knownAt, @ForAll boolean inFoldOrder,
            @ForAll Random random) {
        List<Evidence> arrival = new ArrayList<>(evidence);
        if (inFoldOrder) {
            arrival.sort(Evidence.FOLD_ORDER);
        }
        List<String> pendingVoids = new ArrayList<>(voids);
        MasteryFold fold = new MasteryFold(COMPETENCY, policy);
        for (Evidence e : arrival) {
            if (!pendingVoids.isEmpty() && random.nextInt(4) == 0) {
                fold.voidEvidence(pendingVoids.remove(pendingVoids.size() - 1));
            }
            fold.add(e);
        }
        pendingVoids.forEach(fold::voidEvidence);

        assertThat(fold.result(day(asOf), day(knownAt))).isEqualTo(fold(policy, evidence, voids, asOf, knownAt));
        assertThat(fold.result(day(1000))).isEqualTo(fold(policy, evidence, voids, 1000, 1000));
    }

    @Property
    void keepsScoreWithinUnitInterval_whenMethodIsBkt(@ForAll("bkt") MasteryMethod bkt, @ForAll("policies") MasteryPolicy anyPolicy,
            @ForAll("evidence") List<Evidence> evidence, @ForAll("days") double asOf) {
        MasteryPolicy policy = new MasteryPolicy(1, bkt, SCALE, anyPolicy.sourceWeights(), 0,
                ManualRatingPrecedence.NEVER, null, null);

        MasteryResult result = fold(policy, evidence, Set.of(), asOf, 1000);

        if (result.evidenceCount() > 0) {
            assertThat(result.score()).isNotNull().isBetween(0.0, 1.0);
        }
    }

    @Property
    void keepsScoresAndSharesWithinUnitInterval_forAnyPolicyAndEvidence(@ForAll("policies") MasteryPolicy policy,
            @ForAll("evidence") List<Evidence> evidence, @ForAll("days") double asOf, @ForAll("days") double knownAt) {
        MasteryResult result = fold(policy, evidence, Set.of(), asOf, knownAt);

        if (result.score() != null) {
            assertThat(result.score()).isBetween(0.0, 1.0);
        }
        assertThat(result.explanation().contributions()).allSatisfy(c -> {
            assertThat(c.effectiveWeight()).isBetween(0.0, 1.0);
            assertThat(c.sourceWeight()).isPositive();
        });
        assertThat(result.evidenceCount()).isEqualTo(result.explanation().contributions().size());
        if (result.mastered()) {
            assertThat(SCALE.indexOf(result.levelCode())).isGreaterThanOrEqualTo(SCALE.masteryIndex());
        }
    }

    /**
     * Time alone changes the level or the mastered flag first at {@code nextChangeAt}: just before it both are as at
     * the as-of instant, at it one differs. Without {@code nextChangeAt}, neither changes for a long time.
     */
    @Property
    void changesLevelOrMasteredExactlyAtNextChange(@ForAll("policies") MasteryPolicy policy,
            @ForAll("evidence") List<Evidence> all, @ForAll("days") double asOf) {
        // only what had happened by the as-of instant: later evidence would change the level by itself
        List<Evidence> evidence = all.stream().filter(e -> !e.occurredAt().isAfter(day(asOf))).toList();
        MasteryResult now = fold(policy, evidence, Set.of(), asOf, 1000);
        Instant next = now.nextChangeAt();
        if (next == null) {
            MasteryResult muchLater = MasteryFold.fold(COMPETENCY, policy, evidence, day(asOf + 20_000));
            assertThat(muchLater.levelCode()).isEqualTo(now.levelCode());
            assertThat(muchLater.mastered()).isEqualTo(now.mastered());
            return;
        }
        MasteryResult before = MasteryFold.fold(COMPETENCY, policy, evidence, next.minusMillis(1));
        MasteryResult at = MasteryFold.fold(COMPETENCY, policy, evidence, next);

        assertThat(next).isAfter(day(asOf));
        assertThat(before.levelCode()).isEqualTo(now.levelCode());
        assertThat(before.mastered()).isEqualTo(now.mastered());
        assertThat(!java.util.Objects.equals(at.levelCode(), now.levelCode()) || at.mastered() != now.mastered())
                .as("level or mastered changes at %s", next).isTrue();
    }

    /** The score the explanation prints reaches the level the result reports, never one above or below it. */
    @Property
    void printsAScoreOfTheReportedLevel_whenTheMethodDecides(@ForAll("policies") MasteryPolicy policy,
            @ForAll("evidence") List<Evidence> evidence, @ForAll("days") double asOf) {
        MasteryResult result = fold(policy, evidence, Set.of(), asOf, 1000);
        if (result.rule() != DecidingRule.COMPUTED) {
            return;
        }
        String summary = result.explanation().summary();
        String printed = summary.substring(summary.indexOf(" gives ") + 7, summary.indexOf(", ", summary.indexOf(" gives ")));

        assertThat(SCALE.indexFor(Double.parseDouble(printed))).isEqualTo(SCALE.indexOf(result.levelCode()));
    }

    /**
     * WEIGHTED_AVERAGE moves from the mean of the earlier scores by {@code w * (latest - mean)}: continuous in
     * {@code w}, with no jump at 0, where it is that mean.
     */
    @Property
    void movesAtMostWFromTheEarlierMean_whenWeightedAverageWeightIsSmall(
            @ForAll("scoreLists") List<Double> scores, @ForAll("smallWeights") double w) {
        List<Evidence> evidence = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            evidence.add(new Evidence("e-" + i, COMPETENCY, scores.get(i), SourceType.ASSESSMENT, "grader", day(i),
                    day(i)));
        }
        double earlierMean = scores.subList(0, scores.size() - 1).stream().mapToDouble(Double::doubleValue)
                .average().orElseThrow();

        MasteryResult atZero = MasteryFold.fold(COMPETENCY, MasteryPolicy.of(1, MasteryMethod.weightedAverage(0.0),
                SCALE), evidence, day(scores.size()));
        MasteryResult atW = MasteryFold.fold(COMPETENCY, MasteryPolicy.of(1, MasteryMethod.weightedAverage(w),
                SCALE), evidence, day(scores.size()));

        assertThat(atZero.score()).isCloseTo(earlierMean, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(Math.abs(atW.score() - atZero.score())).isLessThanOrEqualTo(w + 1e-9);
        assertThat(atW.method().kind()).isEqualTo(MasteryMethod.Kind.WEIGHTED_AVERAGE);
    }

    @Provide
    Arbitrary<List<Double>> scoreLists() {
        return Arbitraries.doubles().between(0, 1).list().ofMinSize(2).ofMaxSize(12);
    }

    @Provide
    Arbitrary<Double> smallWeights() {
        return Arbitraries.oneOf(Arbitraries.just(0.0), Arbitraries.just(1e-6), Arbitraries.doubles().between(0, 1e-3).ofScale(9));
    }

    private static MasteryResult fold(MasteryPolicy policy, List<Evidence> evidence, Set<String> voids, double asOf,
            double knownAt) {
        return MasteryFold.fold(COMPETENCY, policy, evidence, voids, day(asOf), day(knownAt));
    }

    @Provide
    Arbitrary<Double> days() {
        return Arbitraries.doubles().between(0, 40).ofScale(2);
    }

    @Provide
    Arbitrary<Set<String>> voids() {
        return ids().set().ofMaxSize(3);
    }

    @Provide
    Arbitrary<List<Evidence>> evidence() {
        return item().list().ofMaxSize(25);
    }

    @Provide
    Arbitrary<Evidence> item() {
        Arbitrary<Double> scores = Arbitraries.oneOf(
                Arbitraries.just(0.0), Arbitraries.just(1.0), Arbitraries.just(0.7), Arbitraries.just(0.9),
                Arbitraries.doubles().between(0, 1));
        Arbitrary<Double> occurred = Arbitraries.integers().between(0, 30).map(d -> (double) d);
        Arbitrary<Double> lag = Arbitraries.oneOf(Arbitraries.just(0.0), Arbitraries.integers().between(0, 10)
                .map(d -> (double) d));
        Arbitrary<String> levels = Arbitraries.of("NOVICE", "DEVELOPING", "PROFICIENT", "EXPERT", "GURU").injectNull(0.3);
        return Combinators.combine(ids(), scores, Arbitraries.of(SourceType.class), Arbitraries.of("a-1", "a-2"),
                        occurred, lag, levels, Arbitraries.of(false, false, false, true))
                .as((id, score, source, actor, at, late, level, voided) -> {
                    Instant occurredAt = day(at);
                    return new Evidence(id, COMPETENCY, score, source, actor, occurredAt, day(at + late),
                            source == SourceType.MANUAL_RATING ? level : null, voided);
                });
    }

    private static Arbitrary<String> ids() {
        return Arbitraries.integers().between(0, 19).map(i -> "e-" + i);
    }

    @Provide
    Arbitrary<MasteryMethod> bkt() {
        Arbitrary<Double> p = Arbitraries.oneOf(Arbitraries.just(0.0), Arbitraries.just(1.0),
                Arbitraries.doubles().between(0, 1));
        Arbitrary<Double> noise = Arbitraries.oneOf(Arbitraries.just(0.0),
                Arbitraries.doubles().between(0, 0.49));
        return Combinators.combine(p, p, noise, noise, p).as(MasteryMethod::bkt);
    }

    @Provide
    Arbitrary<MasteryMethod> methods() {
        Arbitrary<Double> rate = Arbitraries.oneOf(Arbitraries.just(1.0),
                Arbitraries.doubles().between(0.01, 1));
        return Arbitraries.oneOf(
                Arbitraries.just(MasteryMethod.highest()),
                Arbitraries.just(MasteryMethod.latest()),
                Arbitraries.just(MasteryMethod.average()),
                Arbitraries.integers().between(1, 4).map(MasteryMethod::nMastery),
                Arbitraries.oneOf(Arbitraries.just(0.0), rate).map(MasteryMethod::weightedAverage),
                rate.map(MasteryMethod::decayingAverage),
                bkt());
    }

    @Provide
    Arbitrary<MasteryPolicy> policies() {
        Arbitrary<Double> weight = Arbitraries.oneOf(Arbitraries.just(1.0), Arbitraries.just(0.0),
                Arbitraries.just(0.5), Arbitraries.just(2.5), Arbitraries.doubles().between(0, 3));
        Arbitrary<Map<SourceType, Double>> weights = weight.list().ofSize(SourceType.values().length)
                .map(list -> {
                    Map<SourceType, Double> map = new EnumMap<>(SourceType.class);
                    for (SourceType type : SourceType.values()) {
                        map.put(type, list.get(type.ordinal()));
                    }
                    return map;
                });
        Arbitrary<Duration> period = Arbitraries.integers().between(1, 30).map(Duration::ofDays).injectNull(0.5);
        return Combinators.combine(methods(), weights, Arbitraries.integers().between(0, 3),
                        Arbitraries.of(ManualRatingPrecedence.class), period, period)
                .as((method, w, minimum, precedence, validity, halfLife) ->
                        new MasteryPolicy(1, method, SCALE, w, minimum, precedence, validity, halfLife));
    }
}
