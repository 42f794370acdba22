package dev.competency.learners.learner.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** One learner: who they are, their organisation unit, and (as the product grows) their role, team and evidence. */
@Aggregate
public class Learner {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @AggregateIdentifier
    private String learnerId;
    private String displayName;
    private String organisationUnit;
    private Instant registeredAt;

    protected Learner() {
        // for Axon
    }

    @CommandHandler
    Learner(RegisterLearner command, Clock clock) {
        if (command.learnerId() == null || command.learnerId().isBlank()) {
            throw new InvalidLearnerException("learnerId is required");
        }
        if (command.displayName() == null || command.displayName().isBlank()) {
            throw new InvalidLearnerException("displayName is required");
        }
        if (command.email() != null && !EMAIL.matcher(command.email()).matches()) {
            throw new InvalidLearnerException("email is not an e-mail address: '" + command.email() + "'");
        }
        apply(new LearnerRegistered(command.learnerId(), command.displayName().strip(), command.email(),
                command.organisationUnit(), clock.instant()));
    }

    @EventSourcingHandler
    void on(LearnerRegistered event) {
        learnerId = event.learnerId();
        displayName = event.displayName();
        organisationUnit = event.organisationUnit();
        registeredAt = event.registeredAt();
    }

    String learnerId() {
        return learnerId;
    }

    String displayName() {
        return displayName;
    }

    String organisationUnit() {
        return organisationUnit;
    }

    Instant registeredAt() {
        return registeredAt;
    }
}
