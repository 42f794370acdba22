package dev.competency.example.consumer;

import dev.competency.contracts.CloudEventHeaders;
import dev.competency.contracts.EventTypes;
import dev.competency.contracts.Topics;
import dev.competency.contracts.learners.LearnerErased;
import dev.competency.contracts.learners.LearnerTeamChanged;
import dev.competency.contracts.mastery.MasteryChanged;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code competency.mastery.v1} and {@code competency.learners.v1} from offset 0 into a {@link CapabilityView}
 * with a plain Kafka consumer: every partition assigned (no consumer group, no committed offsets), records
 * deduplicated by {@code ce_id}, dispatched on {@code ce_type}, types it does not need and types it does not know
 * skipped, unreadable records logged and skipped.
 *
 * <p>The view and the set of seen event ids live in memory, so each run is a replay from the beginning. A consumer
 * that keeps its state elsewhere stores the seen ids, the state and the offsets it has read up to together, and
 * resumes from those offsets.
 *
 * <pre>
 * mvn -q -pl platform/event-consumer-example compile exec:java -Dexec.args="--bootstrap 127.0.0.1:9092 [--follow]"
 * </pre>
 */
public final class MasteryFeed implements AutoCloseable {

    /** The topics this feed reads. They are not ordered against each other. */
    public static final List<String> TOPICS = List.of(Topics.MASTERY, Topics.LEARNERS);

    private static final Logger log = LoggerFactory.getLogger(MasteryFeed.class);
    private static final Duration POLL = Duration.ofMillis(200);

    /** What the feed has done with the records it read. */
    public record Counts(long applied, long duplicates, long ignored, long unknownTypes, long unreadable) {
    }

    private final Consumer<String, byte[]> consumer;
    private final JsonMapper json = JsonMapper.builder()
            // mastery.changed's cause is an open set: a value added after this build reads as RECOMPUTED.
            .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .build();
    private final CapabilityView view = new CapabilityView();
    private final Set<String> seenEventIds = new HashSet<>();
    private long applied;
    private long duplicates;
    private long ignored;
    private long unknownTypes;
    private long unreadable;

    public MasteryFeed(Consumer<String, byte[]> consumer) {
        this.consumer = consumer;
    }

    /** A feed on its own consumer, which reads committed records only and never joins a group. */
    public static MasteryFeed connect(String bootstrapServers) {
        return new MasteryFeed(new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "mastery-feed-example",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer()));
    }

    /** Assigns every partition of {@link #TOPICS} and moves to offset 0 (the earliest offset still kept). */
    public void startFromBeginning() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("Topic " + topic + " does not exist on this cluster");
            }
            infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /**
     * Reads until every assigned partition is at the end offset it had when this method was called.
     *
     * @throws IllegalStateException if that takes longer than {@code timeout}
     */
    public void catchUp(Duration timeout) {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Could not read to the end of " + TOPICS + " within " + timeout);
            }
            pollOnce(POLL);
        }
    }

    /** Polls once and applies what arrived; returns how many records it applied. */
    public int pollOnce(Duration timeout) {
        long before = applied;
        for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            handle(record);
        }
        return (int) (applied - before);
    }

    void handle(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            handleTombstone(record);
            return;
        }
        String eventId = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (eventId == null || type == null) {
            unreadable++;
            log.warn("Skipping {}-{}@{}: no {} or {} header", record.topic(), record.partition(), record.offset(),
                    CloudEventHeaders.ID, CloudEventHeaders.TYPE);
            return;
        }
        if (seenEventIds.contains(eventId)) {
            duplicates++;
            return;
        }
        try {
            switch (type) {
                case EventTypes.MASTERY_CHANGED -> view.on(json.readValue(record.value(), MasteryChanged.class));
                case EventTypes.LEARNER_TEAM_CHANGED ->
                        view.on(json.readValue(record.value(), LearnerTeamChanged.class));
                case EventTypes.LEARNER_ERASED -> view.on(json.readValue(record.value(), LearnerErased.class));
                default -> {
                    if (EventTypes.isKnown(type)) {
                        ignored++;
                    } else {
                        // Added to the topic after this build; the contract says: ignore it.
                        unknownTypes++;
                        log.debug("Skipping event type {} at {}-{}@{}", type, record.topic(), record.partition(),
                                record.offset());
                    }
                    return;
                }
            }
        } catch (JacksonException | IllegalArgumentException e) {
            unreadable++;
            log.warn("Skipping {} {} at {}-{}@{}: {}", type, eventId, record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        seenEventIds.add(eventId);
        applied++;
    }

    /**
     * A record without a value is no event: on the learners topic it erases the learner in its key (the Kafka meaning
     * of a tombstone), elsewhere there is nothing to apply.
     */
    private void handleTombstone(ConsumerRecord<String, byte[]> record) {
        if (Topics.LEARNERS.equals(record.topic()) && record.key() != null) {
            view.on(new LearnerErased(record.key(), Instant.ofEpochMilli(Math.max(0, record.timestamp()))));
            applied++;
        } else {
            ignored++;
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public CapabilityView view() {
        return view;
    }

    public Counts counts() {
        return new Counts(applied, duplicates, ignored, unknownTypes, unreadable);
    }

    /** Stops a {@link #pollOnce} in progress from another thread; it then throws {@link WakeupException}. */
    public void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    /** Per competency: learners at each level now, and how often it was newly mastered. */
    void printReport(PrintStream out) {
        Counts counts = counts();
        out.printf("Read %s: %d events applied, %d duplicates skipped, %d of other types, %d of unknown types,"
                        + " %d unreadable%n", TOPICS, counts.applied(), counts.duplicates(), counts.ignored(),
                counts.unknownTypes(), counts.unreadable());
        CapabilityView.Snapshot snapshot = view.snapshot();
        out.printf("%d learners with a level, %d in a team, %d erased%n", snapshot.levelsByLearner().size(),
                snapshot.teamByLearner().size(), snapshot.erasedLearners().size());
        Map<String, Map<String, Integer>> learnersByLevel = new TreeMap<>();
        snapshot.levelsByLearner().values().forEach(byCompetency -> byCompetency.forEach((competency, level) ->
                learnersByLevel.computeIfAbsent(competency, c -> new TreeMap<>())
                        .merge(level.level() == null ? "(no level)" : level.level(), 1, Integer::sum)));
        learnersByLevel.forEach((competency, levels) -> out.printf("competency %s: %s, mastery gained %d times%n",
                competency, levels, view.masteryGains(competency)));
    }

    public static void main(String[] args) {
        String bootstrap = "127.0.0.1:9092";
        boolean follow = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bootstrap" -> {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException("--bootstrap needs host:port");
                    }
                    bootstrap = args[++i];
                }
                case "--follow" -> follow = true;
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                        + "; usage: --bootstrap host:port [--follow]");
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (MasteryFeed feed = connect(bootstrap)) {
            feed.startFromBeginning();
            feed.catchUp(Duration.ofMinutes(10));
            feed.printReport(System.out);
            if (follow) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    feed.wakeup();
                    awaitQuietly(stopped);
                }, "mastery-feed-shutdown"));
                while (true) {
                    if (feed.pollOnce(Duration.ofSeconds(1)) > 0) {
                        feed.printReport(System.out);
                    }
                }
            }
        } catch (WakeupException e) {
            log.info("Stopped");
        } finally {
            stopped.countDown();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
