package dev.competency.platform.service.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.competency.platform.service.messaging.ContractEventReader;
import dev.competency.platform.service.messaging.IdempotentConsumer;
import dev.competency.platform.service.messaging.ProcessedEventLog;
import dev.competency.platform.service.messaging.ProcessedEventsProperties;
import dev.competency.platform.service.messaging.RecoverableFailure;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * The service's own MongoDB database and what depends on it: its health, and the processed-events log behind the
 * idempotent consumer. Only for a service with Spring Boot's MongoDB support (the Axon starter brings it); a service
 * without it (analytics) has no database, no {@link IdempotentConsumer} and no {@code mongo} health, and names its own
 * readiness group without {@code mongo}.
 *
 * <p>The processed-events log keeps its entries for {@code platform.messaging.processed-events.retention} (a TTL
 * index, see {@link ProcessedEventLog}).
 *
 * <p>The database is the one named in {@code spring.mongodb.uri}, or the application name when the URI names none.
 * Its health check uses {@code ping}, which every MongoDB-wire-compatible server answers (Spring Boot's check uses
 * {@code hello}, which not every one supports). Readiness includes it: without its database the service answers
 * nothing.
 *
 * <p>While the database cannot be reached, a request that needs it waits at most
 * {@code platform.mongodb.server-selection-timeout} (5 s; the driver's own default is 30 s, longer than the gateway
 * waits for an answer) and is then answered 503 with {@code Retry-After} ({@link StoreUnavailableProblems}). A
 * {@code serverSelectionTimeoutMS} in {@code spring.mongodb.uri} wins. A consumed record whose handling finds the
 * database away is tried again until it is back ({@link RecoverableFailure}), not dead-lettered.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
@ConditionalOnClass(MongoClient.class)
@ConditionalOnBean(MongoClient.class)
@EnableConfigurationProperties(ProcessedEventsProperties.class)
public class ServiceDatabaseConfiguration {

    private static final Duration DEFAULT_SERVER_SELECTION_TIMEOUT = Duration.ofSeconds(5);

    /**
     * Applied before the connection string, so that a {@code serverSelectionTimeoutMS} given there wins.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    MongoClientSettingsBuilderCustomizer serverSelectionTimeout(Environment environment) {
        Duration timeout = Binder.get(environment).bind("platform.mongodb.server-selection-timeout", Duration.class)
                .orElse(DEFAULT_SERVER_SELECTION_TIMEOUT);
        return settings -> settings.applyToClusterSettings(cluster ->
                cluster.serverSelectionTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Bean
    StoreUnavailableProblems storeUnavailableProblems() {
        return new StoreUnavailableProblems();
    }

    /** A consumed record whose handling found the database away waits for it, and is not dead-lettered. */
    @Bean
    RecoverableFailure databaseUnreachable() {
        return StoreUnavailableProblems::isUnreachable;
    }

    /** The name of the MongoDB database that holds this service's data. */
    public static String databaseName(Environment environment) {
        String uri = environment.getProperty("spring.mongodb.uri");
        String database = uri == null ? null : new ConnectionString(uri).getDatabase();
        return database != null ? database : environment.getRequiredProperty("spring.application.name");
    }

    /** The service's own database, for read models and bookkeeping next to the event store. */
    @Bean
    MongoDatabase serviceDatabase(MongoClient client, Environment environment) {
        return client.getDatabase(databaseName(environment));
    }

    @Bean
    HealthIndicator mongoHealthIndicator(MongoDatabase serviceDatabase) {
        return () -> {
            try {
                serviceDatabase.runCommand(new Document("ping", 1));
                return Health.up().withDetail("database", serviceDatabase.getName()).build();
            } catch (MongoException e) {
                return Health.down(e).withDetail("database", serviceDatabase.getName()).build();
            }
        };
    }

    @Bean
    ProcessedEventLog processedEventLog(MongoDatabase serviceDatabase, Clock clock,
                                       ProcessedEventsProperties properties) {
        return new ProcessedEventLog(serviceDatabase, clock, properties.retention());
    }

    /** The TTL index, made once the service is ready: creating the context needs no database. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> processedEventLogIndexes(ProcessedEventLog processedEventLog) {
        return ready -> processedEventLog.ensureIndexes();
    }

    @Bean
    IdempotentConsumer idempotentConsumer(ContractEventReader reader, ProcessedEventLog processedEventLog) {
        return new IdempotentConsumer(reader, processedEventLog);
    }
}
