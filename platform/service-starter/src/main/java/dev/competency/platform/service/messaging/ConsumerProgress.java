package dev.competency.platform.service.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far one of this service's consumer groups has got through a topic, as the broker knows it: the group's
 * committed offsets against the end of each partition. A service that decides from another service's stream asks
 * it when it finds nothing, to tell "not there yet" (answer 503 and let the caller retry) from "not there"
 * (answer as for anything unknown).
 */
public class ConsumerProgress {

    private final Admin admin;
    private final Duration timeout;

    public ConsumerProgress(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /**
     * Whether the group has records of the topic it has not processed yet. When the broker does not answer within
     * the time-out, the group counts as behind: the caller then answers "try again" rather than a final answer.
     */
    public boolean isBehind(String groupId, String topic) {
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            Map<TopicPartition, OffsetSpec> ends = description.partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResultInfo> endOffsets = admin.listOffsets(ends).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return endOffsets.entrySet().stream().anyMatch(end -> {
                OffsetAndMetadata position = committed.get(end.getKey());
                return (position == null ? 0 : position.offset()) < end.getValue().offset();
            });
        } catch (ExecutionException | TimeoutException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
