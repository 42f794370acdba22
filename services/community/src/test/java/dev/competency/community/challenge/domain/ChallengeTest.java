package dev.competency.community.challenge.domain;

import dev.competency.contracts.community.ChallengeEnded.Outcome;
import dev.competency.contracts.community.ChallengeGoal;
import dev.competency.contracts.community.ChallengeGroup;
import dev.competency.platform.service.error.Refusal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChallengeTest {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-03-31T00:00:00Z");
    private static final Group TEAM = new Group(ChallengeGroup.TEAM, "team-a");
    private static final Goal GOAL = new Goal(ChallengeGoal.MEMBERS_AT_LEVEL, List.of("c1"), "PROFICIENT",
            Map.of("c1", List.of("NOVICE", "PROFICIENT")), 2);

    private FixtureConfiguration<Challenge> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Challenge.class);
    }

    private static ChallengeSet set() {
        return new ChallengeSet("ch-1", "Estimate", TEAM, GOAL, NOW, END, true, "maria", NOW);
    }

    private static Progress progress(int total) {
        return new Progress(total, 2, List.of(new Progress.Contribution("ada", Math.min(total, 1)),
                new Progress.Contribution("bob", Math.max(0, total - 1))));
    }

    @Test
    void setsChallenge_whenEndIsAfterStartAndNow() {
        fixture.givenNoPriorActivity()
                .when(new StartChallenge("ch-1", " Estimate ", TEAM, GOAL, NOW, END, true, "maria", NOW))
                .expectEvents(set());
    }

    @Test
    void refusesChallenge_whenEndIsPast() {
        fixture.givenNoPriorActivity()
                .when(new StartChallenge("ch-1", "Estimate", TEAM, GOAL, NOW.minusSeconds(100), NOW.minusSeconds(1),
                        true, "maria", NOW))
                .expectException(Refusal.class).expectNoEvents();
    }

    @Test
    void recordsProgressOnce_whenSameProgressArrivesTwice() {
        fixture.given(set(), new ChallengeProgressed("ch-1", progress(1), NOW.plusSeconds(5)))
                .when(new RecordProgress("ch-1", progress(1), NOW.plusSeconds(9)))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void ignoresOutcome_whenEndHasNotPassed() {
        fixture.given(set())
                .when(new DecideOutcome("ch-1", progress(2), END.minusMillis(1)))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void decidesMet_whenTotalReachesTargetAfterEnd() {
        fixture.given(set(), new ChallengeProgressed("ch-1", progress(2), NOW.plusSeconds(5)))
                .when(new DecideOutcome("ch-1", progress(2), END))
                .expectEvents(new ChallengeDecided("ch-1", Outcome.MET, progress(2), false, END, END));
    }

    @Test
    void correctsOutcome_whenLateFactChangesIt() {
        fixture.given(set(), new ChallengeDecided("ch-1", Outcome.MISSED, progress(1), false, END, END))
                .when(new DecideOutcome("ch-1", progress(2), END.plusSeconds(60)))
                .expectEvents(new ChallengeDecided("ch-1", Outcome.MET, progress(2), true, END,
                        END.plusSeconds(60)));
    }

    @Test
    void recordsNoProgress_whenOutcomeIsDecided() {
        fixture.given(set(), new ChallengeDecided("ch-1", Outcome.MISSED, progress(1), false, END, END))
                .when(new RecordProgress("ch-1", progress(0), END.plusSeconds(60)))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }
}
