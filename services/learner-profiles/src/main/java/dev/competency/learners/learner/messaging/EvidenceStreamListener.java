package dev.competency.learners.learner.messaging;

import dev.competency.contracts.Topics;
import dev.competency.contracts.evidence.EvidenceRecorded;
import dev.competency.contracts.evidence.EvidenceVoided;
import dev.competency.learners.learner.domain.EvidenceItem;
import dev.competency.learners.learner.domain.RecordEvidence;
import dev.competency.learners.learner.domain.VoidEvidence;
import dev.competency.learners.learner.query.FrameworkUsage;
import dev.competency.learners.mastery.SourceType;
import dev.competency.platform.service.messaging.IdempotentConsumer;
import dev.competency.platform.service.messaging.PoisonMessageException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Evidence intake from {@code competency.evidence.v1}: each record becomes a command to the learner it is about.
 * Redelivery is harmless twice over: the consumer skips a {@code ce_id} it applied, and the learner ignores an
 * evidence id it holds (which covers a crash between the command and the bookkeeping, and the same evidence sent
 * under a new {@code ce_id}).
 */
@Component
class EvidenceStreamListener {

    static final String CONSUMER = "learner-profiles.evidence-intake";
    private static final Logger log = LoggerFactory.getLogger(EvidenceStreamListener.class);

    private final IdempotentConsumer consumer;
    private final CommandGateway commands;
    private final FrameworkUsage usage;

    EvidenceStreamListener(IdempotentConsumer consumer, CommandGateway commands, FrameworkUsage usage) {
        this.consumer = consumer;
        this.commands = commands;
        this.usage = usage;
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, topics = Topics.EVIDENCE,
            concurrency = "${learner-profiles.intake.concurrency:2}")
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CONSUMER, record, event -> {
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
        });
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
