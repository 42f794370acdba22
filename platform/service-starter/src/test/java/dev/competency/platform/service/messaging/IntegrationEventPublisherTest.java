package dev.competency.platform.service.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.competency.contracts.EventTypes;
import dev.competency.contracts.evidence.EvidenceRecorded;
import dev.competency.platform.test.KafkaTestClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import tools.jackson.databind.json.JsonMapper;

class IntegrationEventPublisherTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofMillis(200);

    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, byte[]> template = mock(KafkaTemplate.class);
    private final IntegrationEventPublisher publisher = new IntegrationEventPublisher(template, JSON, "/services/test",
            Clock.systemUTC(), TIMEOUT);
    private final EvidenceRecorded evidence = JSON.readValue(KafkaTestClient.example(EventTypes.EVIDENCE_RECORDED),
            EvidenceRecorded.class);

    @AfterEach
    void clearInterruptFlag() {
        Thread.interrupted();
    }

    @Test
    void returns_whenTheBrokerAcknowledged() {
        answerSends(CompletableFuture.completedFuture(null));

        assertThatCode(() -> publisher.publishAndAwait(UUID.randomUUID(), evidence)).doesNotThrowAnyException();
    }

    @Test
    void throwsUncheckedWithTheBrokersError_whenTheSendFailed() {
        answerSends(CompletableFuture.failedFuture(new IllegalArgumentException("broker unavailable")));

        assertThatThrownBy(() -> publisher.publishAndAwait(UUID.randomUUID(), evidence))
                .isInstanceOf(IllegalStateException.class)
                .cause().hasMessage("broker unavailable");
    }

    @Test
    void throwsUnchecked_whenNoAcknowledgementArrivesWithinTheTimeout() {
        answerSends(new CompletableFuture<>());

        long started = System.nanoTime();
        assertThatThrownBy(() -> publisher.publishAndAwait(UUID.randomUUID(), evidence))
                .isInstanceOf(IllegalStateException.class)
                .hasCauseInstanceOf(TimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(TIMEOUT);
    }

    @Test
    void throwsUncheckedAndKeepsTheInterruptFlag_whenInterruptedWhileWaiting() {
        answerSends(new CompletableFuture<>());
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> publisher.publishAndAwait(UUID.randomUUID(), evidence))
                .isInstanceOf(IllegalStateException.class)
                .hasCauseInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void waitsForEverySendWithinOneTimeout_whenAwaitingABatch() {
        CompletableFuture<Object> acknowledged = CompletableFuture.completedFuture(null);
        CompletableFuture<Object> failed = CompletableFuture.failedFuture(new IllegalArgumentException("too large"));

        assertThatCode(() -> publisher.awaitAcknowledgements(List.of(acknowledged, acknowledged)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> publisher.awaitAcknowledgements(List.of(acknowledged, failed)))
                .isInstanceOf(IllegalStateException.class)
                .cause().hasMessage("too large");
        long started = System.nanoTime();
        assertThatThrownBy(() -> publisher.awaitAcknowledgements(List.of(new CompletableFuture<>(),
                new CompletableFuture<>(), new CompletableFuture<>()))).hasCauseInstanceOf(TimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.multipliedBy(3));
    }

    @SuppressWarnings("unchecked")
    private void answerSends(CompletableFuture<?> send) {
        when(template.send(any(ProducerRecord.class)))
                .thenReturn((CompletableFuture<SendResult<String, byte[]>>) send);
    }
}
