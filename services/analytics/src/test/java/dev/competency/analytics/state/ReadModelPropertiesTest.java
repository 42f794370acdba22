package dev.competency.analytics.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.analytics.coaching.query.CoachingList;
import dev.competency.analytics.evidence.query.EvidenceFlow;
import dev.competency.analytics.gaps.query.SkillGaps;
import dev.competency.analytics.period.Period;
import dev.competency.analytics.privacy.GroupBy;
import dev.competency.analytics.privacy.Scope;
import dev.competency.analytics.privacy.Viewer;
import dev.competency.analytics.state.ContractEvents.Event;
import dev.competency.analytics.timetomastery.query.TimeToMastery;
import dev.competency.analytics.trend.query.Trend;
import dev.competency.contracts.evidence.EvidenceRecorded;
import dev.competency.contracts.evidence.EvidenceVoided;
import dev.competency.contracts.evidence.SourceType;
import dev.competency.contracts.learners.LearnerErased;
import dev.competency.contracts.learners.LearnerRegistered;
import dev.competency.contracts.learners.LearnerRoleAssigned;
import dev.competency.contracts.learners.LearnerTeamChanged;
import dev.competency.contracts.mastery.MasteryChanged;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The trend, time to mastery (with its source mixes), coaching list, skill gaps and evidence flow against answers
 * computed directly from the same generated events: each learner's events on each topic in partition order, some
 * delivered twice (the same {@code ce_id} again, later in the partition), the topics interleaved at random (so mastery
 * may come before {@code learner.registered}, evidence after the mastery it led to), and some learners erased. The
 * reference keeps, per learner, the unique events of each stream and forgets erased learners, then counts.
 */
class ReadModelPropertiesTest {

    private static final List<String> UNITS = List.of("eng", "ops");
    private static final List<String> TEAMS = List.of("team-a", "team-b", "team-c");
    private static final List<String> COMPETENCIES = List.of("c1", "c2", "c3");
    private static final List<String> LEVELS = ContractEvents.LEVELS;
    /** rp1 requires c1 at COMPETENT and c2 at DEVELOPING, weight 1 each. */
    private static final Map<String, String> TARGETS = Map.of("c1", "COMPETENT", "c2", "DEVELOPING");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    /** The generated history spans about 120 days from T0. */
    private static final int DAYS = 120;
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final Viewer ADMIN = new Viewer(false, 5, true, Set.of(), false);

    @Property(tries = 100)
    void equalsTheLastChangeBeforeEachPeriodEnd_forEveryTrendPoint(@ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int learners,
                                                     @ForAll boolean byTeam, @ForAll boolean weekly) {
        Generated generated = Generated.of(new Random(seed), learners);
        AnalyticsState state = ContractEvents.fold(generated.delivered());
        Truth truth = Truth.of(generated.streams());
        LocalDate from = LocalDate.of(2025, 12, 20);
        LocalDate to = LocalDate.of(2026, 5, 10);
        Period.Interval interval = weekly ? Period.Interval.WEEK : Period.Interval.MONTH;

        Trend.Answer answer = Trend.answer(state, ADMIN, new Trend.Question(null, null,
                new Scope(null, null, null, byTeam ? GroupBy.TEAM : GroupBy.UNIT), from, to, interval));

        Map<String, List<Integer>> actual = new TreeMap<>();
        Set<String> series = new TreeSet<>();
        for (Trend.Series one : answer.series()) {
            series.add(one.unit() + "/" + (byTeam ? one.teamId() : "-") + "/" + one.competencyId());
            for (Trend.Point point : one.points()) {
                if (point.rated() > 0) {
                    actual.put(one.unit() + "/" + (byTeam ? one.teamId() : "-") + "/" + one.competencyId() + "/"
                            + point.periodStart(), List.of(point.rated(), point.mastered()));
                }
            }
        }
        Map<String, List<Integer>> expected = new TreeMap<>();
        List<LocalDate[]> periods = periods(from, to, weekly);
        truth.learners().forEach((id, learner) -> {
            String group = learner.unit + "/" + (byTeam ? learner.team : "-");
            for (String competency : COMPETENCIES) {
                for (LocalDate[] period : periods) {
                    long end = period[1].atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
                    MasteryChanged last = null;
                    for (MasteryChanged change : learner.mastery) {
                        if (change.competencyId().equals(competency) && change.changedAt().toEpochMilli() < end) {
                            last = change;
                        }
                    }
                    if (last != null) {
                        List<Integer> counts = expected.getOrDefault(group + "/" + competency + "/" + period[0],
                                List.of(0, 0));
                        expected.put(group + "/" + competency + "/" + period[0],
                                List.of(counts.get(0) + 1, counts.get(1) + (last.mastered() ? 1 : 0)));
                    }
                }
            }
        });
        // A series without anyone rated in the range is left out.
        Set<String> expectedSeries = new TreeSet<>();
        expected.keySet().forEach(key -> expectedSeries.add(key.substring(0, key.lastIndexOf('/'))));
        assertThat(actual).isEqualTo(expected);
        assertThat(series).isEqualTo(expectedSeries);
    }

