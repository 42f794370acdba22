package dev.competency.learners.learner.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.competency.learners.learner.domain.MasteryRecalculated;
import dev.competency.learners.learner.domain.RecalculationCause;
import dev.competency.platform.service.messaging.IntegrationEventPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

class MasteryPublisherTest {

    private static final Instant STORED_AT = Instant.parse("2026-03-01T10:00:00Z");

    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);
    private final MasteryPublisher publisher = new MasteryPublisher(new IntegrationEventPublisher(kafka,
            JsonMapper.builder().build(), "/services/learner-profiles", Clock.systemUTC(), Duration.ofSeconds(30)));
    private final List<CompletableFuture<Object>> sends = new ArrayList<>();
    private final List<Boolean> acknowledgedWhenSent = new ArrayList<>();

    MasteryPublisherTest() {
        when(kafka.send(any(ProducerRecord.class))).thenAnswer(invocation -> {
            acknowledgedWhenSent.add(sends.stream().allMatch(CompletableFuture::isDone));
            CompletableFuture<Object> send = new CompletableFuture<>();
            sends.add(send);
            return send;
        });
    }

    @Test
    void sendsEveryChangeOfTheBatchBeforeWaiting_andWaitsForAllOnTheLastMessage() throws Exception {
        BatchingUnitOfWork<EventMessage<?>> batch = batchOf(3);
        List<Integer> outstandingAfterEachMessage = new ArrayList<>();

        var result = batch.executeWithResult(() -> {
            long sequence = sends.size();
            if (sends.size() == 2) {
                sends.forEach(send -> send.complete(null));
                CompletableFuture.runAsync(() -> {
                    while (sends.size() < 3) {
                        Thread.onSpinWait();
                    }
                    sends.get(2).complete(null);
                });
            }
            publisher.on(change(sequence), sequence, STORED_AT, CurrentUnitOfWork.get());
            outstandingAfterEachMessage.add((int) sends.stream().filter(send -> !send.isDone()).count());
            return null;
        });

        assertThat(result.isExceptional()).isFalse();
        assertThat(sends).hasSize(3);
        assertThat(acknowledgedWhenSent).containsExactly(true, false, true);
        assertThat(outstandingAfterEachMessage).containsExactly(1, 2, 0);
    }

    @Test
    void failsTheBatch_whenAnEarlierSendOfTheBatchFailed() {
        BatchingUnitOfWork<EventMessage<?>> batch = batchOf(3);

        var result = batch.executeWithResult(() -> {
            long sequence = sends.size();
            if (sends.size() == 2) {
                sends.get(0).complete(null);
                sends.get(1).completeExceptionally(new IllegalStateException("broker unavailable"));
            }
            publisher.on(change(sequence), sequence, STORED_AT, CurrentUnitOfWork.get());
            return null;
        }, e -> false);

        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("broker unavailable");
    }

    @Test
    void waitsForTheAcknowledgement_outsideABatch() throws Exception {
        UnitOfWork<?> single = org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(
                GenericEventMessage.asEventMessage(change(0)));
        try {
            CompletableFuture.runAsync(() -> {
                while (sends.isEmpty()) {
                    Thread.onSpinWait();
                }
                sends.get(0).complete(null);
            });
            publisher.on(change(0), 0, STORED_AT, single);
            assertThat(sends).hasSize(1).allMatch(CompletableFuture::isDone);
        } finally {
            single.commit();
        }
    }

    private static BatchingUnitOfWork<EventMessage<?>> batchOf(int size) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            messages.add(GenericEventMessage.asEventMessage(change(i)));
        }
        return new BatchingUnitOfWork<>(messages);
    }

    private static MasteryRecalculated change(long sequence) {
        return new MasteryRecalculated("learner-1", "competency-" + sequence, "framework-1", 1, 1,
                "HIGHEST", "HIGHEST", "PROFICIENT", null, 0.8, null, true, false, 1, STORED_AT, null,
                RecalculationCause.EVIDENCE_RECORDED, "evidence-" + sequence, false);
    }
}
