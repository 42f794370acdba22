package dev.competency.analytics.bench;

import dev.competency.analytics.capability.query.CapabilityMap;
import dev.competency.analytics.privacy.GroupBy;
import dev.competency.analytics.privacy.Scope;
import dev.competency.analytics.privacy.Viewer;
import dev.competency.analytics.state.AnalyticsState;
import dev.competency.analytics.state.ContractEvents;
import dev.competency.analytics.stream.RecordDecoder;
import dev.competency.contracts.EventAttributes;
import dev.competency.contracts.EventCatalog;
import dev.competency.contracts.IntegrationEvent;
import dev.competency.contracts.frameworks.MethodType;
import dev.competency.contracts.learners.LearnerRegistered;
import dev.competency.contracts.learners.LearnerTeamChanged;
import dev.competency.contracts.mastery.MasteryChanged;
import dev.competency.platform.service.messaging.ContractEventReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * In-process timings of the two costs the service's targets hinge on, each variant back to back in one JVM so that
 * their ratio holds on a noisy host: decoding and applying records (the fold of a rebuild), and answering and
 * serialising the capability map. Not a test; run with the test classpath (see the service's README):
 *
 * <pre>
 * java -Xmx2g -cp target/classes:target/test-classes:$(cat /tmp/analytics-cp.txt) \
 *     dev.competency.analytics.bench.AnalyticsMicroBench [learners] [competencies] [records to decode]
 * </pre>
 */
public final class AnalyticsMicroBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
    private static final Viewer ADMIN = new Viewer(false, 5, true, Set.of(), false);
    private static final List<String> LEVELS = List.of("NOT_YET", "DEVELOPING", "COMPETENT", "PROFICIENT");

    private AnalyticsMicroBench() {
    }

    public static void main(String[] args) {
        int learners = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int competencies = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int records = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
        fold(records);
        capability(learners, competencies);
    }

    private static void fold(int count) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(count);
        int learners = Math.max(1, count / 50);
        records.add(record(ContractEvents.framework(1, competencyIds(50)), 0));
        for (int l = 0; records.size() < count; l++) {
            String learner = "learner-" + (l % learners);
            if (l < learners) {
                records.add(record(new LearnerRegistered(learner, null, "unit-" + (l % 10), T0), l));
                records.add(record(new LearnerTeamChanged(learner, "team-" + (l % 200), null, null, T0), l));
            }
            for (int c = 0; c < 48 && records.size() < count; c++) {
                records.add(record(mastery(learner, c, l + c, T0.plusSeconds(60L * c + l)), l));
            }
        }
        ContractEventReader reader = new ContractEventReader(JSON);
        RecordDecoder decoder = new RecordDecoder(JSON);
        for (int round = 0; round < 4; round++) {
            long started = System.nanoTime();
            AnalyticsState state = new AnalyticsState();
            for (ConsumerRecord<String, byte[]> record : records) {
                var event = reader.read(record);
                state.apply(event.attributes().id(), event.payload());
            }
            report("fold, ContractEventReader", round, count, System.nanoTime() - started);
            started = System.nanoTime();
            state = new AnalyticsState();
            for (ConsumerRecord<String, byte[]> record : records) {
                RecordDecoder.Decoded event = decoder.decode(record);
                state.apply(event.id(), event.payload());
            }
            report("fold, RecordDecoder", round, count, System.nanoTime() - started);
        }
    }

    private static void capability(int learners, int competencies) {
        AnalyticsState state = new AnalyticsState();
        state.apply(UUID.randomUUID().toString(), ContractEvents.framework(1, competencyIds(competencies)));
        for (int l = 0; l < learners; l++) {
            String learner = "learner-" + l;
            state.apply(UUID.randomUUID().toString(), new LearnerRegistered(learner, null, "unit-" + (l % 10), T0));
            state.apply(UUID.randomUUID().toString(), new LearnerTeamChanged(learner, "team-" + (l % 200), null, null,
                    T0));
            for (int c = 0; c < competencies; c++) {
                state.apply(UUID.randomUUID().toString(), mastery(learner, c, l + c, T0.plusSeconds(60L * c)));
            }
        }
        Long future = Instant.parse("9999-01-01T00:00:00Z").toEpochMilli();
        for (GroupBy groupBy : GroupBy.values()) {
            time("capability now, answer only, groupBy=" + groupBy, () -> {
                answer(state, groupBy, null);
                return new byte[0];
            });
            time("capability now, groupBy=" + groupBy, () -> query(state, groupBy, null));
            time("capability as of 9999 (scan), groupBy=" + groupBy, () -> query(state, groupBy, future));
        }
    }

    private static byte[] query(AnalyticsState state, GroupBy groupBy, Long asOf) {
        return JSON.writeValueAsBytes(answer(state, groupBy, asOf));
    }

    private static CapabilityMap.Answer answer(AnalyticsState state, GroupBy groupBy, Long asOf) {
        return CapabilityMap.answer(state, ADMIN, new CapabilityMap.Question(ContractEvents.FRAMEWORK, null,
                new Scope(null, null, null, groupBy), asOf), T0);
    }

    private static void time(String name, Supplier<byte[]> query) {
        for (int i = 0; i < 10; i++) {
            query.get();
        }
        int runs = 40;
        long[] nanos = new long[runs];
        int bytes = 0;
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            bytes = query.get().length;
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-45s %,d bytes: p50 %.1f ms, p90 %.1f ms, max %.1f ms%n", name, bytes,
                nanos[runs / 2] / 1e6, nanos[runs * 9 / 10] / 1e6, nanos[runs - 1] / 1e6);
    }

    private static void report(String name, int round, int count, long nanos) {
        System.out.printf(Locale.ROOT, "%-45s round %d: %,d records in %.2f s = %,.0f records/s%n", name, round,
                count, nanos / 1e9, count / (nanos / 1e9));
    }

    private static ConsumerRecord<String, byte[]> record(IntegrationEvent payload, long offset) {
        EventAttributes attributes = new EventAttributes(UUID.randomUUID().toString(),
                EventCatalog.byPayloadType(payload.getClass()).type(), "/bench", Instant.now(), payload.partitionKey());
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(EventCatalog.byType(attributes.type()).topic(), 0,
                offset, payload.partitionKey(), JSON.writeValueAsBytes(payload));
        attributes.toHeaders().forEach((name, value) -> record.headers().add(name,
                value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static List<String> competencyIds(int count) {
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            ids.add("bench-c" + c);
        }
        return ids;
    }

    private static MasteryChanged mastery(String learner, int competency, int seed, Instant changedAt) {
        int level = Math.floorMod(seed, 4);
        return new MasteryChanged(learner, "bench-c" + competency, ContractEvents.FRAMEWORK, 1, 1, MethodType.HIGHEST,
                LEVELS.get(level), null, level / 4.0 + 0.1, null, level >= 2, false, 1, changedAt, changedAt, null,
                MasteryChanged.ChangeCause.EVIDENCE_RECORDED, null);
    }
}
