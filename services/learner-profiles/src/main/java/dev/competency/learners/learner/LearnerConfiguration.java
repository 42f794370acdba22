package dev.competency.learners.learner;

import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;
import com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider;
import dev.competency.learners.learner.domain.LearnerCommandTargets;
import dev.competency.learners.learner.query.ReadModelWrites;
import dev.competency.learners.learner.query.ReadModels;
import dev.competency.learners.learner.query.WriteBehind;
import dev.competency.learners.learner.query.WriteBehindTokenStore;
import java.net.URI;
import java.util.OptionalLong;
import java.util.UUID;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.JCacheAdapter;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loading learners fast: a snapshot every {@code learner-profiles.snapshot-every} events (a learner with 10,000
 * evidence events is sourced from its last snapshot plus fewer than that many events), and a cache that keeps the
 * {@code learner-profiles.cache.max-learners} learners, and their running folds, in memory between commands (see
 * {@link #learnerCache}); the read models' writes, sent behind their processor ({@link WriteBehind}).
 */
@Configuration(proxyBeanMethods = false)
class LearnerConfiguration {

    @Bean
    SnapshotTriggerDefinition learnerSnapshotTrigger(Snapshotter snapshotter,
            @Value("${learner-profiles.snapshot-every:200}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /** The thread that sends the read-model processor's writes while its segments handle their next batches. */
    @Bean(destroyMethod = "close")
    WriteBehind readModelWriteBehind() {
        return new WriteBehind("read-model-writes");
    }

    /**
     * Hands the read-model processor's writes over after the last event of each batch (see {@link ReadModelWrites}),
     * and stores each segment's token behind its writes ({@link WriteBehindTokenStore}).
     */
    @Bean
    ConfigurerModule readModelBatchWrites(ReadModelWrites writes, WriteBehind writeBehind) {
        return configurer -> configurer.eventProcessing()
                .registerHandlerInterceptor(ReadModels.PROCESSING_GROUP, configuration -> writes)
                .registerTokenStore(ReadModels.PROCESSING_GROUP, configuration -> new WriteBehindTokenStore(
                        configuration.getComponent(TokenStore.class), writeBehind));
    }

    /** A cache manager of this context's own, so that contexts in one JVM do not share its caches' names. */
    @Bean(destroyMethod = "close")
    CacheManager learnerCacheManager() {
        return Caching.getCachingProvider(CaffeineCachingProvider.class.getName()).getCacheManager(
                URI.create("learner-profiles:" + UUID.randomUUID()), LearnerConfiguration.class.getClassLoader());
    }

    /**
     * The learners Axon keeps in memory between commands, with their running folds: Caffeine's cache through JCache
     * (Axon's {@link JCacheAdapter}), at most {@code learner-profiles.cache.max-learners}, held by reference rather
     * than copied, evicted on the calling thread. The instance that consumes a learner's partition is the only writer
     * of that learner (Kafka partitions by learner, Axon locks the aggregate), so a cached learner is never stale.
     */
    @Bean
    Cache learnerCache(CacheManager learnerCacheManager,
            @Value("${learner-profiles.cache.max-learners:20000}") int maxLearners) {
        CaffeineConfiguration<Object, Object> learners = new CaffeineConfiguration<>()
                .setMaximumSize(OptionalLong.of(maxLearners))
                .setStoreByValue(false)
                .setExecutorFactory(() -> Runnable::run);
        return new JCacheAdapter(learnerCacheManager.createCache("learners", learners));
    }

    /**
     * Forgets a cached learner when a command to it rolls back. The cache holds the learner object the commands
     * change, and Axon only drops it on a rollback of the unit of work that loaded it from the store: not for a
     * learner created if missing, nor for a command nested in the evidence intake's shared unit of work after an
     * earlier command loaded the learner. Either way a learner that applied events and then failed stayed cached
     * with events that were never stored, and ignored them when they came again.
     */
    @Bean
    Registration learnerCacheForgetsRolledBackCommands(CommandBus commandBus, Cache learnerCache,
            LearnerCommandTargets targets) {
        return commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            CommandMessage<?> command = unitOfWork.getMessage();
            unitOfWork.onRollback(rolledBack -> {
                try {
                    learnerCache.remove(targets.resolveTarget(command).getIdentifier());
                } catch (IllegalArgumentException noTarget) {
                    // A command without a target aggregate leaves no learner behind.
                }
            });
            return chain.proceed();
        });
    }
}
