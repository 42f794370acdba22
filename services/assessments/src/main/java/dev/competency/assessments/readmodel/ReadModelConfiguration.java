package dev.competency.assessments.readmodel;

import dev.competency.platform.service.arrival.StreamArrivals;
import dev.competency.platform.service.axon.ReadModelRebuild;
import dev.competency.platform.service.axon.SegmentShare;
import dev.competency.platform.service.messaging.ConsumerProgress;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

    @Bean
    ReadModelProgress readModelProgress(ObjectProvider<EventStore> eventStore,
                                        @Value("${assessments.read-models.wait:PT10S}") Duration wait) {
        return new ReadModelProgress(eventStore, wait);
    }

    /** Things other services published a moment ago, awaited instead of refused ({@link StreamArrivals}). */
    @Bean
    StreamArrivals streamArrivals(ConsumerProgress progress,
                                  @Value("${assessments.streams.arrival-wait:3s}") Duration wait) {
        return new StreamArrivals(progress, wait);
    }

    /** Wakes requests waiting for their writes once the read models' processor committed a batch. */
    @Bean
    ConfigurerModule readModelProgressSignal(ReadModelProgress progress) {
        return configurer -> configurer.eventProcessing().registerHandlerInterceptor(ReadModels.PROCESSING_GROUP,
                configuration -> (unitOfWork, chain) -> {
                    Object result = chain.proceed();
                    unitOfWork.root().afterCommit(committed -> progress.advanced());
                    return result;
                });
    }

    /** Admin rebuild of the read models; commands wait for it through {@link ReadModelProgress}. */
    @Bean
    ReadModelRebuild readModelRebuild(EventProcessingConfiguration processing, TokenStore tokenStore,
                                      EventStore eventStore, SegmentShare segmentShare,
                                      Clock clock, MeterRegistry meters) {
        return new ReadModelRebuild(ReadModels.PROCESSING_GROUP, processing, tokenStore, eventStore,
                segmentShare, clock, meters);
    }
}
