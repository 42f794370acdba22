package dev.competency.assessments.learners.messaging;

import dev.competency.assessments.learners.query.LearnerDirectory;
import dev.competency.assessments.xapi.domain.PersonRedaction;
import dev.competency.assessments.xapi.query.AttachmentContents;
import dev.competency.assessments.xapi.query.DocumentStore;
import dev.competency.assessments.xapi.query.StatementStore;
import dev.competency.contracts.Topics;
import dev.competency.contracts.learners.LearnerErased;
import dev.competency.contracts.learners.LearnerRegistered;
import dev.competency.platform.service.messaging.IdempotentConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the learner directory up to date from {@code competency.learners.v1}, and takes an erased learner out of the
 * stored xAPI statements and documents before the directory forgets the hashes of their addresses.
 */
@Component
class LearnerStreamListener {

    static final String CONSUMER = LearnerDirectory.CONSUMER;

    private final IdempotentConsumer consumer;
    private final LearnerDirectory directory;
    private final StatementStore statements;
    private final DocumentStore documents;
    private final AttachmentContents attachments;
    private final String learnerHomePage;

    LearnerStreamListener(IdempotentConsumer consumer, LearnerDirectory directory, StatementStore statements,
                          DocumentStore documents, AttachmentContents attachments,
                          @Value("${assessments.xapi.learner-home-page}") String learnerHomePage) {
        this.consumer = consumer;
        this.directory = directory;
        this.statements = statements;
        this.documents = documents;
        this.attachments = attachments;
        this.learnerHomePage = learnerHomePage;
    }

    /**
     * A record without a value (a tombstone) is no contract event: it has neither attributes nor an id to deduplicate
     * on, and forgetting a learner twice is harmless, so it erases the learner in its key directly.
     */
    @KafkaListener(id = CONSUMER, groupId = CONSUMER, topics = Topics.LEARNERS)
    void on(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            if (record.key() != null) {
                erase(record.key());
            }
            return;
        }
        consumer.consume(CONSUMER, record, event -> {
            if (event.payload() instanceof LearnerRegistered registered) {
                directory.register(registered);
            } else if (event.payload() instanceof LearnerErased erased) {
                erase(erased.learnerId());
            }
        });
    }

    /**
     * Deletes the learner's State and Agent Profile documents, then redacts their stored statements and drops the
     * signatures made over them, then forgets the learner. The documents go first because they are found by the
     * identifiers the unredacted statements still carry, and the directory is last: a redelivery after an interruption
     * still finds the hashes of their addresses. Every step is idempotent.
     */
    private void erase(String learnerId) {
        StatementStore.Erasure erasure = statements.erasure(
                PersonRedaction.of(learnerHomePage, learnerId, directory.mboxSha1sums(learnerId)));
        documents.eraseAgent(erasure.learner());
        StatementStore.Redacted redacted = statements.redact(erasure);
        attachments.forget(redacted.signatures());
        directory.erase(learnerId);
    }
}
