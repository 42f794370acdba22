package dev.competency.assessments.support;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.competency.contracts.EventCatalog;
import dev.competency.contracts.Topics;
import dev.competency.platform.test.KafkaTestClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;

/** Reads {@code competency.evidence.v1} as an analytics team would, and checks payloads against the contract. */
public final class EvidenceTopic {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private EvidenceTopic() {
    }

    /** Every record on the topic right now that matches, in partition order. */
    public static List<ConsumerRecord<String, byte[]>> records(Predicate<ConsumerRecord<String, byte[]>> match) {
        return KafkaTestClient.records(Topics.EVIDENCE, match);
    }

    public static Predicate<ConsumerRecord<String, byte[]>> ofType(String type) {
        return record -> type.equals(KafkaTestClient.header(record, "ce_type"));
    }

    public static JsonNode payload(ConsumerRecord<String, byte[]> record) {
        return SharedService.JSON.readTree(record.value());
    }

    /** The schema violations of a record's payload, with format assertions on. */
    public static List<Error> violations(ConsumerRecord<String, byte[]> record) {
        String type = KafkaTestClient.header(record, "ce_type");
        String resource = EventCatalog.byType(type).schemaResource();
        try (InputStream in = EvidenceTopic.class.getClassLoader().getResourceAsStream(resource)) {
            Schema schema = SCHEMAS.getSchema(SharedService.JSON.readTree(in));
            return schema.validate(payload(record), context -> context.executionConfig(config ->
                    config.formatAssertionsEnabled(true)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
