package dev.competency.platform.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.platform.service.health.HealthConfiguration;
import dev.competency.platform.service.messaging.ContractEventReader;
import dev.competency.platform.service.messaging.IdempotentConsumer;
import dev.competency.platform.service.messaging.IntegrationEventPublisher;
import dev.competency.platform.service.messaging.MessagingConfiguration;
import dev.competency.platform.service.messaging.ProcessedEventLog;
import dev.competency.platform.service.mongo.ServiceDatabaseConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The messaging and health of a service with and without MongoDB on its classpath: without it (analytics) the
 * service starts with publishing, reading and the broker's health, and has no database, no processed-events log and
 * no database health.
 */
class ServiceWithoutDatabaseTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withPropertyValues("spring.application.name=probe", "spring.kafka.bootstrap-servers=127.0.0.1:1",
                    "spring.kafka.admin.auto-create=false")
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, KafkaAutoConfiguration.class,
                    MongoAutoConfiguration.class, ServiceDatabaseConfiguration.class, MessagingConfiguration.class,
                    HealthConfiguration.class));

    @Test
    void startsWithoutDatabaseLogOrDatabaseHealth_whenMongoDbIsNotOnTheClasspath() {
        context.withClassLoader(new FilteredClassLoader("com.mongodb", "org.bson")).run(service -> {
            assertThat(service).hasNotFailed();
            assertThat(service).hasSingleBean(IntegrationEventPublisher.class)
                    .hasSingleBean(ContractEventReader.class)
                    .hasBean("kafkaHealthIndicator");
            assertThat(service).doesNotHaveBean("serviceDatabase")
                    .doesNotHaveBean(ProcessedEventLog.class)
                    .doesNotHaveBean(IdempotentConsumer.class)
                    .doesNotHaveBean("mongoHealthIndicator");
        });
    }

    @Test
    void providesDatabaseLogAndDatabaseHealth_whenMongoDbIsOnTheClasspath() {
        context.withPropertyValues("spring.mongodb.uri=mongodb://127.0.0.1:1/probe-db").run(service -> {
            assertThat(service).hasNotFailed();
            assertThat(service).hasSingleBean(ProcessedEventLog.class)
                    .hasSingleBean(IdempotentConsumer.class)
                    .hasBean("mongoHealthIndicator");
            assertThat(service.getBean("serviceDatabase", com.mongodb.client.MongoDatabase.class).getName())
                    .isEqualTo("probe-db");
            assertThat(serverSelectionTimeoutMillis(service)).as("waits for the database at most 5 s")
                    .isEqualTo(5_000);
        });
    }

    @Test
    void waitsForTheDatabaseAsConfigured_whenTheServerSelectionTimeoutIsSet() {
        context.withPropertyValues("spring.mongodb.uri=mongodb://127.0.0.1:1/probe-db",
                "platform.mongodb.server-selection-timeout=2s").run(service ->
                assertThat(serverSelectionTimeoutMillis(service)).isEqualTo(2_000));
    }

    private static long serverSelectionTimeoutMillis(ApplicationContext service) {
        return service.getBean(com.mongodb.client.MongoClient.class).getClusterDescription().getClusterSettings()
                .getServerSelectionTimeout(java.util.concurrent.TimeUnit.MILLISECONDS);
    }
}
