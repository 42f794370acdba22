package dev.competency.platform.service.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.competency.platform.service.mongo.ServiceDatabaseConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/**
 * Axon without Axon Server: the event store, token store and saga store live in the service's own MongoDB
 * database ({@link ServiceDatabaseConfiguration#databaseName}).
 * Messages are serialised as JSON with Jackson 2, which Axon 4 requires.
 */
@AutoConfiguration(
        afterName = {
                "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
                "dev.competency.platform.service.mongo.ServiceDatabaseConfiguration"},
        beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
public class AxonMongoConfiguration {

    private static final String READ_MODELS_PROCESSING_GROUP = "platform.read-models.processing-group";

    @Bean
    MongoTemplate axonMongoTemplate(MongoClient client, MongoDatabase serviceDatabase) {
        return DefaultMongoTemplate.builder().mongoDatabase(client, serviceDatabase.getName()).build();
    }

    @Bean
    @Primary
    @Qualifier("serializer")
    Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(axonObjectMapper()).lenientDeserialization().build();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    /**
     * The event storage engine: events numbered by a global sequence (see {@link SequencedMongoEventStorageEngine}).
     * {@code platform.event-store.batch-size} (default 1,000, Axon's own is 100) is how many events one read hands
     * to a tracking processor; {@code platform.event-store.gap-timeout} (default 60 s) is how long a reader waits for
     * an event numbered below one it has read. Its read-ahead threads stop when the context closes.
     */
    @Bean(destroyMethod = "close")
    SequencedMongoEventStorageEngine eventStorageEngine(MongoDatabase serviceDatabase, Serializer serializer,
                                          Environment environment) {
        SequencedMongoEventStorageEngine engine = new SequencedMongoEventStorageEngine(serviceDatabase, serializer,
                environment.getProperty("platform.event-store.batch-size", Integer.class, 1000), Clock.systemUTC(),
                environment.getProperty("platform.event-store.gap-timeout", Duration.class, Duration.ofSeconds(60)));
        engine.ensureIndexes();
        return engine;
    }

    /**
     * The event store, as Axon's auto-configuration builds it, with {@code platform.event-store.cached-events}
     * (default 1,000; Axon's own is 10,000) events kept for processors that follow the head. With 10,000, under an
     * intake backlog the processors shared the store's reads more often, but the cached events outlived the young
     * collections of the service's heap: the CPU the store saved went to the service's collector, and the total per
     * evidence stayed the same. Its streams wake the pooled processors when new events are read
     * ({@link SignallingEventStore}).
     */
    @Bean
    EmbeddedEventStore eventStore(SequencedMongoEventStorageEngine storageEngine,
                                  org.axonframework.config.Configuration configuration, Environment environment) {
        return new SignallingEventStore(EmbeddedEventStore.builder()
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .cachedEvents(environment.getProperty("platform.event-store.cached-events", Integer.class, 1000)),
                storageEngine);
    }

    /**
     * The token store, claiming segments as this instance ({@link SegmentShare#instanceId()}). A segment whose owner
     * has not extended its claim for {@code platform.event-processing.claim-timeout} (default 10 s) may be claimed by
     * another instance: that is how the survivors take over the segments of an instance that crashed.
     */
    @Bean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer, SegmentShare segmentShare,
                          Environment environment) {
        return MongoTokenStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer)
                .nodeId(segmentShare.instanceId())
                .claimTimeout(environment.getProperty("platform.event-processing.claim-timeout", Duration.class,
                        Duration.ofSeconds(10)))
                .build();
    }

    /**
     * This instance's heartbeat and its fair share of every pooled processor's segments. The instance id is
     * {@code platform.event-processing.instance-id}, by default the host name (the pod's name) and a random suffix,
     * so that two processes never claim segments under one name; {@code platform.event-processing.heartbeat}
     * (default 2 s) and {@code platform.event-processing.instance-timeout} (default 10 s) are how often instances
     * say they are live and how long an unseen one still counts.
     */
    @Bean(destroyMethod = "close")
    SegmentShare segmentShare(MongoDatabase serviceDatabase, MongoTemplate axonMongoTemplate, Environment environment) {
        String instanceId = environment.getProperty("platform.event-processing.instance-id",
                environment.getProperty("HOSTNAME", "instance") + "-" + UUID.randomUUID().toString().substring(0, 8));
        return new SegmentShare(instanceId, serviceDatabase, axonMongoTemplate.trackingTokensCollection(),
                Clock.systemUTC(),
                environment.getProperty("platform.event-processing.heartbeat", Duration.class, Duration.ofSeconds(2)),
                environment.getProperty("platform.event-processing.instance-timeout", Duration.class,
                        Duration.ofSeconds(10)))
                .start();
    }

    /**
     * Every pooled streaming processor claims at most this instance's fair share of its segments
     * ({@link SegmentShare}), and its coordinator looks again for room in full segment queues every
     * {@code platform.event-processing.full-queue-recheck} (default 5 ms, Axon's is 100 ms:
     * {@link CoordinatorExecutor}).
     * {@code platform.event-processing.claim-extension-threshold} (default 1 s, Axon's is 5 s) is how often a segment
     * with nothing to handle stores that it read past the events of others and extends its claim, and how often an
     * idle coordinator looks for work; new events wake it at once ({@link SignallingEventStore}).
     */
    @Bean
    ConfigurerModule segmentShareOfPooledProcessors(SegmentShare segmentShare, Environment environment) {
        long claimExtensionThreshold = environment.getProperty("platform.event-processing.claim-extension-threshold",
                Duration.class, Duration.ofSeconds(1)).toMillis();
        long fullQueueRecheck = environment.getProperty("platform.event-processing.full-queue-recheck",
                Duration.class, Duration.ofMillis(5)).toMillis();
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                (configuration, builder) -> builder.maxSegmentProvider(segmentShare)
                        .claimExtensionThreshold(claimExtensionThreshold)
                        .coordinatorExecutor(processorName -> {
                            CoordinatorExecutor executor = new CoordinatorExecutor(processorName, fullQueueRecheck);
                            configuration.onShutdown(executor::shutdown);
                            return executor;
                        }));
    }

    /**
     * Wakes the requests of this instance that wait in a {@link ReadYourWrites} once its processor committed a batch,
     * for every {@code ReadYourWrites} the service declares.
     */
    @Bean
    ConfigurerModule readYourWritesSignals(ObjectProvider<ReadYourWrites> waits) {
        return configurer -> waits.orderedStream().forEach(wait -> configurer.eventProcessing()
                .registerHandlerInterceptor(wait.processorName(), configuration -> wait.signal()));
    }

    /**
     * Requests wait up to {@code platform.read-models.wait} (default 10 s) for the read models of the processor named
     * in {@code platform.read-models.processing-group} to show what they wrote; present where the service names it.
     */
    @Bean
    @ConditionalOnProperty(READ_MODELS_PROCESSING_GROUP)
    ReadYourWrites readYourWrites(MongoTemplate axonMongoTemplate, Serializer serializer,
            SequencedMongoEventStorageEngine store, @Value("${" + READ_MODELS_PROCESSING_GROUP + "}") String processor,
            @Value("${platform.read-models.wait:PT10S}") Duration wait) {
        return new ReadYourWrites(processor, axonMongoTemplate, serializer, store, wait);
    }

    /** The admins' rebuild of the read models that requests wait for ({@link #readYourWrites}). */
    @Bean
    @ConditionalOnProperty(READ_MODELS_PROCESSING_GROUP)
    ReadModelRebuild readModelRebuild(ReadYourWrites readModels, EventProcessingConfiguration processing,
            TokenStore tokenStore, EventStore eventStore, SegmentShare segmentShare, Clock clock, MeterRegistry meters) {
        return new ReadModelRebuild(readModels, processing, tokenStore, eventStore, segmentShare, clock, meters);
    }

    /**
     * The processors named in {@code platform.event-processing.propagate-errors} (the publishers) let a handler's
     * failure fail the batch, so the processor retries it from the same event and its token never moves past an event
     * that was not published. Axon's default, for the other processors, logs the failure and goes on to the next
     * event.
     */
    @Bean
    ConfigurerModule propagatedHandlerErrors(Environment environment) {
        List<String> processingGroups = Binder.get(environment)
                .bind("platform.event-processing.propagate-errors", Bindable.listOf(String.class)).orElse(List.of());
        return configurer -> processingGroups.forEach(group -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(group, configuration -> PropagatingErrorHandler.instance()));
    }

    @Bean
    SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoSagaStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }

    /** Java time values as ISO-8601 text, with Jackson's Java time module (instants to the nanosecond). */
    static ObjectMapper axonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
