package dev.competency.learners.learner.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.learners.mastery.DecidingRule;
import dev.competency.learners.mastery.ExclusionReason;
import dev.competency.learners.mastery.Explanation;
import dev.competency.learners.mastery.SourceType;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/** The explanation's own writer against Jackson's record serializer: the same text for any item. */
class ExplanationJsonTest {

    private static final JsonMapper JACKSON = JsonMapper.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
    private static final JsonMapper OURS = JsonMapper.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).addModule(new ExplanationJson()).build();

    @Property(tries = 3000)
    void writesAContributionAsJacksonDoes(@ForAll("contributions") Explanation.Contribution item) {
        assertThat(OURS.writeValueAsString(item)).isEqualTo(JACKSON.writeValueAsString(item));
    }

    @Property(tries = 1000)
    void writesAnExclusionAsJacksonDoes(@ForAll("exclusions") Explanation.Exclusion item) {
        assertThat(OURS.writeValueAsString(item)).isEqualTo(JACKSON.writeValueAsString(item));
    }

    @Example
    void writesAWholeExplanationAsJacksonDoes() {
        Instant at = Instant.parse("2026-03-04T05:06:07.120Z");
        Explanation explanation = new Explanation(DecidingRule.COMPUTED, "Weighted average.",
                List.of(new Explanation.Contribution("e-1", SourceType.ASSESSMENT, at, 0.75, 1.0, 0.6),
                        new Explanation.Contribution("e-2", SourceType.PEER, at.plusNanos(1), 0.5, 0.5, 0.4)),
                List.of(new Explanation.Exclusion("e-3", SourceType.SELF, at, 0.0, ExclusionReason.VOIDED)),
                0.65, 1.0);

        String json = OURS.writeValueAsString(explanation);

        assertThat(json).isEqualTo(JACKSON.writeValueAsString(explanation))
                .contains("{\"evidenceId\":\"e-2\",\"sourceType\":\"PEER\",\"occurredAt\":"
                        + "\"2026-03-04T05:06:07.120000001Z\",\"rawScore\":0.5,\"sourceWeight\":0.5,"
                        + "\"effectiveWeight\":0.4}");
    }

    @Provide
    Arbitrary<Explanation.Contribution> contributions() {
        return Combinators.combine(evidenceIds(), Arbitraries.of(SourceType.class).injectNull(0.05), instants(),
                doubles(), doubles(), doubles()).as(Explanation.Contribution::new);
    }

    @Provide
    Arbitrary<Explanation.Exclusion> exclusions() {
        return Combinators.combine(evidenceIds(), Arbitraries.of(SourceType.class).injectNull(0.05), instants(),
                doubles(), Arbitraries.of(ExclusionReason.class).injectNull(0.05)).as(Explanation.Exclusion::new);
    }

    private static Arbitrary<String> evidenceIds() {
        return Arbitraries.oneOf(Arbitraries.create(() -> java.util.UUID.randomUUID().toString()),
                Arbitraries.strings().ofMaxLength(40)).injectNull(0.02);
    }

    /** Whole seconds, milli-, micro- and nanosecond fractions, before 1970 and after 9999 included. */
    private static Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.longs().between(0, 253_402_300_799L)),
                Tuple.of(1, Arbitraries.longs().between(-62_000_000_000L, 0)),
                Tuple.of(1, Arbitraries.longs().between(253_402_300_700L, 400_000_000_000L)));
        Arbitrary<Integer> nanos = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(0)),
                Tuple.of(2, Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000)),
                Tuple.of(2, Arbitraries.integers().between(0, 999_999).map(us -> us * 1_000)),
                Tuple.of(2, Arbitraries.integers().between(0, 999_999_999)));
        return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond).injectNull(0.02);
    }

    /** Short decimals around the fast path's bounds, and any double at all. */
    private static Arbitrary<Double> doubles() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().between(0, 20_000_000_000L).map(t -> t / 1000.0)),
                Tuple.of(2, Arbitraries.integers().between(0, 1000).map(t -> t / 1000.0)),
                Tuple.of(2, Arbitraries.doubles()),
                Tuple.of(1, Arbitraries.doubles().between(0, 1).ofScale(6)),
                Tuple.of(1, Arbitraries.of(0.0, -0.0, 0.001, 0.0009999999999999998, 9_999_999.999,
                        10_000_000.0, 9_999_999.9995, 1.0 / 3, 2.0e-4, Double.NaN, Double.POSITIVE_INFINITY,
                        Double.MIN_VALUE, Double.MAX_VALUE, 0.1 + 0.2, -1.5)));
    }
}
