package dev.competency.learners.learner.domain;

import static org.axonframework.test.matchers.Matchers.equalTo;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

import dev.competency.learners.mastery.Evidence;
import dev.competency.learners.mastery.MasteryFold;
import dev.competency.learners.mastery.MasteryMethod;
import dev.competency.learners.mastery.MasteryPolicy;
import dev.competency.learners.mastery.MasteryResult;
import dev.competency.learners.mastery.ManualRatingPrecedence;
import dev.competency.learners.mastery.ProficiencyLevel;
import dev.competency.learners.mastery.ProficiencyScale;
import dev.competency.learners.mastery.RollupPolicy;
import dev.competency.learners.mastery.SourceType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

/**
 * Time alone changes mastery: the learner schedules its next time-driven check when it records mastery, and at the
 * deadline (the fixture's clock is advanced to it) records the expiry or decay, rolls the parent up again and
 * schedules the next check.
 */
class LearnerCrossingTest {

    private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");
    private static final String LEARNER = "learner-1";
    private static final String FRAMEWORK = "framework-1";
    private static final String PARENT = "api";
    private static final String DESIGN = "api-design";
    private static final String EVOLUTION = "api-evolution";
    private static final ProficiencyScale SCALE = ProficiencyScale.of(
            new ProficiencyLevel("NOVICE", "Novice", 0.0, false),
            new ProficiencyLevel("DEVELOPING", "Developing", 0.4, false),
            new ProficiencyLevel("PROFICIENT", "Proficient", 0.75, true));

    private static AggregateTestFixture<Learner> fixture(MasteryPolicy policy) {
        AggregateTestFixture<Learner> fixture = new AggregateTestFixture<>(Learner.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new PolicyLookup() {
            @Override
            public Optional<MasteryPolicy> policyFor(String frameworkId, int version, String competencyId) {
                return Optional.of(policy);
            }

            @Override
            public Optional<List<ParentRollup>> rollupsOf(String frameworkId, int version) {
                return Optional.of(List.of(new ParentRollup(PARENT,
                        new RollupPolicy.AllChildren(List.of(DESIGN, EVOLUTION)), SCALE)));
            }
        });
        return fixture;
    }

    private static MasteryPolicy policy(Duration validity, Duration halfLife) {
        return new MasteryPolicy(1, MasteryMethod.highest(), SCALE, Map.of(), 1,
                ManualRatingPrecedence.UNTIL_NEWER_EVIDENCE, validity, halfLife);
    }

    private static Matcher<Object> is(Object event) {
        return equalTo(event);
    }

    private static Matcher<Object> that(Predicate<Object> event) {
        return predicate(event);
    }

    private static EvidenceItem item(String id, String competencyId, double score, Instant occurredAt) {
        return new EvidenceItem(id, competencyId, FRAMEWORK, 1, score, SourceType.ASSESSMENT, "assessor", occurredAt,
                occurredAt, null);
    }

    @Test
    void schedulesCheckAtExpiry_whenMasteredEvidenceIsRecorded() {
        Instant occurred = NOW.minus(Duration.ofDays(5));
        Instant expiry = occurred.plus(Duration.ofDays(10));

        fixture(policy(Duration.ofDays(10), null)).givenNoPriorActivity()
                .when(new RecordEvidence(LEARNER, item("e1", DESIGN, 0.8, occurred)))
                .expectScheduledDeadline(expiry, new MasteryCrossingDue(expiry));
    }

    @Test
    void recordsExpiryAndRollsParentUpAgain_whenCheckIsDue() {
        Instant occurred = NOW.minus(Duration.ofDays(5));
        Instant expiry = occurred.plus(Duration.ofDays(10));

        fixture(policy(Duration.ofDays(10), null)).givenCommands(new RecordEvidence(LEARNER,
                        item("e1", DESIGN, 0.8, occurred)))
                .whenTimeAdvancesTo(expiry)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        is(new MasteryTimeChecked(LEARNER, expiry)),
                        is(new MasteryRecalculated(LEARNER, DESIGN, FRAMEWORK, 1, 1, "HIGHEST", "HIGHEST",
                                "PROFICIENT", "PROFICIENT", 0.8, 0.8, false, true, 1, expiry, expiry,
                                RecalculationCause.EXPIRED, null, true)),
                        is(new ParentMasteryRolledUp(LEARNER, PARENT, FRAMEWORK, 1, "ALL_CHILDREN", null, null,
                                false, false, 0, 3, null,
                                List.of(new ParentMasteryRolledUp.Child(DESIGN, "PROFICIENT", false, 0, false),
                                        new ParentMasteryRolledUp.Child(EVOLUTION, null, false, 0, false)),
                                expiry, RecalculationCause.EXPIRED, DESIGN, null)),
                        Matchers.<Object>andNoMore())));
    }

    @Test
    void recordsDecayAndSchedulesTheNextCrossing_whenCheckIsDue() {
        MasteryPolicy policy = policy(null, Duration.ofDays(10));
        Instant occurred = NOW.minus(Duration.ofHours(1));
        List<Evidence> evidence = List.of(item("e1", DESIGN, 0.8, occurred).toEvidence());
        Instant crossing = MasteryFold.fold(DESIGN, policy, evidence, occurred).nextChangeAt();
        MasteryResult decayed = MasteryFold.fold(DESIGN, policy, evidence, crossing);
        Instant nextCrossing = decayed.nextChangeAt();

        fixture(policy).givenCommands(new RecordEvidence(LEARNER, item("e1", DESIGN, 0.8, occurred)))
                .whenTimeAdvancesTo(crossing)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        is(new MasteryTimeChecked(LEARNER, crossing)),
                        is(new MasteryRecalculated(LEARNER, DESIGN, FRAMEWORK, 1, 1, "HIGHEST", "HIGHEST",
                                "DEVELOPING", "PROFICIENT", decayed.score(), 0.8, false, true, 1, crossing, null,
                                RecalculationCause.DECAYED, null, false)),
                        that(event -> event instanceof ParentMasteryRolledUp rolled
                                && rolled.cause() == RecalculationCause.DECAYED && rolled.points() == 2),
                        that(event -> event instanceof MasteryCrossingScheduled scheduled
                                && scheduled.dueAt().equals(nextCrossing)),
                        Matchers.<Object>andNoMore())))
                .expectScheduledDeadline(nextCrossing, new MasteryCrossingDue(nextCrossing));
    }

    @Test
    void changesNothing_whenAReplacedCheckFires() {
        Instant occurred = NOW.minus(Duration.ofDays(5));

        fixture(policy(Duration.ofDays(10), null)).givenCommands(new RecordEvidence(LEARNER,
                        item("e1", DESIGN, 0.8, occurred)))
                .andGivenCommands(new RecordEvidence(LEARNER, item("e2", DESIGN, 0.8, occurred.plus(Duration.ofDays(2)))))
                // The check due at the first expiry stays scheduled and runs early: nothing has expired yet.
                .whenTimeAdvancesTo(occurred.plus(Duration.ofDays(10)))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        is(new MasteryTimeChecked(LEARNER, occurred.plus(Duration.ofDays(10)))),
                        that(event -> event instanceof MasteryCrossingScheduled scheduled
                                && scheduled.dueAt().equals(occurred.plus(Duration.ofDays(12)))),
                        Matchers.<Object>andNoMore())));
    }
}
