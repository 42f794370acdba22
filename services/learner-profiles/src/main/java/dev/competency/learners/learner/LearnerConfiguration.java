package dev.competency.learners.learner;

import dev.competency.learners.learner.query.ReadModelWrites;
import dev.competency.learners.learner.query.ReadModels;
import dev.competency.platform.service.axon.ReadModelRebuild;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loading learners fast: a snapshot every {@code learner-profiles.snapshot-every} events (a learner with 10,000
 * evidence events is sourced from its last snapshot plus fewer than that many events), and a cache that keeps the
 * {@code learner-profiles.cache.max-learners} most recently used learners, and their running folds, in memory between
 * commands (see {@link LearnerCache}); and the admin rebuild of the read models.
 */
@Configuration(proxyBeanMethods = false)
class LearnerConfiguration {

    @Bean
    SnapshotTriggerDefinition learnerSnapshotTrigger(Snapshotter snapshotter,
            @Value("${learner-profiles.snapshot-every:200}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /** Admin rebuild of every read model built from the learner event stream. */
    @Bean
    ReadModelRebuild readModelRebuild(EventProcessingConfiguration processing, TokenStore tokenStore,
            EventStore eventStore, Clock clock, MeterRegistry meters) {
        return new ReadModelRebuild(ReadModels.PROCESSING_GROUP, processing, tokenStore, eventStore, clock, meters);
    }

    /** Sends the read-model processor's writes after the last event of each batch (see {@link ReadModelWrites}). */
    @Bean
    ConfigurerModule readModelBatchWrites(ReadModelWrites writes) {
        return configurer -> configurer.eventProcessing().registerHandlerInterceptor(ReadModels.PROCESSING_GROUP,
                configuration -> (unitOfWork, chain) -> {
                    Object result = chain.proceed();
                    writes.afterEvent(unitOfWork);
                    return result;
                });
    }

    @Bean
    Cache learnerCache(@Value("${learner-profiles.cache.max-learners:20000}") int capacity) {
        return new LearnerCache(capacity);
    }
}
