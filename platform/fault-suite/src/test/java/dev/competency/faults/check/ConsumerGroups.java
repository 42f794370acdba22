package dev.competency.faults.check;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/** The services' consumer groups as the broker knows them: their committed offsets, lag and state. */
public final class ConsumerGroups implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 30;

    private final Admin admin;

    public ConsumerGroups(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Every consumer group's committed offsets. */
    public Map<String, Map<TopicPartition, Long>> committed() {
        Map<String, Map<TopicPartition, Long>> byGroup = new HashMap<>();
        for (String group : groups()) {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()).forEach((partition, offset) -> {
                if (offset != null) {
                    offsets.put(partition, offset.offset());
                }
            });
            byGroup.put(group, offsets);
        }
        return byGroup;
    }

    /** Records between each group's committed offset and the end of the partition, by group, summed over partitions. */
    public Map<String, Long> lag() {
        Map<String, Map<TopicPartition, Long>> committed = committed();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        committed.values().forEach(offsets -> offsets.keySet().forEach(p -> request.put(p, OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        get(admin.listOffsets(request).all()).forEach((partition, info) -> ends.put(partition, info.offset()));
        Map<String, Long> lag = new HashMap<>();
        committed.forEach((group, offsets) -> lag.put(group, offsets.entrySet().stream()
                .mapToLong(entry -> Math.max(0, ends.get(entry.getKey()) - entry.getValue())).sum()));
        return lag;
    }

    /** The consumer groups of the services (the broker's own and this suite's readers have none). */
    public List<String> groups() {
        return get(admin.listConsumerGroups().all()).stream().map(ConsumerGroupListing::groupId).sorted().toList();
    }

    /** Whether none of the groups has a member. */
    public boolean allEmpty(Collection<String> groups) {
        return get(admin.describeConsumerGroups(groups).all()).values().stream()
                .allMatch(description -> description.groupState() == GroupState.EMPTY
                        || description.groupState() == GroupState.DEAD);
    }

    /** How many members each group has now (a consumer that died counts until its session times out). */
    public Map<String, Integer> members(Collection<String> groups) {
        Map<String, Integer> members = new HashMap<>();
        get(admin.describeConsumerGroups(groups).all()).forEach((group, description) ->
                members.put(group, description.members().size()));
        return members;
    }

    /**
     * Moves each group's committed offset on every partition it has one for back to 0, so that its consumers read
     * every record again. The broker refuses while a group has members.
     *
     * @return the number of records each group will read again
     */
    public Map<String, Long> rewindToStart(Collection<String> groups) {
        Map<String, Map<TopicPartition, Long>> committed = committed();
        Map<String, Long> rewound = new HashMap<>();
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            committed.getOrDefault(group, Map.of()).keySet().forEach(partition ->
                    start.put(partition, new OffsetAndMetadata(0)));
            get(admin.alterConsumerGroupOffsets(group, start).all());
            rewound.put(group, committed.getOrDefault(group, Map.of()).values().stream().mapToLong(Long::longValue)
                    .sum());
        }
        return rewound;
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The broker did not answer: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