    @Property(tries = 100)
    void measuresFromFirstEvidenceToFirstMastery_forTimeToMastery(@ForAll long seed,
                                                        @ForAll @IntRange(min = 1, max = 12) int learners,
                                                        @ForAll boolean byTeam) {
        Generated generated = Generated.of(new Random(seed), learners);
        AnalyticsState state = ContractEvents.fold(generated.delivered());
        Truth truth = Truth.of(generated.streams());

        TimeToMastery.Answer answer = TimeToMastery.answer(state, ADMIN, new TimeToMastery.Question(null, null,
                new Scope(null, null, null, byTeam ? GroupBy.TEAM : GroupBy.UNIT)));

        Map<String, List<Double>> groups = new TreeMap<>();
        Map<String, List<Double>> mixes = new TreeMap<>();
        truth.learners().forEach((id, learner) -> {
            for (String competency : COMPETENCIES) {
                MasteryChanged first = learner.mastery.stream()
                        .filter(change -> change.competencyId().equals(competency) && change.mastered())
                        .findFirst().orElse(null);
                if (first == null) {
                    continue;
                }
                long masteredAt = first.changedAt().toEpochMilli();
                long earliest = Long.MAX_VALUE;
                Set<String> sources = new TreeSet<>();
                for (Evidence evidence : learner.evidence.values()) {
                    if (evidence.competency.equals(competency) && evidence.voidedAt == null
                            && evidence.occurredAt <= masteredAt) {
                        earliest = Math.min(earliest, evidence.occurredAt);
                        sources.add(evidence.source.name());
                    }
                }
                if (earliest == Long.MAX_VALUE) {
                    continue;
                }
                double days = (masteredAt - earliest) / (double) DAY;
                groups.computeIfAbsent(learner.unit + "/" + (byTeam ? learner.team : null) + "/" + competency,
                        key -> new ArrayList<>()).add(days);
                mixes.computeIfAbsent(competency + "/" + String.join("+", sources), key -> new ArrayList<>())
                        .add(days);
            }
        });

        Map<String, List<Double>> actualRows = new TreeMap<>();
        answer.rows().forEach(row -> actualRows.put(row.unit() + "/" + row.teamId() + "/" + row.competencyId(),
                List.of((double) row.learners(), row.medianDays(), row.p75Days())));
        Map<String, List<Double>> actualMixes = new TreeMap<>();
        answer.bySourceMix().forEach(row -> actualMixes.put(row.competencyId() + "/" + row.mix(),
                List.of((double) row.learners(), row.medianDays(), row.p75Days())));
        assertThat(actualRows).usingRecursiveComparison()
                .withComparatorForType(ReadModelPropertiesTest::closeEnough, Double.class).isEqualTo(summaries(groups));
        assertThat(actualMixes).usingRecursiveComparison()
                .withComparatorForType(ReadModelPropertiesTest::closeEnough, Double.class).isEqualTo(summaries(mixes));
    }

