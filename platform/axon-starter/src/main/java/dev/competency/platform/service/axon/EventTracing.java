package dev.competency.platform.service.axon;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;

/**
 * Carries the trace of the work that stores an event (an HTTP request, a Kafka record) to the event processors that
 * handle it, so that what they do, such as publishing the event to Kafka, belongs to the same trace.
 *
 * <p>When an event is published on the event bus within a span, the trace context (W3C {@code traceparent}) is added
 * to its metadata and stored with it. A processor handles such an event in a child span of that context, unless the
 * event is older than {@link #CONTINUE_WITHIN}: a replay or a rebuild then handles it outside any trace rather than
 * adding to one that ended long ago. Events stored outside any span (the evidence intake's batches, deadlines) carry
 * nothing and cost nothing.
 */
final class EventTracing {

    /** How old an event may be for a processor to continue its trace: Axon's own default for the same choice. */
    static final Duration CONTINUE_WITHIN = Duration.ofMinutes(2);

    private final Tracer tracer;
    private final Propagator propagator;
    private final Clock clock;
    private final List<String> fields;

    EventTracing(Tracer tracer, Propagator propagator, Clock clock) {
        this.tracer = tracer;
        this.propagator = propagator;
        this.clock = clock;
        this.fields = List.copyOf(propagator.fields());
    }

    /** For the event bus: adds the current trace context to each event published within a span. */
    MessageDispatchInterceptor<EventMessage<?>> dispatchInterceptor() {
        return messages -> (index, event) -> {
            TraceContext current = tracer.currentTraceContext().context();
            if (current == null || carriesTrace(event.getMetaData())) {
                return event;
            }
            Map<String, String> context = new HashMap<>();
            propagator.inject(current, context, Map::put);
            return event.andMetaData(context);
        };
    }

    /** For the processor {@code processorName}: handles a recent event in a span continuing its trace. */
    MessageHandlerInterceptor<EventMessage<?>> handlerInterceptor(String processorName) {
        return (unitOfWork, chain) -> {
            EventMessage<?> event = unitOfWork.getMessage();
            MetaData metaData = event.getMetaData();
            if (!carriesTrace(metaData) || event.getTimestamp().isBefore(clock.instant().minus(CONTINUE_WITHIN))) {
                return chain.proceed();
            }
            Span span = propagator.extract(metaData, (carrier, key) -> {
                        Object value = carrier.get(key);
                        return value == null ? null : value.toString();
                    })
                    .name("handle " + event.getPayloadType().getSimpleName())
                    .tag("axon.processor", processorName)
                    .start();
            try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
                return chain.proceed();
            } catch (Exception | Error e) {
                span.error(e);
                throw e;
            } finally {
                span.end();
            }
        };
    }

    private boolean carriesTrace(MetaData metaData) {
        for (String field : fields) {
            if (metaData.containsKey(field)) {
                return true;
            }
        }
        return false;
    }
}
