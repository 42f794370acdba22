package dev.competency.platform.service.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import dev.competency.contracts.CloudEventHeaders;
import dev.competency.contracts.EventTypes;
import dev.competency.contracts.Topics;
import dev.competency.contracts.learners.LearnerRegistered;
import dev.competency.platform.service.StarterTestApplication;
import dev.competency.platform.test.KafkaTestClient;
import dev.competency.platform.test.RunningService;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service on the starter, with the platform's defaults (sampling included), carries the trace of the work that
 * publishes an event to the consumer that handles it, and logs the trace id on both sides.
 */
@ExtendWith(OutputCaptureExtension.class)
class KafkaTracingIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start(StarterTestApplication.class, "starter-tracing-it",
                "spring.application.name=starter-test",
                "spring.main.sources=" + TracedConsumer.class.getName(),
                "platform.messaging.processed-events.retention=3d");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void handlesRecordInThePublishersTrace_whenPublishedWithinASpan(CapturedOutput output) throws Exception {
        LearnerRegistered registered = JSON.readValue(KafkaTestClient.example(EventTypes.LEARNER_REGISTERED),
                LearnerRegistered.class);
        UUID eventId = UUID.randomUUID();
        Tracer tracer = service.bean(Tracer.class);
        Span request = tracer.nextSpan().name("request").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            service.bean(IntegrationEventPublisher.class).publish(eventId, registered).get();
        } finally {
            request.end();
        }
        String traceId = request.context().traceId();

        ConsumerRecord<String, byte[]> record = KafkaTestClient.awaitRecord(Topics.LEARNERS,
                r -> eventId.toString().equals(KafkaTestClient.header(r, CloudEventHeaders.ID)));
        String traceparent = KafkaTestClient.header(record, "traceparent");
        assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-0[01]");
        TracedConsumer consumer = service.bean(TracedConsumer.class);
        Handling handling = await().atMost(Duration.ofSeconds(30))
                .until(() -> consumer.handled.get(eventId.toString()), Objects::nonNull);
        assertThat(handling.traceId()).isEqualTo(traceId);
        assertThat(handling.spanId()).isNotEqualTo(request.context().spanId())
                .isNotEqualTo(traceparent.substring(36, 52));
        assertThat(handling.loggedTraceId()).isEqualTo(traceId);
        assertThat(handling.loggedSpanId()).isEqualTo(handling.spanId());
        assertThat(logLines(output, "Handled " + eventId)).singleElement().asString()
                .contains(traceId).contains(handling.spanId());
    }

    @Test
    void expiresProcessedEventsAfterTheConfiguredRetention_whenServiceIsReady() {
        MongoDatabase database = service.context().getBean("serviceDatabase", MongoDatabase.class);

        List<Document> ttl = new ArrayList<>();
        database.getCollection(ProcessedEventLog.COLLECTION).listIndexes().forEach(index -> {
            if (index.containsKey("expireAfterSeconds")) {
                ttl.add(index);
            }
        });

        assertThat(ttl).singleElement().satisfies(index -> {
            assertThat(index.get("key", Document.class)).isEqualTo(new Document("processedAt", 1));
            assertThat(index.get("expireAfterSeconds", Number.class).longValue())
                    .isEqualTo(Duration.ofDays(3).toSeconds());
        });
    }

    private static List<String> logLines(CapturedOutput output, String text) {
        return output.getOut().lines().filter(line -> line.contains(text)).toList();
    }

    /** The trace and span a record was handled in, and what the logging context said at the time. */
    record Handling(String traceId, String spanId, String loggedTraceId, String loggedSpanId) {
    }

    /** A consumer of the learners topic in the test service (a source of its own, so no other test starts it). */
    static class TracedConsumer {

        private static final Logger log = LoggerFactory.getLogger(TracedConsumer.class);
        private static final String CONSUMER = "starter-test.tracing";

        final Map<String, Handling> handled = new ConcurrentHashMap<>();
        private final IdempotentConsumer consumer;
        private final Tracer tracer;

        TracedConsumer(IdempotentConsumer consumer, Tracer tracer) {
            this.consumer = consumer;
            this.tracer = tracer;
        }

        @KafkaListener(id = CONSUMER, groupId = CONSUMER, topics = Topics.LEARNERS)
        void on(ConsumerRecord<String, byte[]> record) {
            consumer.consume(CONSUMER, record, event -> {
                Span span = tracer.currentSpan();
                log.info("Handled {}", event.attributes().id());
                handled.put(event.attributes().id(), new Handling(span.context().traceId(), span.context().spanId(),
                        MDC.get("traceId"), MDC.get("spanId")));
            });
        }
    }
}