    @Property(tries = 100)
    void namesTheStalledTheExpiringAndTheCloseToReady_inTheCoachingList(@ForAll long seed,
                                                                  @ForAll @IntRange(min = 1, max = 12) int learners,
                                                                  @ForAll @IntRange(min = 1, max = 8) int stalledWeeks,
                                                                  @ForAll @IntRange(min = 1, max = 60) int expiringDays) {
        Generated generated = Generated.of(new Random(seed), learners);
        AnalyticsState state = ContractEvents.fold(generated.delivered());
        Truth truth = Truth.of(generated.streams());
        Instant now = T0.plus(Duration.ofDays(DAYS / 2));

        CoachingList.Answer answer = CoachingList.answer(state, ADMIN,
                new CoachingList.Question(null, null, stalledWeeks, expiringDays, 0.5), now);

        List<String> actual = answer.entries().stream().map(entry -> entry.learnerId() + "/" + entry.kind() + "/"
                + (entry.kind() == CoachingList.Kind.CLOSE_TO_READY ? entry.roleProfileId() : entry.competencyId()))
                .sorted().toList();
        long since = now.toEpochMilli() - stalledWeeks * 7 * DAY;
        long horizon = now.toEpochMilli() + expiringDays * DAY;
        List<String> expected = new ArrayList<>();
        truth.learners().forEach((id, learner) -> {
            for (String competency : COMPETENCIES) {
                long recent = learner.evidence.values().stream().filter(evidence -> evidence.competency
                        .equals(competency) && evidence.voidedAt == null && evidence.occurredAt >= since).count();
                MasteryChanged latest = learner.latest(competency, Long.MAX_VALUE);
                MasteryChanged then = learner.latest(competency, since - 1);
                boolean rose = latest != null && (then == null
                        || LEVELS.indexOf(latest.level()) > LEVELS.indexOf(then.level()));
                if (recent > 0 && !rose) {
                    expected.add(id + "/STALLED/" + competency);
                }
                if (latest != null && latest.mastered() && latest.expiresAt() != null
                        && latest.expiresAt().toEpochMilli() >= now.toEpochMilli()
                        && latest.expiresAt().toEpochMilli() <= horizon) {
                    expected.add(id + "/EXPIRING/" + competency);
                }
            }
            if ("rp1".equals(learner.role) && learner.requirementsMet() == 1) {
                expected.add(id + "/CLOSE_TO_READY/rp1");
            }
        });
        assertThat(actual).isEqualTo(expected.stream().sorted().toList());
    }

    @Property(tries = 100)
    void countsTheAssignedHeldBack_byEachRequirementOfTheSkillGaps(@ForAll long seed,
                                                            @ForAll @IntRange(min = 1, max = 12) int learners) {
        Generated generated = Generated.of(new Random(seed), learners);
        AnalyticsState state = ContractEvents.fold(generated.delivered());
        Truth truth = Truth.of(generated.streams());

        SkillGaps.Answer answer = SkillGaps.answer(state, ADMIN, new Scope(null, null, null, GroupBy.UNIT), 10);

        Map<String, List<Integer>> actual = new TreeMap<>();
        for (SkillGaps.Gap gap : answer.gaps()) {
            actual.put(gap.competencyId(), List.of(gap.assigned(), gap.heldBack()));
            gap.byGroup().forEach(group -> actual.put(gap.competencyId() + "/" + group.unit(),
                    List.of(group.assigned(), group.heldBack())));
        }
        Map<String, List<Integer>> expected = new TreeMap<>();
        List<String> assigned = truth.learners().entrySet().stream()
                .filter(entry -> "rp1".equals(entry.getValue().role)).map(Map.Entry::getKey).toList();
        TARGETS.forEach((competency, target) -> {
            int[] total = new int[2];
            Map<String, int[]> byUnit = new TreeMap<>();
            for (String id : assigned) {
                Learner learner = truth.learners().get(id);
                boolean heldBack = !learner.meets(competency, target);
                total[0]++;
                total[1] += heldBack ? 1 : 0;
                int[] unit = byUnit.computeIfAbsent(String.valueOf(learner.unit), key -> new int[2]);
                unit[0]++;
                unit[1] += heldBack ? 1 : 0;
            }
            expected.put(competency, List.of(total[0], total[1]));
            byUnit.forEach((unit, counts) -> expected.put(competency + "/" + unit, List.of(counts[0], counts[1])));
        });
        assertThat(actual).isEqualTo(expected);
    }

