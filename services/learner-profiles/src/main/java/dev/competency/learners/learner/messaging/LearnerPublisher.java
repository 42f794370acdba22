package dev.competency.learners.learner.messaging;

import dev.competency.contracts.IntegrationEvent;
import dev.competency.contracts.learners.LearnerRoleAssigned;
import dev.competency.contracts.learners.LearnerTeamChanged;
import dev.competency.learners.learner.domain.LearnerErased;
import dev.competency.learners.learner.domain.LearnerRegistered;
import dev.competency.learners.learner.domain.PersonalData;
import dev.competency.learners.learner.domain.RoleAssigned;
import dev.competency.learners.learner.domain.TeamChanged;
import dev.competency.platform.service.messaging.IntegrationEventPublisher;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Publishes registration, role and team changes on {@code competency.learners.v1}, with the same guarantees as
 * {@link MasteryPublisher}: a tracking processor, an acknowledged send, and a {@code ce_id} derived from the
 * learner and sequence number.
 */
@Component
@ProcessingGroup("learner-publisher")
class LearnerPublisher {

    private final IntegrationEventPublisher publisher;
    private final PersonalData personalData;

    LearnerPublisher(IntegrationEventPublisher publisher, PersonalData personalData) {
        this.publisher = publisher;
        this.personalData = personalData;
    }

    /** Name and address in readable form, or left out when the learner has been erased since. */
    @EventHandler
    void on(LearnerRegistered event, @SequenceNumber long sequenceNumber) throws Exception {
        String learnerId = event.learnerId();
        send(learnerId, sequenceNumber, new dev.competency.contracts.learners.LearnerRegistered(learnerId,
                personalData.open(learnerId, event.displayName()).orElse(null),
                personalData.open(learnerId, event.email()).orElse(null), event.organisationUnit(),
                event.registeredAt()));
    }

    @EventHandler
    void on(RoleAssigned event, @SequenceNumber long sequenceNumber) throws Exception {
        send(event.learnerId(), sequenceNumber, new LearnerRoleAssigned(event.learnerId(), event.roleProfileId(),
                event.roleProfileVersion(), event.assignedAt()));
    }

    @EventHandler
    void on(TeamChanged event, @SequenceNumber long sequenceNumber) throws Exception {
        send(event.learnerId(), sequenceNumber, new LearnerTeamChanged(event.learnerId(), event.teamId(),
                event.previousTeamId(), event.managerId(), event.changedAt()));
    }

    @EventHandler
    void on(LearnerErased event, @SequenceNumber long sequenceNumber) throws Exception {
        send(event.learnerId(), sequenceNumber, new dev.competency.contracts.learners.LearnerErased(
                event.learnerId(), event.erasedAt()));
    }

    private void send(String learnerId, long sequenceNumber, IntegrationEvent event)
            throws InterruptedException, ExecutionException, TimeoutException {
        publisher.publish(MasteryPublisher.eventId(learnerId, sequenceNumber), event).get(30, TimeUnit.SECONDS);
    }
}
