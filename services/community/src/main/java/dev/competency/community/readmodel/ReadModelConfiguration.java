package dev.competency.community.readmodel;

import dev.competency.platform.service.axon.ReadModelRebuild;
import dev.competency.platform.service.axon.ReadYourWrites;
import dev.competency.platform.service.axon.SegmentShare;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

    /** Requests wait up to {@code community.read-models.wait} for the read models to show their own write. */
    @Bean
    ReadYourWrites readYourWrites(MongoTemplate axonMongoTemplate, Serializer serializer, EventStorageEngine store,
                                  @Value("${community.read-models.wait:PT10S}") Duration wait) {
        return new ReadYourWrites(ReadModels.PROCESSING_GROUP, axonMongoTemplate, serializer, store, wait);
    }

    /** Admin rebuild of the read models; requests wait for it through {@link ReadYourWrites}. */
    @Bean
    ReadModelRebuild readModelRebuild(EventProcessingConfiguration processing, TokenStore tokenStore,
                                      EventStore eventStore, SegmentShare segmentShare, Clock clock,
                                      MeterRegistry meters) {
        return new ReadModelRebuild(ReadModels.PROCESSING_GROUP, processing, tokenStore, eventStore, segmentShare,
                clock, meters);
    }
}
