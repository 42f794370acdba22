package dev.competency.learners.learner.messaging;

import dev.competency.contracts.Topics;
import dev.competency.contracts.evidence.EvidenceRecorded;
import dev.competency.contracts.evidence.EvidenceVoided;
import dev.competency.learners.learner.domain.EvidenceItem;
import dev.competency.learners.learner.domain.RecordEvidence;
import dev.competency.learners.learner.domain.VoidEvidence;
import dev.competency.learners.learner.query.FrameworkUsage;
import dev.competency.learners.mastery.SourceType;
import dev.competency.platform.service.messaging.ContractEventReader;
import dev.competency.platform.service.messaging.PoisonMessageException;
import dev.competency.platform.service.messaging.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Evidence intake from {@code competency.evidence.v1}: each record becomes a command to the learner it is about.
 *
 * <p>Redelivery is harmless because the learner itself is idempotent: it ignores an evidence id it holds (whatever
 * the {@code ce_id} it came under) and a void of evidence already voided. So, unlike the other consumers, the intake
 * keeps no log of applied {@code ce_id}s: that log cost two store round trips per record (a read and an insert) to
 * skip a command that changes nothing anyway. Offsets are committed once per polled batch (see
 * {@link EvidenceIntakeConfiguration}); a crash replays at most that batch, which the learners ignore.
 */
@Component
class EvidenceStreamListener {

    static final String CONSUMER = "learner-profiles.evidence-intake";
    private static final Logger log = LoggerFactory.getLogger(EvidenceStreamListener.class);

    private final ContractEventReader reader;
    private final CommandGateway commands;
    private final FrameworkUsage usage;

    EvidenceStreamListener(ContractEventReader reader, CommandGateway commands, FrameworkUsage usage) {
        this.reader = reader;
        this.commands = commands;
        this.usage = usage;
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, topics = Topics.EVIDENCE,
            containerFactory = EvidenceIntakeConfiguration.CONTAINER_FACTORY,
            concurrency = "${learner-profiles.intake.concurrency:2}")
    void on(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent event = reader.read(record);
        if (event.payload() instanceof EvidenceRecorded recorded) {
            usage.record(recorded.learnerId(), recorded.frameworkId());
            commands.sendAndWait(new RecordEvidence(recorded.learnerId(), toItem(recorded)));
        } else if (event.payload() instanceof EvidenceVoided voided) {
            try {
                commands.sendAndWait(new VoidEvidence(voided.learnerId(), voided.evidenceId(),
                        voided.voidedAt(), voided.reason()));
            } catch (AggregateNotFoundException e) {
                // The contract says voiding unknown evidence changes nothing; a learner we never heard of
                // holds no evidence.
                log.info("Void of evidence {} for unknown learner {} changes nothing", voided.evidenceId(),
                        voided.learnerId());
            }
        }
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