    @Property(tries = 100)
    void countsRecordedAndVoidedEvidence_perPeriodAndSource(@ForAll long seed,
                                                               @ForAll @IntRange(min = 1, max = 12) int learners,
                                                               @ForAll boolean onlyEng, @ForAll boolean weekly) {
        Generated generated = Generated.of(new Random(seed), learners);
        AnalyticsState state = ContractEvents.fold(generated.delivered());
        Truth truth = Truth.of(generated.streams());
        LocalDate from = LocalDate.of(2026, 1, 15);
        LocalDate to = LocalDate.of(2026, 4, 20);

        EvidenceFlow.Answer answer = EvidenceFlow.answer(state, ADMIN, new EvidenceFlow.Question(from, to,
                weekly ? Period.Interval.WEEK : Period.Interval.MONTH, onlyEng ? "eng" : null, null));

        Map<String, List<Integer>> actual = new TreeMap<>();
        answer.points().forEach(point -> actual.put(point.periodStart() + "/" + point.sourceType(),
                List.of(point.recorded(), point.voided())));
        List<LocalDate[]> periods = periods(from, to, weekly);
        long start = millis(periods.get(0)[0]);
        long end = millis(periods.get(periods.size() - 1)[1]);
        Map<String, int[]> counts = new TreeMap<>();
        Set<SourceType> seen = new HashSet<>();
        long inRange = 0;
        long unrequired = 0;
        for (Learner learner : truth.learners().values()) {
            if (onlyEng && !"eng".equals(learner.unit)) {
                continue;
            }
            for (Evidence evidence : learner.evidence.values()) {
                for (LocalDate[] period : periods) {
                    String key = period[0] + "/" + evidence.source;
                    if (evidence.recordedAt >= millis(period[0]) && evidence.recordedAt < millis(period[1])) {
                        counts.computeIfAbsent(key, k -> new int[2])[0]++;
                        seen.add(evidence.source);
                    }
                    if (evidence.voidedAt != null && evidence.voidedAt >= millis(period[0])
                            && evidence.voidedAt < millis(period[1])) {
                        counts.computeIfAbsent(key, k -> new int[2])[1]++;
                        seen.add(evidence.source);
                    }
                }
                if (evidence.recordedAt >= start && evidence.recordedAt < end && evidence.voidedAt == null) {
                    inRange++;
                    unrequired += TARGETS.containsKey(evidence.competency) ? 0 : 1;
                }
            }
        }
        Map<String, List<Integer>> expected = new TreeMap<>();
        for (LocalDate[] period : periods) {
            for (SourceType source : seen) {
                int[] count = counts.getOrDefault(period[0] + "/" + source, new int[2]);
                expected.put(period[0] + "/" + source, List.of(count[0], count[1]));
            }
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(answer.unrequiredShare()).isEqualTo(inRange == 0 ? null : (double) unrequired / inRange);
    }

    // ---- the reference

    /** ISO weeks from Monday or calendar months, [start, end) as dates, covering from..to. */
    private static List<LocalDate[]> periods(LocalDate from, LocalDate to, boolean weekly) {
        List<LocalDate[]> periods = new ArrayList<>();
        LocalDate start = from;
        if (weekly) {
            while (start.getDayOfWeek() != DayOfWeek.MONDAY) {
                start = start.minusDays(1);
            }
        } else {
            start = LocalDate.of(from.getYear(), from.getMonth(), 1);
        }
        while (!start.isAfter(to)) {
            LocalDate next = weekly ? start.plusDays(7) : start.plusMonths(1);
            periods.add(new LocalDate[] {start, next});
            start = next;
        }
        return periods;
    }

    private static long millis(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /** Interpolations written differently may differ in the last bits. */
    private static int closeEnough(Double a, Double b) {
        if (a == null || b == null) {
            return a == b ? 0 : 1;
        }
        return Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b);
    }

    /** key → {count, median, 75th percentile}, interpolating between the closest ranks. */
    private static Map<String, List<Double>> summaries(Map<String, List<Double>> values) {
        Map<String, List<Double>> summaries = new TreeMap<>();
        values.forEach((key, list) -> {
            double[] sorted = list.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(sorted);
            summaries.put(key, List.of((double) sorted.length, quantile(sorted, 0.5), quantile(sorted, 0.75)));
        });
        return summaries;
    }

    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int lower = (int) position;
        double fraction = position - lower;
        return lower + 1 < sorted.length ? sorted[lower] * (1 - fraction) + sorted[lower + 1] * fraction
                : sorted[lower];
    }

