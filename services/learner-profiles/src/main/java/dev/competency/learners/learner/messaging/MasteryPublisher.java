package dev.competency.learners.learner.messaging;

import dev.competency.contracts.IntegrationEvent;
import dev.competency.contracts.frameworks.MethodType;
import dev.competency.contracts.mastery.MasteryChanged;
import dev.competency.contracts.mastery.ParentMasteryChanged;
import dev.competency.learners.learner.domain.MasteryRecalculated;
import dev.competency.learners.learner.domain.ParentMasteryRolledUp;
import dev.competency.learners.learner.domain.ParentRollupEnded;
import dev.competency.platform.service.messaging.IntegrationEventPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Publishes every stored {@link MasteryRecalculated} as {@code mastery.changed}, and every stored
 * {@link ParentMasteryRolledUp} as {@code parent-mastery.changed} and {@link ParentRollupEnded} as
 * {@code parent-rollup.ended}, on {@code competency.mastery.v1}.
 *
 * <p>Why nothing is lost or doubled in effect. This handler runs in a tracking event processor, which reads the
 * event store in batches and stores its token when the whole batch was handled (in the prepare-commit phase of the
 * batch's unit of work). The handler sends without waiting for each acknowledgement, so that one batch costs one
 * round trip to Kafka instead of one per change, but on the last message of the batch it waits until Kafka
 * acknowledged every send of the batch, and fails the batch if one failed: the token never moves past a change
 * Kafka has not acknowledged. A crash between storing and publishing therefore leaves the token behind the event,
 * and the processor publishes it again after the restart. The republished record carries the same {@code ce_id},
 * derived from the aggregate id and sequence number, and the same payload ({@code changedAt} is the event's own
 * timestamp), so consumers deduplicating by {@code ce_id} see one fact.
 *
 * <p>The hazard: Axon's MongoDB tracking token is based on event timestamps. With several writers, an
 * event can be committed after an event with a later timestamp has already been read, and a processor whose token
 * moved past it would skip it (AxonFramework #692, #708, #1244; extension-mongo #9). What keeps that from losing a
 * mastery change here: each learner is written by one command at a time (Kafka partitions by learner, and Axon
 * locks the aggregate), so the events of one learner are committed in sequence order; the
 * {@code MongoTrackingToken} keeps the ids of the events seen within its look-back window and re-reads that window
 * on every fetch, so an event committed late by another learner's writer, within the window, is still delivered;
 * and a redelivery is harmless because the id is deterministic.
 */
@Component
@ProcessingGroup(MasteryPublisher.PROCESSING_GROUP)
class MasteryPublisher {

    static final String PROCESSING_GROUP = "mastery-publisher";
    private static final String SENDS = MasteryPublisher.class.getName() + ".sends";

    private final IntegrationEventPublisher publisher;

    MasteryPublisher(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(MasteryRecalculated event, @SequenceNumber long sequenceNumber, @Timestamp Instant storedAt,
            UnitOfWork<?> unitOfWork) {
        send(eventId(event.learnerId(), sequenceNumber), toContract(event, storedAt), unitOfWork);
    }

    /** A rolled-up parent, as {@code parent-mastery.changed}, with the same guarantees. */
    @EventHandler
    void on(ParentMasteryRolledUp event, @SequenceNumber long sequenceNumber, @Timestamp Instant storedAt,
            UnitOfWork<?> unitOfWork) {
        send(eventId(event.learnerId(), sequenceNumber), toContract(event, storedAt), unitOfWork);
    }

    /** The end of a parent's roll-up, as {@code parent-rollup.ended}, with the same guarantees. */
    @EventHandler
    void on(ParentRollupEnded event, @SequenceNumber long sequenceNumber, @Timestamp Instant storedAt,
            UnitOfWork<?> unitOfWork) {
        send(eventId(event.learnerId(), sequenceNumber), toContract(event, storedAt), unitOfWork);
    }

    /** Sends at once; on the last message of the batch, waits until Kafka acknowledged every send of the batch. */
    private void send(UUID eventId, IntegrationEvent payload, UnitOfWork<?> unitOfWork) {
        List<CompletableFuture<?>> sends = unitOfWork.root().getOrComputeResource(SENDS, key -> new ArrayList<>());
        sends.add(publisher.publish(eventId, payload));
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
            publisher.awaitAcknowledgements(sends);
            sends.clear();
        }
    }

    /** The {@code ce_id} of the change recorded at this position of the learner's event stream. */
    static UUID eventId(String learnerId, long sequenceNumber) {
        return UUID.nameUUIDFromBytes((learnerId + ":" + sequenceNumber).getBytes(StandardCharsets.UTF_8));
    }

    static MasteryChanged toContract(MasteryRecalculated event, Instant storedAt) {
        return new MasteryChanged(event.learnerId(), event.competencyId(), event.frameworkId(),
                event.frameworkVersion(), event.policyVersion(), MethodType.valueOf(event.methodType()),
                event.level(), event.previousLevel(), event.score(), event.previousScore(), event.mastered(),
                event.previouslyMastered(), event.evidenceCount(), storedAt, event.validAt(), event.expiresAt(),
                MasteryChanged.ChangeCause.valueOf(event.cause().name()), event.triggeringEvidenceId());
    }

    static ParentMasteryChanged toContract(ParentMasteryRolledUp event, Instant storedAt) {
        return new ParentMasteryChanged(event.learnerId(), event.competencyId(), event.frameworkId(),
                event.frameworkVersion(), ParentMasteryChanged.RollupRule.valueOf(event.rule()), event.level(),
                event.previousLevel(), event.mastered(), event.previouslyMastered(), event.points(),
                event.previousPoints(), event.pointsTarget(),
                event.children().stream().map(c -> new ParentMasteryChanged.Child(c.competencyId(), c.level(),
                        c.mastered(), c.points(), c.required())).toList(),
                storedAt, event.validAt(), MasteryChanged.ChangeCause.valueOf(event.cause().name()),
                event.triggeringCompetencyId(), event.triggeringEvidenceId());
    }

    static dev.competency.contracts.mastery.ParentRollupEnded toContract(ParentRollupEnded event,
            Instant storedAt) {
        return new dev.competency.contracts.mastery.ParentRollupEnded(event.learnerId(), event.competencyId(),
                event.frameworkId(), event.frameworkVersion(), event.rolledUpUnder(), event.previousLevel(),
                event.previouslyMastered(), event.previousPoints(), storedAt);
    }
}
