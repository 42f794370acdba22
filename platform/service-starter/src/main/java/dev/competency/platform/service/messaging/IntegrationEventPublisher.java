package dev.competency.platform.service.messaging;

import dev.competency.contracts.EventAttributes;
import dev.competency.contracts.EventCatalog;
import dev.competency.contracts.IntegrationEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes public contract events to their topic, keyed by the event's partition key, with the CloudEvents
 * attributes as Kafka headers. Callers that may publish the same fact again (after a crash, on replay) pass a
 * deterministic event id so that consumers, which deduplicate by {@code ce_id}, see it once.
 *
 * <p>A publisher that reads the event store (an Axon event processor) must not let its token move past an event the
 * broker has not acknowledged: it publishes with {@link #publishAndAwait}, or sends a batch and then
 * {@link #awaitAcknowledgements awaits} it. Both wait at most the acknowledgement timeout
 * ({@code platform.messaging.acknowledgement-timeout}, default {@value #DEFAULT_ACKNOWLEDGEMENT_TIMEOUT_SECONDS} s) and
 * throw an unchecked {@link IllegalStateException} when a send failed, timed out or the wait was interrupted (the
 * thread's interrupt flag restored), so that the processor fails the event and retries it.
 */
public class IntegrationEventPublisher {

    static final long DEFAULT_ACKNOWLEDGEMENT_TIMEOUT_SECONDS = 30;

    private final KafkaTemplate<String, byte[]> template;
    private final JsonMapper json;
    private final String source;
    private final Clock clock;
    private final Duration acknowledgementTimeout;

    public IntegrationEventPublisher(KafkaTemplate<String, byte[]> template, JsonMapper json, String source,
                                     Clock clock, Duration acknowledgementTimeout) {
        this.template = template;
        this.json = json;
        this.source = source;
        this.clock = clock;
        this.acknowledgementTimeout = acknowledgementTimeout;
    }

    /** Publishes with a new random event id. */
    public CompletableFuture<SendResult<String, byte[]>> publish(IntegrationEvent event) {
        return publish(UUID.randomUUID(), event);
    }

    /** Publishes with the given event id. */
    public CompletableFuture<SendResult<String, byte[]>> publish(UUID eventId, IntegrationEvent event) {
        EventCatalog.EventDescriptor descriptor = EventCatalog.byPayloadType(event.getClass());
        String key = event.partitionKey();
        EventAttributes attributes = new EventAttributes(eventId.toString(), descriptor.type(), source,
                clock.instant(), key);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(descriptor.topic(), key,
                json.writeValueAsBytes(event));
        Headers headers = record.headers();
        attributes.toHeaders().forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return template.send(record);
    }

    /** Publishes with the given event id and waits for the broker's acknowledgement (see the class comment). */
    public void publishAndAwait(UUID eventId, IntegrationEvent event) {
        awaitAcknowledgements(List.of(publish(eventId, event)));
    }

    /**
     * Waits until the broker acknowledged every one of these sends, all within one acknowledgement timeout; the
     * first failure is rethrown unchecked (see the class comment).
     */
    public void awaitAcknowledgements(Collection<? extends Future<?>> sends) {
        long deadline = System.nanoTime() + acknowledgementTimeout.toNanos();
        try {
            for (Future<?> send : sends) {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the broker to acknowledge a publication",
                    e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The broker did not take a publication; it will be retried", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The broker did not acknowledge a publication within "
                    + acknowledgementTimeout + "; it will be retried", e);
        }
    }
}
