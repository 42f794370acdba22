package dev.competency.platform.service.messaging;

import dev.competency.contracts.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka for the public contracts: topics declared with the partition counts consumers rely on, a publisher that
 * sets the CloudEvents headers, a reader that validates incoming records, and an error handler that retries
 * transient failures a few times and sends poison records to {@code <topic>.dlq} so the consumer keeps going. The
 * idempotent consumer and its processed-events log need the service's database ({@code ServiceDatabaseConfiguration}).
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"})
public class MessagingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MessagingConfiguration.class);
    /**
     * The listener container factory of batch listeners ({@code @KafkaListener(containerFactory = ...)}): the
     * platform's settings (the error handler below, deserializers, isolation level), but the whole poll in one call
     * with its offsets committed once per poll instead of once per record, a synchronous round trip to the broker
     * each. For idempotent consumers only: a crash replays the uncommitted part of a poll. A failing record still goes
     * through the error handler, which commits the records before it when the listener names it by its index
     * ({@code BatchListenerFailedException}).
     */
    public static final String BATCH_CONTAINER_FACTORY = "batchContainerFactory";
    private static final FixedBackOff UNTIL_RECOVERED = new FixedBackOff(1_000L, FixedBackOff.UNLIMITED_ATTEMPTS);
    /** How long the service waits for the broker's answer to its own questions. */
    public static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(3);
    /** How long a starting service waits for the cluster to describe its topics. */
    private static final Duration TOPIC_VERIFICATION_TIMEOUT = Duration.ofSeconds(30);

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Every public topic and its dead-letter topic, with the partitions and settings of the contract and one replica:
     * what the service creates where it may ({@code spring.kafka.admin.auto-create}, on by default) and verifies
     * where it may not.
     */
    static List<NewTopic> platformTopicList() {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(new NewTopic(topic, Topics.partitions(topic), (short) 1).configs(Topics.settings(topic)));
            String deadLetter = Topics.deadLetter(topic);
            topics.add(new NewTopic(deadLetter, 1, (short) 1).configs(Topics.settings(deadLetter)));
        }
        return topics;
    }

    @Bean
    KafkaAdmin.NewTopics platformTopics() {
        return new KafkaAdmin.NewTopics(platformTopicList().toArray(NewTopic[]::new));
    }

    /**
     * Where topics are managed outside the services, the service refuses to start if its own differ from the
     * contract: those it publishes ({@code platform.schema-registry.topics}), those it reads
     * ({@code platform.topics.consumes}) and their dead-letter topics.
     */
    @Bean
    @ConditionalOnProperty(name = "spring.kafka.admin.auto-create", havingValue = "false")
    TopicVerification topicVerification(Admin platformAdmin, Environment environment) {
        Set<String> produced = Set.of(environment.getProperty("platform.schema-registry.topics", String[].class,
                new String[0]));
        Set<String> consumed = Set.of(environment.getProperty("platform.topics.consumes", String[].class,
                new String[0]));
        List<NewTopic> own = platformTopicList().stream()
                .filter(topic -> produced.contains(topic.name()) || consumed.contains(topic.name())
                        || consumed.stream().map(Topics::deadLetter).anyMatch(topic.name()::equals))
                .toList();
        return new TopicVerification(platformAdmin, own, TOPIC_VERIFICATION_TIMEOUT);
    }

    @Bean
    IntegrationEventPublisher integrationEventPublisher(KafkaTemplate<String, byte[]> template, JsonMapper json,
                                                        Environment environment, Clock clock) {
        String source = "/services/" + environment.getRequiredProperty("spring.application.name");
        return new IntegrationEventPublisher(template, json, source, clock, environment.getProperty(
                "platform.messaging.acknowledgement-timeout", Duration.class,
                Duration.ofSeconds(IntegrationEventPublisher.DEFAULT_ACKNOWLEDGEMENT_TIMEOUT_SECONDS)));
    }

    /**
     * The one admin client for what the service asks the broker itself (its health, its consumers' progress), with
     * time-outs short enough for a health probe or a request waiting on the answer.
     */
    @Bean(destroyMethod = "close")
    Admin platformAdmin(KafkaAdmin kafkaAdmin) {
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
        return Admin.create(config);
    }

    @Bean
    ConsumerProgress consumerProgress(Admin platformAdmin) {
        return new ConsumerProgress(platformAdmin, ADMIN_TIMEOUT);
    }

    @Bean
    ContractEventReader contractEventReader(JsonMapper json) {
        return new ContractEventReader(json);
    }

    @Bean(BATCH_CONTAINER_FACTORY)
    @SuppressWarnings("unchecked")
    ConcurrentKafkaListenerContainerFactory<Object, Object> batchContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<?, ?> consumers) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, (ConsumerFactory<Object, Object>) consumers);
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        return factory;
    }

    /**
     * A failing record is tried four more times, half a second apart, then sent to its topic's dead-letter topic; a
     * poison record at once. A {@link RecoverableFailure} (the database away) is tried again every second until it
     * passes: the record is not at fault, and dead-lettering it would lose it. A dead letter is kept within the
     * producer's {@code max.request.size} and {@code platform.messaging.dead-letter.max-bytes} (1 MiB), its value cut
     * when the headers would take it over ({@link BoundedDeadLetterRecoverer}).
     */
    @Bean
    CommonErrorHandler kafkaErrorHandler(KafkaTemplate<String, byte[]> template,
                                         ObjectProvider<RecoverableFailure> recoverableFailures,
                                         Environment environment) {
        DeadLetterPublishingRecoverer recoverer = deadLetterRecoverer(template, Binder.get(environment)
                .bind("platform.messaging.dead-letter.max-bytes", Integer.class)
                .orElse(BoundedDeadLetterRecoverer.DEFAULT_MAX_BYTES));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(500L, 4));
        handler.addNotRetryableExceptions(PoisonMessageException.class);
        handler.setBackOffFunction((record, failure) ->
                recoverableFailures.orderedStream().anyMatch(recoverable -> recoverable.matches(failure))
                        ? UNTIL_RECOVERED : null);
        return handler;
    }

    /** The recoverer that sends a failed record to partition 0 of its topic's dead-letter topic. */
    static DeadLetterPublishingRecoverer deadLetterRecoverer(KafkaTemplate<String, byte[]> template, int maxBytes) {
        return new BoundedDeadLetterRecoverer(template, (record, failure) -> {
            log.warn("Sending record {}-{}@{} to the dead-letter topic: {}", record.topic(), record.partition(),
                    record.offset(), failure.getMessage());
            return new TopicPartition(Topics.deadLetter(record.topic()), 0);
        }, BoundedDeadLetterRecoverer.maxBytes(template, maxBytes));
    }
}
