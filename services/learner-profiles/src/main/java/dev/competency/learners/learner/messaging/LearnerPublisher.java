package dev.competency.learners.learner.messaging;

import dev.competency.contracts.IntegrationEvent;
import dev.competency.contracts.learners.LearnerRoleAssigned;
import dev.competency.contracts.learners.LearnerTeamChanged;
import dev.competency.contracts.learners.MailboxHash;
import dev.competency.learners.learner.domain.LearnerErased;
import dev.competency.learners.learner.domain.LearnerRegistered;
import dev.competency.learners.learner.domain.PersonalData;
import dev.competency.learners.learner.domain.RoleAssigned;
import dev.competency.learners.learner.domain.TeamChanged;
import dev.competency.platform.service.messaging.IntegrationEventPublisher;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Publishes registration, role and team changes on {@code competency.learners.v1}, with the same guarantees as
 * {@link MasteryPublisher}: a tracking processor, an acknowledged send, and a {@code ce_id} derived from the
 * learner and sequence number. No name or e-mail address is ever published: the topic is append-only and kept
 * without limit, so erasure could not reach them there.
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

    /**
     * Neither the name nor the address: the topic keeps its records without limit. The address goes out as its xAPI
     * {@code mbox_sha1sum} only, and not at all when the learner has been erased since (its key is gone).
     */
    @EventHandler
    void on(LearnerRegistered event, @SequenceNumber long sequenceNumber) {
        String learnerId = event.learnerId();
        send(learnerId, sequenceNumber, new dev.competency.contracts.learners.LearnerRegistered(learnerId,
                personalData.open(learnerId, event.email()).filter(email -> !email.isBlank())
                        .map(MailboxHash::ofAddress).orElse(null),
                event.organisationUnit(), event.registeredAt()));
    }

    @EventHandler
    void on(RoleAssigned event, @SequenceNumber long sequenceNumber) {
        send(event.learnerId(), sequenceNumber, new LearnerRoleAssigned(event.learnerId(), event.roleProfileId(),
                event.roleProfileVersion(), event.assignedAt()));
    }

    @EventHandler
    void on(TeamChanged event, @SequenceNumber long sequenceNumber) {
        send(event.learnerId(), sequenceNumber, new LearnerTeamChanged(event.learnerId(), event.teamId(),
                event.previousTeamId(), event.managerId(), event.changedAt()));
    }

    @EventHandler
    void on(LearnerErased event, @SequenceNumber long sequenceNumber) {
        send(event.learnerId(), sequenceNumber, new dev.competency.contracts.learners.LearnerErased(
                event.learnerId(), event.erasedAt()));
    }

    private void send(String learnerId, long sequenceNumber, IntegrationEvent event) {
        publisher.publishAndAwait(MasteryPublisher.eventId(learnerId, sequenceNumber), event);
    }
}
