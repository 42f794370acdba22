package dev.competency.community.challenge.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.competency.contracts.community.ChallengeEnded.Outcome;
import dev.competency.contracts.community.ChallengeGoal;
import dev.competency.platform.service.error.Refusal;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A group challenge: its goal, the last progress recorded and the outcome. Progress and outcome come from the ledger
 * (which counts the streams' facts); the aggregate records each change once, so that what is published says every
 * change exactly once: progress while the challenge runs, the outcome once its end has passed, and a correction only
 * when the outcome really changes.
 */
@Aggregate
public class Challenge {

    @AggregateIdentifier
    private String challengeId;
    private Instant endsAt;
    private Progress lastProgress;
    private Outcome outcome;
    private Integer decidedTotal;

    protected Challenge() {
        // for Axon
    }

    @CommandHandler
    Challenge(StartChallenge command) {
        Goal goal = command.goal();
        if (command.title() == null || command.title().isBlank()) {
            throw Refusal.invalid("title must not be blank");
        }
        if (goal.target() < 1) {
            throw Refusal.invalid("target must be at least 1");
        }
        if (goal.kind() == ChallengeGoal.MEMBERS_AT_LEVEL && goal.level() == null) {
            throw Refusal.invalid("level is required for a goal of members at a level");
        }
        if (!command.endsAt().isAfter(command.startsAt())) {
            throw Refusal.invalid("endsAt must be after startsAt");
        }
        if (!command.endsAt().isAfter(command.at())) {
            throw Refusal.invalid("endsAt must be in the future");
        }
        apply(new ChallengeSet(command.challengeId(), command.title().strip(), command.group(), goal,
                command.startsAt(), command.endsAt(), command.onLeaderboard(), command.setBy(), command.at()));
    }

    @CommandHandler
    void handle(RecordProgress command) {
        if (outcome != null || Objects.equals(lastProgress, command.progress())) {
            return;
        }
        apply(new ChallengeProgressed(challengeId, command.progress(), command.at()));
    }

    @CommandHandler
    void handle(DecideOutcome command) {
        if (command.at().isBefore(endsAt)) {
            return;
        }
        Outcome decided = command.progress().goalReached() ? Outcome.MET : Outcome.MISSED;
        if (decided == outcome && Objects.equals(decidedTotal, command.progress().total())) {
            return;
        }
        apply(new ChallengeDecided(challengeId, decided, command.progress(), outcome != null, endsAt,
                command.at()));
    }

    @EventSourcingHandler
    void on(ChallengeSet event) {
        challengeId = event.challengeId();
        endsAt = event.endsAt();
    }

    @EventSourcingHandler
    void on(ChallengeProgressed event) {
        lastProgress = event.progress();
    }

    @EventSourcingHandler
    void on(ChallengeDecided event) {
        outcome = event.outcome();
        decidedTotal = event.progress().total();
    }
}