    private static final class Evidence {
        String competency;
        SourceType source;
        long occurredAt;
        long recordedAt;
        Long voidedAt;
    }

    private static final class Learner {
        String unit;
        String team;
        String role;
        List<MasteryChanged> mastery = new ArrayList<>();
        Map<String, Evidence> evidence = new LinkedHashMap<>();

        /** The last change on the competency, in stream order, whose changedAt is at or before {@code at}. */
        MasteryChanged latest(String competency, long at) {
            MasteryChanged latest = null;
            for (MasteryChanged change : mastery) {
                if (change.competencyId().equals(competency) && change.changedAt().toEpochMilli() <= at) {
                    latest = change;
                }
            }
            return latest;
        }

        boolean meets(String competency, String target) {
            MasteryChanged latest = latest(competency, Long.MAX_VALUE);
            return latest != null && LEVELS.indexOf(latest.level()) >= LEVELS.indexOf(target);
        }

        int requirementsMet() {
            return (int) TARGETS.entrySet().stream().filter(target -> meets(target.getKey(), target.getValue()))
                    .count();
        }
    }

    /** Every learner not erased, from the unique events of their streams. */
    private record Truth(Map<String, Learner> learners) {

        static Truth of(Map<String, List<Event>> streams) {
            Map<String, Learner> learners = new TreeMap<>();
            Set<String> erased = new HashSet<>();
            streams.forEach((name, events) -> {
                if (!name.contains("/")) {
                    return;
                }
                String id = name.substring(name.indexOf('/') + 1);
                Learner learner = learners.computeIfAbsent(id, key -> new Learner());
                Set<String> seen = new HashSet<>();
                for (Event event : events) {
                    if (!seen.add(event.id())) {
                        continue;
                    }
                    if (event.payload() instanceof LearnerRegistered registered) {
                        learner.unit = registered.organisationUnit();
                    } else if (event.payload() instanceof LearnerTeamChanged changed) {
                        learner.team = changed.teamId();
                    } else if (event.payload() instanceof LearnerRoleAssigned assigned) {
                        learner.role = assigned.roleProfileId();
                    } else if (event.payload() instanceof LearnerErased) {
                        erased.add(id);
                    } else if (event.payload() instanceof MasteryChanged changed) {
                        learner.mastery.add(changed);
                    } else if (event.payload() instanceof EvidenceRecorded recorded) {
                        Evidence evidence = new Evidence();
                        evidence.competency = recorded.competencyId();
                        evidence.source = recorded.sourceType();
                        evidence.occurredAt = recorded.occurredAt().toEpochMilli();
                        evidence.recordedAt = recorded.recordedAt().toEpochMilli();
                        learner.evidence.put(recorded.evidenceId(), evidence);
                    } else if (event.payload() instanceof EvidenceVoided voided) {
                        Evidence evidence = learner.evidence.get(voided.evidenceId());
                        if (evidence != null && evidence.voidedAt == null) {
                            evidence.voidedAt = voided.voidedAt().toEpochMilli();
                        }
                    }
                }
            });
            erased.forEach(learners::remove);
            return new Truth(learners);
        }
    }

    /** The generated events: per stream (topic and learner) in partition order, and as delivered. */
    private record Generated(Map<String, List<Event>> streams, List<Event> delivered) {

