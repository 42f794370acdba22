package dev.competency.learners.learner;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.jobrunr.JobRunrDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.bson.UuidRepresentation;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.server.JobActivator;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.StorageProviderUtils;
import org.jobrunr.storage.nosql.mongo.MongoDBStorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The deadline manager of the learners' time-driven checks ({@code Learner.CROSSING_DEADLINE}): Axon's
 * {@link JobRunrDeadlineManager} on JobRunr, whose jobs live in the service's own database (collections
 * {@code jobrunr_*}), so a scheduled check survives restarts and runs once when several instances share the
 * database. A background job server in every instance polls for due jobs every
 * {@code learner-profiles.deadlines.poll-interval} (15 s) and runs them on {@code learner-profiles.deadlines.workers}
 * threads; it starts after everything else, Axon included, and stops first. With
 * {@code learner-profiles.deadlines.run-checks=false} an instance still schedules checks but leaves running them to
 * the others (the tests of evidence-driven changes use it, whose evidence is old enough to be due at once).
 *
 * <p>JobRunr wants its MongoDB client to say how UUIDs are stored, so it gets a client of its own on the service's
 * URI with the standard representation (and the platform's client settings).
 */
@Configuration(proxyBeanMethods = false)
class MasteryDeadlines {

    static final String COLLECTION_PREFIX = "jobrunr_";

    /**
     * Being a {@code MongoClient} bean, it is also the client Spring Boot would otherwise have made, so it takes the
     * platform's settings first (its server selection timeout: a request finding the database away is answered 503
     * in time), then the URI's.
     */
    @Bean(destroyMethod = "close")
    MongoClient jobRunrMongoClient(@Value("${spring.mongodb.uri}") String uri,
                                   ObjectProvider<MongoClientSettingsBuilderCustomizer> customizers) {
        MongoClientSettings.Builder settings = MongoClientSettings.builder();
        customizers.orderedStream().forEach(customizer -> customizer.customize(settings));
        return MongoClients.create(settings.applyConnectionString(new ConnectionString(uri))
                .uuidRepresentation(UuidRepresentation.STANDARD).build());
    }

    @Bean
    JsonMapper jobRunrJsonMapper() {
        return new JacksonJsonMapper();
    }

    @Bean(destroyMethod = "close")
    StorageProvider jobRunrStorage(MongoClient jobRunrMongoClient, JsonMapper jobRunrJsonMapper,
            @Value("${spring.mongodb.uri}") String uri) {
        String database = new ConnectionString(uri).getDatabase();
        MongoDBStorageProvider storage = new MongoDBStorageProvider(jobRunrMongoClient, database, COLLECTION_PREFIX,
                StorageProviderUtils.DatabaseOptions.CREATE);
        storage.setJobMapper(new JobMapper(jobRunrJsonMapper));
        return storage;
    }

    @Bean
    JobScheduler jobRunrScheduler(StorageProvider jobRunrStorage) {
        return new JobScheduler(jobRunrStorage);
    }

    @Bean
    DeadlineManager deadlineManager(JobScheduler jobRunrScheduler, org.axonframework.config.Configuration axon,
            Serializer serializer) {
        return JobRunrDeadlineManager.builder()
                .jobScheduler(jobRunrScheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .serializer(serializer)
                .transactionManager(NoTransactionManager.INSTANCE)
                .build();
    }

    @Bean
    JobServer jobRunrServer(StorageProvider jobRunrStorage, JsonMapper jobRunrJsonMapper, ApplicationContext context,
            @Value("${learner-profiles.deadlines.poll-interval:PT15S}") Duration pollInterval,
            @Value("${learner-profiles.deadlines.workers:2}") int workers,
            @Value("${learner-profiles.deadlines.run-checks:true}") boolean runChecks) {
        JobActivator activator = context::getBean;
        return new JobServer(new BackgroundJobServer(jobRunrStorage, jobRunrJsonMapper, activator,
                BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
                        .andName("learner-profiles").andPollInterval(pollInterval).andWorkerCount(workers)),
                runChecks);
    }

    /** Runs JobRunr's background job server once the application, Axon included, has started. */
    static final class JobServer implements SmartLifecycle {

        private final BackgroundJobServer server;
        private final boolean enabled;

        JobServer(BackgroundJobServer server, boolean enabled) {
            this.server = server;
            this.enabled = enabled;
        }

        @Override
        public void start() {
            if (enabled) {
                server.start();
            }
        }

        @Override
        public void stop() {
            if (server.isRunning()) {
                server.stop();
            }
        }

        @Override
        public boolean isRunning() {
            return server.isRunning();
        }

        @Override
        public int getPhase() {
            return Integer.MAX_VALUE;
        }
    }
}
