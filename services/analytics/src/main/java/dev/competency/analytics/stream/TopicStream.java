package dev.competency.analytics.stream;

import dev.competency.analytics.state.AnalyticsState;
import dev.competency.contracts.Topics;
import dev.competency.platform.service.error.Refusal;
import dev.competency.platform.service.messaging.PoisonMessageException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one thread that folds the four public topics into the state. It {@code assign()}s every partition (no consumer
 * group, no committed offsets: every replica builds the whole state and any replica can answer), reads from offset 0
 * at start, and keeps per partition the next offset to read and the end offset last seen, from which it reports lag
 * and readiness. A rebuild reads the topics again from offset 0 into a fresh state while the current one keeps
 * answering, and swaps them once the fresh state has read up to the end offsets seen when the rebuild started.
 */
@Component
public class TopicStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TopicStream.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long END_OFFSET_REFRESH_NANOS = Duration.ofSeconds(1).toNanos();

    private final StateHolder holder;
    private final RecordDecoder decoder;
    private final Clock clock;
    private final Map<String, Object> consumerConfig;
    private final MeterRegistry meters;
    private final Map<String, Counter> applied = new HashMap<>();
    private final Map<String, Counter> rejected = new HashMap<>();

    private volatile List<TopicPartition> partitions = List.of();
    private volatile AtomicLongArray positions = new AtomicLongArray(0);
    private volatile AtomicLongArray ends = new AtomicLongArray(0);
    private final Map<String, Long> lastEventTime = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean caughtUp;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile KafkaConsumer<String, byte[]> consumer;

    private final Object rebuildLock = new Object();
    private volatile boolean rebuildRequested;
    private volatile RebuildStatus rebuild = new RebuildStatus(RebuildStatus.State.IDLE, null, null, 0, 0, 0, Map.of());
    private long[] rebuildEnds;
    private long[] rebuildBeginnings;

    public TopicStream(StateHolder holder, JsonMapper json, Clock clock, MeterRegistry meters,
                       @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
                       @Value("${analytics.stream.max-poll-records:2000}") int maxPollRecords) {
        this.holder = holder;
        this.decoder = new RecordDecoder(json);
        this.clock = clock;
        this.meters = meters;
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "analytics-stream");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 32 * 1024 * 1024);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumerConfig = config;
        for (String topic : Topics.ALL) {
            applied.put(topic, Counter.builder("analytics.events.applied").tag("topic", topic)
                    .description("Contract events read from the topic and applied to the state").register(meters));
            rejected.put(topic, Counter.builder("analytics.events.rejected").tag("topic", topic)
                    .description("Records of the topic that break their contract and were skipped").register(meters));
            Gauge.builder("analytics.consumer.lag", this, stream -> stream.lag(topic)).tag("topic", topic)
                    .description("Records behind the end of the topic, summed over its partitions").register(meters);
            Gauge.builder("analytics.last.event.time", this, stream -> stream.lastEventTimeSeconds(topic))
                    .tag("topic", topic).baseUnit("seconds")
                    .description("The time of the last event read from the topic, epoch seconds").register(meters);
        }
        Gauge.builder("analytics.rebuild.percent.done", this, stream -> stream.rebuild.percentDone())
                .description("How far the running or last rebuild has read, 0 to 100").register(meters);
    }

    // ---- lifecycle

    @Override
    public void start() {
        running = true;
        Thread worker = new Thread(this::run, "analytics-stream");
        worker.setDaemon(true);
        thread = worker;
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> active = consumer;
        if (active != null) {
            active.wakeup();
        }
        Thread worker = thread;
        if (worker != null) {
            try {
                worker.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    // ---- what others read

    /** Whether the state has read up to the end offsets seen at start (the readiness of this replica). */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** Whether the stream thread is reading (false once it stopped on an error). */
    public boolean alive() {
        Thread worker = thread;
        return worker != null && worker.isAlive();
    }

    /** Records behind the end of the topic, summed over its partitions. */
    public long lag(String topic) {
        List<TopicPartition> assigned = partitions;
        AtomicLongArray at = positions;
        AtomicLongArray end = ends;
        long lag = 0;
        for (int i = 0; i < assigned.size() && i < at.length(); i++) {
            if (assigned.get(i).topic().equals(topic)) {
                lag += Math.max(0, end.get(i) - at.get(i));
            }
        }
        return lag;
    }

    /** Epoch seconds of the {@code time} of the last event read from the topic; NaN before the first. */
    public double lastEventTimeSeconds(String topic) {
        Long millis = lastEventTime.get(topic);
        return millis == null ? Double.NaN : millis / 1000.0;
    }

    public RebuildStatus rebuildStatus() {
        return rebuild;
    }

    /**
     * Starts reading the topics again from offset 0 into a fresh state.
     *
     * @throws Refusal (conflict) when a rebuild is running
     */
    public RebuildStatus requestRebuild() {
        synchronized (rebuildLock) {
            if (rebuildRequested || rebuild.state() == RebuildStatus.State.RUNNING) {
                throw Refusal.conflict("A rebuild is running already; follow it with GET /api/analytics/admin/rebuild");
            }
            rebuildRequested = true;
            rebuild = new RebuildStatus(RebuildStatus.State.RUNNING, clock.instant(), null, 0, 0, 0, Map.of());
            return rebuild;
        }
    }

    // ---- the thread

    private void run() {
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerConfig)) {
            consumer = kafka;
            List<TopicPartition> assigned = discoverPartitions(kafka);
            if (assigned.isEmpty()) {
                return;
            }
            kafka.assign(assigned);
            kafka.seekToBeginning(assigned);
            long[] startEnds = endOffsets(kafka, assigned);
            long[] startPositions = assigned.stream().mapToLong(kafka::position).toArray();
            AtomicLongArray at = new AtomicLongArray(startPositions);
            AtomicLongArray end = new AtomicLongArray(startEnds);
            positions = at;
            ends = end;
            partitions = assigned;
            log.info("Replaying {} partitions of {} from offset 0, {} records to read", assigned.size(), Topics.ALL,
                    Arrays.stream(startEnds).sum() - Arrays.stream(startPositions).sum());
            AnalyticsState building = null;
            long lastEndRefresh = System.nanoTime();
            while (running) {
                if (rebuildRequested) {
                    building = startRebuild(kafka, assigned);
                }
                ConsumerRecords<String, byte[]> records = kafka.poll(POLL);
                if (!records.isEmpty()) {
                    List<RecordDecoder.Decoded> events = decode(records);
                    if (building != null) {
                        applyAll(building, events);
                    } else {
                        holder.write(state -> applyAll(state, events));
                    }
                    countApplied(events);
                    for (int i = 0; i < assigned.size(); i++) {
                        TopicPartition partition = assigned.get(i);
                        List<ConsumerRecord<String, byte[]>> read = records.records(partition);
                        if (!read.isEmpty()) {
                            at.set(i, read.get(read.size() - 1).offset() + 1);
                            // The high watermark of the last fetch: the lag without a request of its own.
                            java.util.OptionalLong behind = kafka.currentLag(partition);
                            if (behind.isPresent()) {
                                end.set(i, at.get(i) + behind.getAsLong());
                            }
                        }
                    }
                }
                if (System.nanoTime() - lastEndRefresh > END_OFFSET_REFRESH_NANOS || records.isEmpty()) {
                    refreshPositions(kafka, assigned, at, end);
                    lastEndRefresh = System.nanoTime();
                }
                if (!caughtUp && reached(at, startEnds)) {
                    caughtUp = true;
                    log.info("Caught up with the end offsets seen at start: ready");
                }
                if (building != null) {
                    publishRebuildProgress(assigned, at, RebuildStatus.State.RUNNING, null);
                    if (reached(at, rebuildEnds)) {
                        holder.replace(building);
                        building = null;
                        publishRebuildProgress(assigned, at, RebuildStatus.State.DONE, clock.instant());
                        log.info("Rebuild done: the rebuilt state answers from now on");
                    }
                }
            }
        } catch (WakeupException e) {
            if (running) {
                log.error("The analytics stream was woken up unexpectedly", e);
            }
        } catch (RuntimeException e) {
            log.error("The analytics stream stopped", e);
            if (rebuild.state() == RebuildStatus.State.RUNNING) {
                rebuild = new RebuildStatus(RebuildStatus.State.FAILED, rebuild.startedAt(), clock.instant(),
                        rebuild.eventsRead(), rebuild.eventsTotal(), rebuild.percentDone(), rebuild.topics());
            }
        } finally {
            consumer = null;
        }
    }

    private AnalyticsState startRebuild(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> assigned) {
        synchronized (rebuildLock) {
            rebuildRequested = false;
        }
        rebuildEnds = endOffsets(kafka, assigned);
        Map<TopicPartition, Long> beginnings = kafka.beginningOffsets(assigned);
        rebuildBeginnings = new long[assigned.size()];
        for (int i = 0; i < assigned.size(); i++) {
            rebuildBeginnings[i] = beginnings.get(assigned.get(i));
            positions.set(i, rebuildBeginnings[i]);
        }
        kafka.seekToBeginning(assigned);
        log.info("Rebuild started: {} records to read again",
                Arrays.stream(rebuildEnds).sum() - Arrays.stream(rebuildBeginnings).sum());
        publishRebuildProgress(assigned, positions, RebuildStatus.State.RUNNING, null);
        return new AnalyticsState();
    }

    private void publishRebuildProgress(List<TopicPartition> assigned, AtomicLongArray at, RebuildStatus.State state,
                                        Instant finishedAt) {
        Map<String, long[]> byTopic = new LinkedHashMap<>();
        long read = 0;
        long total = 0;
        for (int i = 0; i < assigned.size(); i++) {
            long partitionTotal = rebuildEnds[i] - rebuildBeginnings[i];
            long partitionRead = Math.min(partitionTotal, Math.max(0, at.get(i) - rebuildBeginnings[i]));
            read += partitionRead;
            total += partitionTotal;
            long[] topic = byTopic.computeIfAbsent(assigned.get(i).topic(), t -> new long[2]);
            topic[0] += partitionRead;
            topic[1] += partitionTotal;
        }
        Map<String, RebuildStatus.TopicProgress> topics = new LinkedHashMap<>();
        byTopic.forEach((topic, counts) -> topics.put(topic, new RebuildStatus.TopicProgress(counts[0], counts[1])));
        double percent = total == 0 ? 100.0 : Math.round(1000.0 * read / total) / 10.0;
        rebuild = new RebuildStatus(state, rebuild.startedAt(), finishedAt, read, total, percent, topics);
    }

    private List<RecordDecoder.Decoded> decode(ConsumerRecords<String, byte[]> records) {
        List<RecordDecoder.Decoded> events = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                RecordDecoder.Decoded event = decoder.decode(record);
                events.add(event);
                lastEventTime.merge(record.topic(), event.timeMillis(), Math::max);
            } catch (PoisonMessageException e) {
                rejected.get(record.topic()).increment();
                // Sent to the dead-letter topic once for the service by DeadLetterListener, not once per replica here.
                log.warn("Skipping record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                        e.getMessage());
            }
        }
        return events;
    }

    private static void applyAll(AnalyticsState state, List<RecordDecoder.Decoded> events) {
        for (RecordDecoder.Decoded event : events) {
            try {
                state.apply(event.id(), event.payload());
            } catch (RuntimeException e) {
                log.error("Could not apply {} {} from {}-{}@{}", event.type(), event.id(),
                        event.topic(), event.partition(), event.offset(), e);
            }
        }
    }

    private void countApplied(List<RecordDecoder.Decoded> events) {
        Map<String, Integer> byTopic = new HashMap<>();
        for (RecordDecoder.Decoded event : events) {
            byTopic.merge(event.topic(), 1, Integer::sum);
        }
        byTopic.forEach((topic, count) -> applied.get(topic).increment(count));
    }

    private void refreshPositions(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> assigned,
                                  AtomicLongArray at, AtomicLongArray end) {
        long[] latest = endOffsets(kafka, assigned);
        for (int i = 0; i < assigned.size(); i++) {
            end.set(i, latest[i]);
            at.set(i, kafka.position(assigned.get(i)));
        }
    }

    private List<TopicPartition> discoverPartitions(KafkaConsumer<String, byte[]> kafka) {
        List<TopicPartition> assigned = new ArrayList<>();
        for (String topic : Topics.ALL) {
            List<PartitionInfo> infos = List.of();
            while (running && infos.isEmpty()) {
                try {
                    infos = kafka.partitionsFor(topic, Duration.ofSeconds(5));
                } catch (org.apache.kafka.common.errors.TimeoutException e) {
                    log.warn("Topic {} not available yet: {}", topic, e.getMessage());
                }
                if (infos == null) {
                    infos = List.of();
                }
            }
            infos.stream().map(info -> new TopicPartition(info.topic(), info.partition()))
                    .sorted((a, b) -> Integer.compare(a.partition(), b.partition())).forEach(assigned::add);
        }
        return assigned;
    }

    private static long[] endOffsets(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> assigned) {
        Map<TopicPartition, Long> offsets = kafka.endOffsets(assigned);
        long[] result = new long[assigned.size()];
        for (int i = 0; i < assigned.size(); i++) {
            result[i] = offsets.get(assigned.get(i));
        }
        return result;
    }

    private static boolean reached(AtomicLongArray at, long[] targets) {
        for (int i = 0; i < targets.length; i++) {
            if (at.get(i) < targets[i]) {
                return false;
            }
        }
        return true;
    }
}
