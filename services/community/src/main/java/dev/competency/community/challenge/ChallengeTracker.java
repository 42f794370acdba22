package dev.competency.community.challenge;

import dev.competency.community.challenge.domain.ChallengeDefinition;
import dev.competency.community.challenge.domain.ChallengeLedger;
import dev.competency.community.challenge.domain.DecideOutcome;
import dev.competency.community.challenge.domain.MasteryFact;
import dev.competency.community.challenge.domain.MembershipFact;
import dev.competency.community.challenge.domain.Progress;
import dev.competency.community.challenge.domain.RecordProgress;
import dev.competency.community.challenge.query.Challenges;
import dev.competency.community.challenge.query.MasteryStates;
import dev.competency.community.challenge.query.MongoLedgerStore;
import dev.competency.platform.service.id.LearnerId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Brings the streams' facts to the challenges and records what changes: progress while a challenge runs, and its
 * outcome once its end has passed. No job watches the clock: an ended challenge is decided when the next fact arrives
 * (for any challenge) or when someone reads it, whichever comes first ({@link #current}).
 */
public class ChallengeTracker {

    private final Challenges challenges;
    private final ChallengeLedger ledger;
    private final MongoLedgerStore ledgers;
    private final MasteryStates masteries;
    private final CommandGateway commands;
    private final Clock clock;

    public ChallengeTracker(Challenges challenges, ChallengeLedger ledger, MongoLedgerStore ledgers,
                            MasteryStates masteries, CommandGateway commands, Clock clock) {
        this.challenges = challenges;
        this.ledger = ledger;
        this.ledgers = ledgers;
        this.masteries = masteries;
        this.commands = commands;
        this.clock = clock;
    }

    public void take(MasteryFact fact) {
        masteries.put(fact);
        take(challenges.onCompetency(fact.competencyId()), challenge -> ledger.take(challenge, fact));
    }

    public void take(MembershipFact fact) {
        take(challenges.ofGroupKind(fact.kind()), challenge -> ledger.take(challenge, fact));
    }

    /** Settles each challenge that took the fact, then decides every challenge whose end has passed. */
    private void take(List<Challenges.Entry> candidates, Predicate<ChallengeDefinition> takes) {
        for (Challenges.Entry challenge : candidates) {
            if (takes.test(challenge.definition())) {
                settle(challenge.definition());
            }
        }
        challenges.endedUndecided(clock.instant()).forEach(challenge -> settle(challenge.definition()));
    }

    /** Forgets an erased learner in every challenge: from now on the challenges count without them. */
    public void erase(LearnerId learnerId) {
        masteries.erase(learnerId);
        ledgers.erase(learnerId);
    }

    /** Records the challenge's progress now, or its outcome if its end has passed. */
    public void settle(ChallengeDefinition challenge) {
        Instant now = clock.instant();
        Progress progress = ledger.progress(challenge);
        if (challenge.endedAt(now)) {
            commands.sendAndWait(new DecideOutcome(challenge.challengeId(), progress, now));
        } else {
            commands.sendAndWait(new RecordProgress(challenge.challengeId(), progress, now));
        }
    }

    /** The challenge as it stands: decided first if its end has passed and nobody noticed yet. */
    public boolean decideIfEnded(Challenges.Entry challenge) {
        if (challenge.outcome() == null && challenge.definition().endedAt(clock.instant())) {
            settle(challenge.definition());
            return true;
        }
        return false;
    }

    public Progress progress(ChallengeDefinition challenge) {
        return ledger.progress(challenge);
    }
}
