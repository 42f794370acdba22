package dev.competency.learners.learner.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.learners.learner.domain.EvidenceItem;
import dev.competency.learners.mastery.DecidingRule;
import dev.competency.learners.mastery.Evidence;
import dev.competency.learners.mastery.ExclusionReason;
import dev.competency.learners.mastery.Explanation;
import dev.competency.learners.mastery.ManualRatingPrecedence;
import dev.competency.learners.mastery.MasteryFold;
import dev.competency.learners.mastery.MasteryMethod;
import dev.competency.learners.mastery.MasteryPolicy;
import dev.competency.learners.mastery.MasteryResult;
import dev.competency.learners.mastery.ProficiencyLevel;
import dev.competency.learners.mastery.ProficiencyScale;
import dev.competency.learners.mastery.SourceType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Queries leave evidence that occurred after the as-of instant, or was recorded after the known-at instant, out of
 * the fold. The result must be the fold of everything with those instants, minus the explanation's lines about the
 * items left out.
 */
class MasteryQueriesWindowTest {

    private static final String COMPETENCY = "api-design";
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final ProficiencyScale SCALE = ProficiencyScale.of(
            new ProficiencyLevel("NOVICE", "Novice", 0.0, false),
            new ProficiencyLevel("PROFICIENT", "Proficient", 0.7, true),
            new ProficiencyLevel("EXPERT", "Expert", 0.9, false));

    @Property(tries = 300)
    void foldsAsTheWholeTimelineDoes_withoutItemsOutsideTheWindow(
            @ForAll("timelines") List<EvidenceTimeline.Entry> entries, @ForAll("policies") MasteryPolicy policy,
            @ForAll("offsets") int asOfDays, @ForAll("offsets") int knownAtDays) {
        Instant asOf = START.plus(Duration.ofDays(asOfDays));
        Instant knownAt = START.plus(Duration.ofDays(knownAtDays)).plusSeconds(1800);

        MasteryResult windowed = MasteryQueries.foldEntries(COMPETENCY, policy, entries, asOf, knownAt);
        MasteryResult whole = wholeFold(policy, entries, asOf, knownAt);

        assertThat(windowed.levelCode()).isEqualTo(whole.levelCode());
        assertThat(windowed.score()).isEqualTo(whole.score());
        assertThat(windowed.mastered()).isEqualTo(whole.mastered());
        assertThat(windowed.evidenceCount()).isEqualTo(whole.evidenceCount());
        assertThat(windowed.expiresAt()).isEqualTo(whole.expiresAt());
        assertThat(windowed.explanation().contributions()).isEqualTo(whole.explanation().contributions());
        Set<String> outside = new HashSet<>();
        for (EvidenceTimeline.Entry entry : entries) {
            if (entry.evidence().recordedAt().isAfter(knownAt) || entry.evidence().occurredAt().isAfter(asOf)) {
                outside.add(entry.evidence().evidenceId());
            }
        }
        assertThat(windowed.explanation().exclusions()).isEqualTo(whole.explanation().exclusions().stream()
                .filter(e -> !outside.contains(e.evidenceId())).toList());
        assertThat(windowed.explanation().exclusions()).extracting(Explanation.Exclusion::reason)
                .doesNotContain(ExclusionReason.AFTER_AS_OF, ExclusionReason.NOT_YET_KNOWN);
        if (whole.explanation().rule() == DecidingRule.NO_EVIDENCE) {
            assertThat(windowed.explanation().rule()).isEqualTo(DecidingRule.NO_EVIDENCE);
        } else {
            assertThat(windowed.explanation()).usingRecursiveComparison().ignoringFields("exclusions")
                    .isEqualTo(whole.explanation());
        }
    }

    /** The fold of every entry, voids as known at {@code knownAt}: what queries answered before the window. */
    private static MasteryResult wholeFold(MasteryPolicy policy, List<EvidenceTimeline.Entry> entries, Instant asOf,
            Instant knownAt) {
        List<Evidence> evidence = new ArrayList<>();
        Set<String> voided = new HashSet<>();
        for (EvidenceTimeline.Entry entry : entries) {
            evidence.add(entry.evidence().toEvidence());
            if (entry.voidedAt() != null && !entry.voidedAt().isAfter(knownAt)) {
                voided.add(entry.evidence().evidenceId());
            }
        }
        return MasteryFold.fold(COMPETENCY, policy, evidence, voided, asOf, knownAt);
    }

    @Provide
    Arbitrary<Integer> offsets() {
        return Arbitraries.integers().between(-1, 40);
    }

    @Provide
    Arbitrary<MasteryPolicy> policies() {
        return Arbitraries.of(
                MasteryPolicy.of(1, MasteryMethod.highest(), SCALE),
                MasteryPolicy.of(1, MasteryMethod.latest(), SCALE),
                MasteryPolicy.of(1, MasteryMethod.decayingAverage(0.65), SCALE),
                MasteryPolicy.of(1, MasteryMethod.nMastery(2), SCALE),
                MasteryPolicy.of(1, MasteryMethod.bkt(0.2, 0.1, 0.2, 0.1, 0.05), SCALE),
                new MasteryPolicy(1, MasteryMethod.average(), SCALE, Map.of(SourceType.SELF, 0.0), 3,
                        ManualRatingPrecedence.UNTIL_NEWER_EVIDENCE, null, null),
                new MasteryPolicy(1, MasteryMethod.highest(), SCALE, Map.of(), 1,
                        ManualRatingPrecedence.UNTIL_NEWER_EVIDENCE, Duration.ofDays(10), Duration.ofDays(20)));
    }

    @Provide
    Arbitrary<List<EvidenceTimeline.Entry>> timelines() {
        Arbitrary<EvidenceTimeline.Entry> entry = Combinators.combine(
                Arbitraries.integers().between(0, 30),
                Arbitraries.integers().between(0, 10),
                Arbitraries.doubles().between(0.0, 1.0).ofScale(2),
                Arbitraries.of(SourceType.ASSESSMENT, SourceType.OBSERVATION, SourceType.SELF),
                Arbitraries.integers().between(-1, 40),
                Arbitraries.strings().alpha().ofLength(8))
                .as((occurredDay, delayDays, score, source, voidedDay, id) -> {
                    Instant occurredAt = START.plus(Duration.ofDays(occurredDay));
                    Instant recordedAt = occurredAt.plus(Duration.ofDays(delayDays));
                    Instant voidedAt = voidedDay < 0 || voidedDay < occurredDay + delayDays ? null
                            : START.plus(Duration.ofDays(voidedDay));
                    return new EvidenceTimeline.Entry(new EvidenceItem(id, COMPETENCY, "framework-1", 1, score,
                            source, "assessor", occurredAt, recordedAt, null), voidedAt, voidedAt == null ? null : "x");
                });
        return entry.list().ofMaxSize(25).uniqueElements(e -> e.evidence().evidenceId());
    }
}
