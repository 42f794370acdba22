package dev.competency.analytics.stream;

import dev.competency.contracts.Topics;
import dev.competency.platform.service.messaging.MessagingConfiguration;
import dev.competency.platform.service.messaging.PoisonMessageException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends each record of the four topics that breaks its contract to {@code <topic>.dlq}, once for the whole service.
 *
 * <p>{@link TopicStream} cannot: every replica reads every partition from offset 0 at every start and on a rebuild,
 * so it would send each poison record once per replica and per read. This listener is a consumer group of its own,
 * {@value #CONSUMER}, with committed offsets: the broker gives each partition to one replica, and a record the group
 * has committed is not read again, whatever the restarts and rebuilds. It only decodes each record with the stream's
 * {@link RecordDecoder} (it applies nothing); a record that breaks its contract goes to the platform's error handler,
 * which commits the records before it, writes it to {@code <topic>.dlq} with the headers of every consumer of the
 * platform ({@code kafka_dlt-exception-message} and the others, {@code kafka_dlt-original-consumer-group} naming this
 * group) and commits it. A replica that dies between the write to the dead-letter topic and that commit writes the
 * record again when the group reads it again: a duplicate a reader tells by its {@code kafka_dlt-original-topic},
 * {@code kafka_dlt-original-partition} and {@code kafka_dlt-original-offset}.
 */
@Component
class DeadLetterListener {

    static final String CONSUMER = "analytics.dead-letters";

    private final RecordDecoder decoder;

    DeadLetterListener(JsonMapper json) {
        this.decoder = new RecordDecoder(json);
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, containerFactory = MessagingConfiguration.BATCH_CONTAINER_FACTORY,
            topics = {Topics.FRAMEWORKS, Topics.EVIDENCE, Topics.LEARNERS, Topics.MASTERY})
    void check(List<ConsumerRecord<String, byte[]>> records) {
        for (int i = 0; i < records.size(); i++) {
            try {
                decoder.decode(records.get(i));
            } catch (PoisonMessageException e) {
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
        }
    }
}