        static Generated of(Random random, int learners) {
            Map<String, List<Event>> streams = new LinkedHashMap<>();
            streams.put("frameworks", List.of(Event.of(ContractEvents.framework(1, COMPETENCIES)),
                    Event.of(ContractEvents.roleProfile("rp1", 1, TARGETS))));
            int evidenceCounter = 0;
            for (int l = 0; l < learners; l++) {
                String id = "learner-" + l;
                List<Event> directory = new ArrayList<>();
                directory.add(Event.of(ContractEvents.registered(id, pick(random, UNITS))));
                for (int i = random.nextInt(3); i >= 0; i--) {
                    directory.add(Event.of(ContractEvents.team(id, pick(random, TEAMS))));
                }
                if (random.nextInt(3) > 0) {
                    directory.add(Event.of(ContractEvents.role(id, "rp1")));
                }
                if (random.nextInt(7) == 0) {
                    directory.add(Event.of(ContractEvents.erased(id)));
                }
                List<Event> mastery = new ArrayList<>();
                Instant shared = instant(random);
                for (int i = random.nextInt(8); i > 0; i--) {
                    int level = random.nextInt(4);
                    Instant changedAt = random.nextInt(4) == 0 ? shared : instant(random);
                    Instant expiresAt = random.nextBoolean() ? null
                            : changedAt.plus(Duration.ofDays(random.nextInt(DAYS)));
                    mastery.add(Event.of(ContractEvents.mastery(id, pick(random, COMPETENCIES), LEVELS.get(level),
                            level >= 2, level / 4.0, changedAt, expiresAt)));
                }
                List<Event> evidence = new ArrayList<>();
                for (int i = random.nextInt(7); i > 0; i--) {
                    String evidenceId = "ev-" + evidenceCounter++;
                    String competency = pick(random, COMPETENCIES);
                    Instant occurredAt = instant(random);
                    Instant recordedAt = occurredAt.plus(Duration.ofHours(random.nextInt(72)));
                    evidence.add(Event.of(new EvidenceRecorded(evidenceId, id, competency, ContractEvents.FRAMEWORK, 1,
                            0.7, null, null, pick(random, List.of(SourceType.values())),
                            new dev.competency.contracts.evidence.Actor("system",
                                    dev.competency.contracts.evidence.ActorKind.SYSTEM), occurredAt, recordedAt,
                            new EvidenceRecorded.Provenance(null, null, null, null, null), null, null)));
                    if (random.nextInt(4) == 0) {
                        evidence.add(Event.of(ContractEvents.voided(evidenceId, id, competency,
                                recordedAt.plus(Duration.ofDays(random.nextInt(30))))));
                    }
                }
                streams.put("learners/" + id, withDuplicates(random, directory));
                streams.put("mastery/" + id, withDuplicates(random, mastery));
                streams.put("evidence/" + id, withDuplicates(random, evidence));
            }
            return new Generated(streams, interleave(random, streams));
        }

        /**
         * Any millisecond of the span, or one in four on an edge: the start of a month or of an ISO week (where
         * periods end), or a whole number of weeks before the coaching list's now (where its window starts).
         */
        private static Instant instant(Random random) {
            return switch (random.nextInt(8)) {
                case 0 -> T0.atZone(ZoneOffset.UTC).plusMonths(random.nextInt(4)).toInstant();
                case 1 -> T0.plus(Duration.ofDays(4 + 7L * random.nextInt(DAYS / 7)));
                default -> random.nextInt(3) == 0 ? T0.plus(Duration.ofDays(DAYS / 2 - 7L * random.nextInt(9)))
                        : T0.plusMillis((long) (random.nextDouble() * DAYS * DAY));
            };
        }

        /** Some events delivered again, later in their partition. */
        private static List<Event> withDuplicates(Random random, List<Event> events) {
            List<Event> delivered = new ArrayList<>(events);
            for (int i = random.nextInt(3); i > 0 && !events.isEmpty(); i--) {
                int from = random.nextInt(delivered.size());
                delivered.add(from + 1 + random.nextInt(delivered.size() - from), delivered.get(from));
            }
            return delivered;
        }

        /** The streams merged in a random order that keeps the order within each. */
        private static List<Event> interleave(Random random, Map<String, List<Event>> streams) {
            List<List<Event>> open = new ArrayList<>();
            streams.values().forEach(stream -> open.add(new ArrayList<>(stream)));
            open.removeIf(List::isEmpty);
            List<Event> delivered = new ArrayList<>();
            while (!open.isEmpty()) {
                List<Event> next = open.get(random.nextInt(open.size()));
                delivered.add(next.remove(0));
                open.removeIf(List::isEmpty);
            }
            return delivered;
        }

        private static <T> T pick(Random random, List<T> values) {
            return values.get(random.nextInt(values.size()));
        }
    }
}
