package dev.competency.platform.launcher;

import dev.competency.contracts.EventAttributes;
import dev.competency.contracts.EventCatalog;
import dev.competency.contracts.EventCatalog.EventDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads demo data by publishing the example event of every public contract to its topic, as its producer would:
 * the services' real listeners turn them into read models. Event ids are derived from the event type, so loading
 * twice changes nothing.
 */
final class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DemoData() {
    }

    static void load(String bootstrapServers) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (EventDescriptor descriptor : EventCatalog.all()) {
                byte[] payload = resource(descriptor.exampleResource());
                String key = keyOf(descriptor, payload);
                EventAttributes attributes = new EventAttributes(
                        UUID.nameUUIDFromBytes(("demo:" + descriptor.type()).getBytes(StandardCharsets.UTF_8))
                                .toString(), descriptor.type(), "/demo", Instant.now(), key);
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(descriptor.topic(), key, payload);
                attributes.toHeaders().forEach((name, value) ->
                        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                producer.send(record).get();
            }
            log.info("Demo data loaded: {} example events published", EventCatalog.all().size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading demo data", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot publish demo data", e);
        }
    }

    /** The partition key of an example: read as its contract record, which knows its key. */
    private static String keyOf(EventDescriptor descriptor, byte[] payload) {
        return JSON.readValue(payload, descriptor.payloadType()).partitionKey();
    }

    private static byte[] resource(String name) {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("No example on the classpath at " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
