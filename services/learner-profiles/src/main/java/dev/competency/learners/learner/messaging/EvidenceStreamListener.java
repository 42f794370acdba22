package dev.competency.learners.learner.messaging;

import dev.competency.contracts.IntegrationEvent;
import dev.competency.contracts.Topics;
import dev.competency.contracts.evidence.EvidenceRecorded;
import dev.competency.contracts.evidence.EvidenceVoided;
import dev.competency.learners.learner.domain.EvidenceItem;
import dev.competency.learners.learner.domain.RecordEvidence;
import dev.competency.learners.learner.domain.VoidEvidence;
import dev.competency.learners.learner.query.FrameworkUsage;
import dev.competency.learners.mastery.SourceType;
import dev.competency.platform.service.messaging.ContractEventReader;
import dev.competency.platform.service.messaging.MessagingConfiguration;
import dev.competency.platform.service.messaging.PoisonMessageException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Evidence intake from {@code competency.evidence.v1}: each record becomes a command to the learner it is about, and
 * the commands of one polled batch share units of work, each as many commands as fit in {@link #UNIT_OF_WORK_TIME}.
 *
 * <p>A shared unit of work means one append to the event store for all of its events, instead of one append (and
 * one wake-up of every processor following the store) per evidence. Each command still runs in a unit of work of its
 * own, nested in the shared one: a command that fails leaves nothing behind, and the shared unit of work is committed
 * with the commands before it. The record that failed is then reported by its index, so the error handler commits
 * the offsets before it, retries it or sends it to the dead-letter topic, and delivers the records after it again.
 * Learners stay locked until their unit of work commits; the intake threads own disjoint partitions, so disjoint
 * learners.
 *
 * <p>Redelivery is harmless because the learner itself is idempotent: it ignores an evidence id it holds (whatever
 * the {@code ce_id} it came under) and a void of evidence already voided. So, unlike the other consumers, the intake
 * keeps no log of applied {@code ce_id}s: that log cost two store round trips per record (a read and an insert) to
 * skip a command that changes nothing anyway. Offsets are committed once per polled batch (see
 * {@link MessagingConfiguration#BATCH_CONTAINER_FACTORY}); a crash replays at most that batch, which the learners
 * ignore.
 */
@Component
class EvidenceStreamListener {

    static final String CONSUMER = "learner-profiles.evidence-intake";
    /**
     * How long one unit of work takes in commands. Its learners stay locked and its events unstored until it commits:
     * other commands to those learners (registration, a framework version's recomputation) wait at most this long,
     * a failed commit sends at most this much work again, and the mastery changes of its first evidence are
     * published no later than this. (With an event store that tracks by time, an event applied and stored more than
     * its look-back time apart is skipped by processors already past it; the platform's store numbers events when
     * it stores them, so the bound is not what keeps them safe.)
     */
    static final Duration UNIT_OF_WORK_TIME = Duration.ofMillis(200);

    private final ContractEventReader reader;
    private final CommandGateway commands;
    private final FrameworkUsage usage;
    private final Clock clock;

    EvidenceStreamListener(ContractEventReader reader, CommandGateway commands, FrameworkUsage usage, Clock clock) {
        this.reader = reader;
        this.commands = commands;
        this.usage = usage;
        this.clock = clock;
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, topics = Topics.EVIDENCE,
            containerFactory = MessagingConfiguration.BATCH_CONTAINER_FACTORY,
            concurrency = "${learner-profiles.intake.concurrency:2}")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        List<Object> batch = new ArrayList<>(records.size());
        RuntimeException unreadable = null;
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                batch.add(commandFor(reader.read(record).payload()));
            } catch (RuntimeException e) {
                unreadable = e;
                break;
            }
        }
        // Before the commands: a framework version that arrives at any moment afterwards finds these learners.
        usage.record(batch.stream().filter(RecordEvidence.class::isInstance).map(RecordEvidence.class::cast)
                .map(command -> Map.entry(command.learnerId(), command.evidence().frameworkId())).toList());
        handle(batch);
        if (unreadable != null) {
            throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, batch.size());
        }
    }

    /**
     * Sends the commands in units of work of at most {@link #UNIT_OF_WORK_TIME} each and commits them. When a command
     * fails, commits the ones before it and throws a {@link BatchListenerFailedException} with its index.
     */
    private void handle(List<Object> batch) {
        int index = 0;
        while (index < batch.size()) {
            index = handleInOneUnitOfWork(batch, index);
        }
    }

    /** Handles commands from {@code from} on in one unit of work until the time is up; returns the next index. */
    private int handleInOneUnitOfWork(List<Object> batch, int from) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            Instant deadline = clock.instant().plus(UNIT_OF_WORK_TIME);
            int index = from;
            RuntimeException failure = null;
            try {
                do {
                    send(batch.get(index));
                    index++;
                } while (index < batch.size() && clock.instant().isBefore(deadline));
            } catch (RuntimeException e) {
                failure = e;
            }
            try {
                unitOfWork.commit();
            } catch (RuntimeException e) {
                if (failure != null) {
                    e.addSuppressed(failure);
                }
                // The append may have stored part of it (it is not a transaction); the learners ignore what they
                // hold when the records come again, from this unit of work's first.
                throw new BatchListenerFailedException(e.getMessage(), e, from);
            }
            if (failure != null) {
                throw new BatchListenerFailedException(failure.getMessage(), failure, index);
            }
            return index;
        } finally {
            // Whatever was thrown (an Error too): no unit of work stays on the thread for the next poll to nest in.
            if (unitOfWork.isActive()) {
                unitOfWork.rollback();
            }
        }
    }

    /** A void of a learner never heard of creates the learner, which keeps it until the evidence arrives. */
    private void send(Object command) {
        if (command != null) {
            commands.sendAndWait(command);
        }
    }

    /** The learner's command for an event of the evidence topic, or null for an event the learners do not use. */
    private static Object commandFor(IntegrationEvent event) {
        if (event instanceof EvidenceRecorded recorded) {
            return new RecordEvidence(recorded.learnerId(), toItem(recorded));
        }
        if (event instanceof EvidenceVoided voided) {
            return new VoidEvidence(voided.learnerId(), voided.evidenceId(), voided.voidedAt(), voided.reason());
        }
        return null;
    }

    static EvidenceItem toItem(EvidenceRecorded recorded) {
        try {
            EvidenceItem item = new EvidenceItem(recorded.evidenceId(), recorded.competencyId(),
                    recorded.frameworkId(), recorded.frameworkVersion(), recorded.score(),
                    SourceType.valueOf(recorded.sourceType().name()), recorded.actor().id(), recorded.occurredAt(),
                    recorded.recordedAt(), recorded.ratedLevel());
            item.toEvidence();
            return item;
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException("Evidence " + recorded.evidenceId() + " cannot be folded: "
                    + e.getMessage(), e);
        }
    }
}
