package dev.competency.e2e.platform;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.bson.types.Binary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the platform still has in flight, seen from outside the services: in every service's database, each tracking
 * processor's token against the last event stored (the read models and the publishers to the broker read the event
 * store), and on the broker, each consumer group with members against the end of every partition it reads (read
 * committed). {@link #idle()} answers what it saw when nothing is in flight: two such answers in a row that are equal
 * mean that nothing was stored, published or consumed in between, so whatever an earlier request caused has reached
 * every read model.
 */
public final class PlatformActivity implements AutoCloseable {

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String EVENTS = "domainevents";
    private static final String TOKENS = "trackingtokens";
    private static final String GLOBAL_INDEX = "globalIndex";

    private final MongoClient store;
    private final Admin broker;
    /** The databases that hold an event store, found on the first look (the services create them as they start). */
    private List<String> eventStores = List.of();
    private volatile List<String> inFlight = List.of();

    public PlatformActivity(RunningPlatform platform) {
        this.store = MongoClients.create(platform.mongoConnectionString());
        this.broker = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.kafkaBootstrapServers()));
    }

    /**
     * The positions seen (the last event of each event store and the end of each partition a group reads) when no
     * processor and no consumer group is behind them; empty while something is ({@link #inFlight()} says what).
     */
    public Optional<String> idle() {
        List<String> behind = new ArrayList<>();
        Map<String, Object> positions = new TreeMap<>();
        processors(behind, positions);
        consumerGroups(behind, positions);
        inFlight = behind;
        return behind.isEmpty() ? Optional.of(positions.toString()) : Optional.empty();
    }

    /** What the last {@link #idle()} found behind: processors and groups with where they are and where the end is. */
    public List<String> inFlight() {
        return inFlight;
    }

    private void processors(List<String> behind, Map<String, Object> positions) {
        if (eventStores.isEmpty()) {
            List<String> found = new ArrayList<>();
            for (String name : store.listDatabaseNames()) {
                Set<String> collections = new HashSet<>();
                store.getDatabase(name).listCollectionNames().into(new ArrayList<>()).forEach(collections::add);
                if (collections.contains(EVENTS) && collections.contains(TOKENS)) {
                    found.add(name);
                }
            }
            eventStores = List.copyOf(found);
        }
        for (String name : eventStores) {
            MongoDatabase database = store.getDatabase(name);
            Document last = database.getCollection(EVENTS).find().sort(Sorts.descending(GLOBAL_INDEX)).limit(1)
                    .first();
            long head = last == null ? -1 : ((Number) last.get(GLOBAL_INDEX)).longValue();
            positions.put(name + " events", head);
            for (Document token : database.getCollection(TOKENS).find()) {
                String processor = token.getString("processorName") + "/" + token.get("segment");
                long position = position(token);
                if (position < head) {
                    behind.add(name + " processor " + processor + " at " + position + " of " + head);
                }
            }
        }
    }

    /** The event a segment's token has read up to (the lower bound of a replay); -1 for none or an unknown kind. */
    static long position(Document token) {
        Object data = token.get("token");
        if (data == null) {
            return -1;
        }
        byte[] bytes = data instanceof Binary binary ? binary.getData()
                : data.toString().getBytes(StandardCharsets.UTF_8);
        return position(JSON.readTree(bytes));
    }

    private static long position(JsonNode token) {
        if (token.has("currentToken")) {
            // A replay: the lower bound is where it has got to.
            return token.path("currentToken").isNull() ? -1 : position(token.path("currentToken"));
        }
        if (token.has("lowerSegmentToken")) {
            // Two segments being merged: the one further behind.
            return Math.min(position(token.path("lowerSegmentToken")), position(token.path("upperSegmentToken")));
        }
        if (token.has("index")) {
            return token.path("index").asLong();
        }
        if (token.has(GLOBAL_INDEX)) {
            return token.path(GLOBAL_INDEX).asLong();
        }
        return -1;
    }

    private void consumerGroups(List<String> behind, Map<String, Object> positions) {
        List<String> ids = get(broker.listGroups(ListGroupsOptions.forConsumerGroups()).all()).stream()
                .map(GroupListing::groupId).toList();
        if (ids.isEmpty()) {
            return;
        }
        Map<String, ConsumerGroupDescription> descriptions = get(broker.describeConsumerGroups(ids).all());
        // Groups without members read nothing: nothing is in flight there.
        Map<String, ListConsumerGroupOffsetsSpec> reading = new TreeMap<>();
        descriptions.forEach((group, description) -> {
            if (!description.members().isEmpty()) {
                reading.put(group, new ListConsumerGroupOffsetsSpec());
            }
        });
        if (reading.isEmpty()) {
            return;
        }
        Map<String, Map<TopicPartition, OffsetAndMetadata>> offsets = get(broker.listConsumerGroupOffsets(reading)
                .all());
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committedByGroup = new TreeMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (String group : reading.keySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
            offsets.getOrDefault(group, Map.of()).forEach((partition, offset) -> {
                if (offset != null) {
                    committed.put(partition, offset);
                }
            });
            for (MemberDescription member : descriptions.get(group).members()) {
                member.assignment().topicPartitions().forEach(partition -> committed.putIfAbsent(partition, null));
            }
            committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            committedByGroup.put(group, committed);
        }
        if (latest.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        get(broker.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all())
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        committedByGroup.forEach((group, committed) -> committed.forEach((partition, offset) -> {
            long end = ends.getOrDefault(partition, 0L);
            positions.put(partition.toString(), end);
            if (end > 0 && (offset == null || offset.offset() < end)) {
                behind.add("group " + group + " " + partition + " at " + (offset == null ? "nothing" : offset.offset())
                        + " of " + end);
            }
        }));
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The broker did not answer within " + ADMIN_TIMEOUT, e);
        }
    }

    @Override
    public void close() {
        broker.close(Duration.ofSeconds(10));
        store.close();
    }
}
