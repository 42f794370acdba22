package dev.competency.platform.service.axon;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Traces through the event store: events published within a span carry its trace context, and the event processors
 * handle them in that trace ({@link EventTracing}). A request that stores events can so be followed to what the
 * processors do with them, up to the Kafka records they publish and the consumers of those.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure"
                + ".OpenTelemetryTracingAutoConfiguration"})
@ConditionalOnClass(Tracer.class)
@ConditionalOnBean({Tracer.class, Propagator.class})
public class AxonTracingConfiguration {

    @Bean
    ConfigurerModule eventTracing(Tracer tracer, Propagator propagator, Clock clock) {
        EventTracing tracing = new EventTracing(tracer, propagator, clock);
        return configurer -> {
            configurer.eventProcessing().registerDefaultHandlerInterceptor((configuration, processorName) ->
                    tracing.handlerInterceptor(processorName));
            configurer.onStart(Integer.MIN_VALUE, () -> configurer.buildConfiguration().eventBus()
                    .registerDispatchInterceptor(tracing.dispatchInterceptor()));
        };
    }
}
