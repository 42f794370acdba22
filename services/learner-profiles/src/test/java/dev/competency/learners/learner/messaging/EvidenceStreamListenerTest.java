package dev.competency.learners.learner.messaging;

import static dev.competency.learners.learner.Examples.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import dev.competency.contracts.EventTypes;
import dev.competency.contracts.evidence.EvidenceRecorded;
import dev.competency.learners.learner.Examples;
import dev.competency.learners.learner.domain.RecordEvidence;
import dev.competency.learners.learner.query.FrameworkUsage;
import dev.competency.platform.service.messaging.ContractEventReader;
import dev.competency.platform.service.messaging.PoisonMessageException;
import dev.competency.platform.test.KafkaTestClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import tools.jackson.databind.node.ObjectNode;

/**
 * How the intake splits a polled batch into units of work and what it reports when a record fails. The learners are
 * replaced by a command gateway that notes which unit of work each command ran in; the aggregate's own behaviour in
 * a shared unit of work is covered end to end by {@code MasteryFlowIT}.
 */
class EvidenceStreamListenerTest {

    private static final Instant DAY1 = Instant.parse("2025-03-10T10:00:00Z");

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final FrameworkUsage usage = mock(FrameworkUsage.class);
    /** The intake's clock, moved on by the commands that take time. */
    private Instant now = DAY1;
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final EvidenceStreamListener listener = new EvidenceStreamListener(new ContractEventReader(JSON), gateway,
            usage, clock);
    /** Per command sent: the evidence id and the unit of work it shares with the others. */
    private final List<Map.Entry<String, UnitOfWork<?>>> sent = new ArrayList<>();
    /** Evidence ids whose unit of work was committed. */
    private final List<String> committed = new ArrayList<>();

    @AfterEach
    void noUnitOfWorkLeftOpen() {
        assertThat(CurrentUnitOfWork.isStarted()).as("a unit of work left on the intake thread").isFalse();
    }

    @Test
    void sendsTheBatchInOneUnitOfWork_whenItFitsInTheTime() {
        List<EvidenceRecorded> batch = evidenceOfNewLearners(3);
        answer(null, 0);

        listener.on(records(batch));

        assertThat(sent).extracting(Map.Entry::getKey).containsExactlyElementsOf(ids(batch));
        assertThat(sent).extracting(Map.Entry::getValue).containsOnly(sent.get(0).getValue());
        assertThat(committed).containsExactlyInAnyOrderElementsOf(ids(batch));
    }

    @Test
    void startsAnotherUnitOfWork_whenTheTimeIsUp() {
        List<EvidenceRecorded> batch = evidenceOfNewLearners(3);
        answer(null, EvidenceStreamListener.UNIT_OF_WORK_TIME.toMillis() + 50);

        listener.on(records(batch));

        assertThat(sent).extracting(Map.Entry::getValue).as("one unit of work per command that takes the time")
                .doesNotHaveDuplicates();
        assertThat(committed).containsExactlyInAnyOrderElementsOf(ids(batch));
    }

