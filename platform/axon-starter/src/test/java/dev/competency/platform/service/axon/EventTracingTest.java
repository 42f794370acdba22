package dev.competency.platform.service.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Trace context through the event store: a command handled within a span stores events carrying it, and a tracking
 * processor (its own thread, as the platform's publishers are) handles them in the same trace.
 */
class EventTracingTest {

    private final SdkTracerProvider provider = SdkTracerProvider.builder().setSampler(Sampler.alwaysOn()).build();
    private final io.opentelemetry.api.trace.Tracer otel = provider.get("test");
    private final OtelCurrentTraceContext context = new OtelCurrentTraceContext();
    private final Tracer tracer = new OtelTracer(otel, context, event -> {
    }, new OtelBaggageManager(context, List.of(), List.of()));
    private final OtelPropagator propagator = new OtelPropagator(
            ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel);
    private final Handled handled = new Handled(tracer);
    private Configuration axon;

    @BeforeEach
    void startAxon() {
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(configuration -> new InMemoryEventStorageEngine())
                .registerCommandHandler(configuration -> new Publisher(configuration.eventBus()));
        configurer.eventProcessing().registerTrackingEventProcessor("publisher")
                .registerEventHandler(configuration -> handled);
        new AxonTracingConfiguration().eventTracing(tracer, propagator, Clock.systemUTC()).configureModule(configurer);
        axon = configurer.start();
    }

    @AfterEach
    void shutDown() {
        axon.shutdown();
        provider.close();
    }

    @Test
    void handlesEventInTheTraceOfTheCommand_whenStoredWithinASpan() {
        String id = UUID.randomUUID().toString();
        Span request = tracer.nextSpan().name("request").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            axon.commandGateway().sendAndWait(new Publish(id));
        } finally {
            request.end();
        }

        Seen seen = await().atMost(Duration.ofSeconds(10)).until(() -> handled.seen.get(id), Objects::nonNull);
        assertThat(seen.traceId()).contains(request.context().traceId());
        assertThat(seen.spanId()).isNotEqualTo(Optional.of(request.context().spanId()));
        assertThat(stored(id).getMetaData().get("traceparent"))
                .asString().startsWith("00-" + request.context().traceId() + "-");
    }

    @Test
    void storesNoTraceContext_whenNoSpanIsCurrent() {
        String id = UUID.randomUUID().toString();

        axon.commandGateway().sendAndWait(new Publish(id));

        Seen seen = await().atMost(Duration.ofSeconds(10)).until(() -> handled.seen.get(id), Objects::nonNull);
        assertThat(seen.traceId()).isEmpty();
        assertThat(stored(id).getMetaData()).doesNotContainKey("traceparent");
    }

    @Test
    void handlesOldEventOutsideItsTrace_whenOlderThanTheWindow() {
        String id = UUID.randomUUID().toString();
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

        axon.eventBus().publish(new GenericEventMessage<>(UUID.randomUUID().toString(), new Published(id),
                MetaData.with("traceparent", traceparent),
                Instant.now().minus(EventTracing.CONTINUE_WITHIN).minusSeconds(5)));
        String recent = UUID.randomUUID().toString();
        axon.eventBus().publish(new GenericEventMessage<>(UUID.randomUUID().toString(), new Published(recent),
                MetaData.with("traceparent", traceparent), Instant.now()));

        Seen old = await().atMost(Duration.ofSeconds(10)).until(() -> handled.seen.get(id), Objects::nonNull);
        Seen fresh = await().atMost(Duration.ofSeconds(10))
                .until(() -> handled.seen.get(recent), Objects::nonNull);
        assertThat(old.traceId()).isEmpty();
        assertThat(fresh.traceId()).contains("0af7651916cd43dd8448eb211c80319c");
    }

    private EventMessage<?> stored(String id) {
        return axon.eventStore().openStream(null).asStream()
                .filter(event -> event.getPayload() instanceof Published published && published.id().equals(id))
                .findFirst().orElseThrow();
    }

    record Publish(String id) {
    }

    record Published(String id) {
    }

    record Seen(Optional<String> traceId, Optional<String> spanId) {
    }

    static final class Publisher {

        private final EventBus events;

        Publisher(EventBus events) {
            this.events = events;
        }

        @CommandHandler
        void handle(Publish command) {
            events.publish(GenericEventMessage.asEventMessage(new Published(command.id())));
        }
    }

    static final class Handled {

        final Map<String, Seen> seen = new ConcurrentHashMap<>();
        private final Tracer tracer;

        Handled(Tracer tracer) {
            this.tracer = tracer;
        }

        @EventHandler
        void on(Published event) {
            Optional<Span> span = Optional.ofNullable(tracer.currentSpan());
            seen.put(event.id(), new Seen(span.map(s -> s.context().traceId()),
                    span.map(s -> s.context().spanId())));
        }
    }
}
