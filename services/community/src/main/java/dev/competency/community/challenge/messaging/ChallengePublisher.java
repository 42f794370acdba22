package dev.competency.community.challenge.messaging;

import dev.competency.community.challenge.domain.ChallengeDecided;
import dev.competency.community.challenge.domain.ChallengeProgressed;
import dev.competency.community.challenge.domain.ChallengeSet;
import dev.competency.community.challenge.domain.Progress;
import dev.competency.contracts.community.ChallengeEnded;
import dev.competency.contracts.community.ChallengeStarted;
import dev.competency.platform.service.messaging.IntegrationEventPublisher;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Challenges leave the service only here: a streaming processor reads the challenge events from the event store and
 * publishes them to {@code competency.community.v1}, waiting for the broker before its token moves on. The
 * {@code ce_id} is the stored event's id, so a retry after a failure publishes the same id again.
 */
@Component
@ProcessingGroup(ChallengePublisher.PROCESSING_GROUP)
class ChallengePublisher {

    static final String PROCESSING_GROUP = "challenge-publisher";

    private final IntegrationEventPublisher publisher;

    ChallengePublisher(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(ChallengeSet event, EventMessage<?> message) {
        publisher.publishAndAwait(UUID.fromString(message.getIdentifier()), new ChallengeStarted(event.challengeId(),
                event.title(), event.group().kind(), event.group().id(), event.goal().kind(),
                event.goal().competencyIds(), event.goal().level(), event.goal().target(), event.startsAt(),
                event.endsAt(), event.setBy()));
    }

    @EventHandler
    void on(ChallengeProgressed event, EventMessage<?> message) {
        publisher.publishAndAwait(UUID.fromString(message.getIdentifier()),
                new dev.competency.contracts.community.ChallengeProgressed(event.challengeId(),
                        event.progress().total(), event.progress().target(),
                        event.progress().contributions().stream().map(ChallengePublisher::contribution).toList(),
                        event.at()));
    }

    @EventHandler
    void on(ChallengeDecided event, EventMessage<?> message) {
        publisher.publishAndAwait(UUID.fromString(message.getIdentifier()), new ChallengeEnded(event.challengeId(),
                event.outcome(), event.progress().total(), event.progress().target(), event.endsAt(),
                event.at()));
    }

    private static dev.competency.contracts.community.ChallengeProgressed.Contribution contribution(
            Progress.Contribution contribution) {
        return new dev.competency.contracts.community.ChallengeProgressed.Contribution(contribution.learnerId(),
                contribution.count());
    }
}