    @Test
    void commitsTheCommandsBeforeAFailedOne_andNamesItsIndex() {
        List<EvidenceRecorded> batch = evidenceOfNewLearners(4);
        answer(batch.get(2).evidenceId(), 0);

        assertThatThrownBy(() -> listener.on(records(batch)))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        e -> {
                            assertThat(e.getIndex()).isEqualTo(2);
                            assertThat(e.getCause()).hasMessageContaining(batch.get(2).evidenceId());
                        });
        assertThat(committed).containsExactlyInAnyOrder(batch.get(0).evidenceId(), batch.get(1).evidenceId());
        assertThat(sent).as("nothing after the failed command").hasSize(3);
    }

    @Test
    void handlesTheRecordsBeforeAnUnreadableOne_andNamesItsIndex() {
        List<EvidenceRecorded> batch = evidenceOfNewLearners(2);
        ObjectNode broken = JSON.valueToTree(evidenceOfNewLearners(1).get(0));
        broken.put("score", 1.5);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(records(batch));
        records.add(1, consumerRecord(KafkaTestClient.contractRecord(EventTypes.EVIDENCE_RECORDED,
                broken.path("learnerId").asString(), JSON.writeValueAsBytes(broken)), 99));
        answer(null, 0);

        assertThatThrownBy(() -> listener.on(records))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        e -> {
                            assertThat(e.getIndex()).isEqualTo(1);
                            assertThat(e.getCause()).isInstanceOf(PoisonMessageException.class)
                                    .hasMessageContaining("score");
                        });
        assertThat(committed).containsExactly(batch.get(0).evidenceId());
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Collection<Map.Entry<String, String>>> recorded = ArgumentCaptor.forClass(Collection.class);
        verify(usage).record(recorded.capture());
        assertThat(recorded.getValue()).as("usage only of the evidence handled")
                .containsExactly(Map.entry(batch.get(0).learnerId(), batch.get(0).frameworkId()));
    }

    @Test
    void storesNothingAndNamesTheFirstRecordOfTheUnitOfWork_whenItsCommitFails() {
        List<EvidenceRecorded> batch = evidenceOfNewLearners(2);
        doAnswer(invocation -> {
            note(invocation.getArgument(0));
            CurrentUnitOfWork.get().root().onPrepareCommit(u -> {
                throw new IllegalStateException("store unavailable");
            });
            return null;
        }).when(gateway).sendAndWait(any());

        assertThatThrownBy(() -> listener.on(records(batch)))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        e -> {
                            assertThat(e.getIndex()).isZero();
                            assertThat(e.getCause()).hasMessageContaining("store unavailable");
                        });
        assertThat(committed).isEmpty();
    }

    @Test
    void leavesNoUnitOfWorkOnTheThread_whenACommandThrowsAnError() {
        List<EvidenceRecorded> batch = evidenceOfNewLearners(2);
        doAnswer(invocation -> {
            throw new StackOverflowError("deep");
        }).when(gateway).sendAndWait(any());

        assertThatThrownBy(() -> listener.on(records(batch))).isInstanceOf(StackOverflowError.class);
        // noUnitOfWorkLeftOpen checks the thread after each test.
    }

    /** The gateway: notes each command, takes {@code millis} of the intake's clock, fails for {@code failFor}. */
    private void answer(String failFor, long millis) {
        doAnswer(invocation -> {
            RecordEvidence command = invocation.getArgument(0);
            now = now.plusMillis(millis);
            if (command.evidence().evidenceId().equals(failFor)) {
                sent.add(Map.entry(failFor, CurrentUnitOfWork.get().root()));
                throw new IllegalStateException("Refused evidence " + failFor);
            }
            note(command);
            return null;
        }).when(gateway).sendAndWait(any());
    }

    /** Notes the command and, once its unit of work commits, its evidence id. */
    private void note(RecordEvidence command) {
        String evidenceId = command.evidence().evidenceId();
        UnitOfWork<?> shared = CurrentUnitOfWork.get().root();
        sent.add(Map.entry(evidenceId, shared));
        shared.afterCommit(u -> committed.add(evidenceId));
    }

    private static List<EvidenceRecorded> evidenceOfNewLearners(int count) {
        List<EvidenceRecorded> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(Examples.evidence(UUID.randomUUID().toString(), 0.5, DAY1.plusSeconds(i), DAY1.plusSeconds(i + 1)));
        }
        return batch;
    }

    private static List<String> ids(List<EvidenceRecorded> batch) {
        return batch.stream().map(EvidenceRecorded::evidenceId).toList();
    }

    private static List<ConsumerRecord<String, byte[]>> records(List<EvidenceRecorded> batch) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (EvidenceRecorded evidence : batch) {
            records.add(consumerRecord(KafkaTestClient.contractRecord(EventTypes.EVIDENCE_RECORDED,
                    evidence.learnerId(), JSON.writeValueAsBytes(evidence)), records.size()));
        }
        return records;
    }

    private static ConsumerRecord<String, byte[]> consumerRecord(ProducerRecord<String, byte[]> record, long offset) {
        return new ConsumerRecord<>(record.topic(), 0, offset, 0L, TimestampType.CREATE_TIME, 0, record.value().length,
                record.key(), record.value(), record.headers(), Optional.empty());
    }
}
