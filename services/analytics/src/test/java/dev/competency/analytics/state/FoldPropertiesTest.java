package dev.competency.analytics.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.analytics.capability.query.CapabilityMap;
import dev.competency.analytics.evidence.query.EvidenceFlow;
import dev.competency.analytics.privacy.GroupBy;
import dev.competency.analytics.privacy.Scope;
import dev.competency.analytics.privacy.Viewer;
import dev.competency.analytics.readiness.query.Readiness;
import dev.competency.analytics.state.ContractEvents.Event;
import dev.competency.contracts.evidence.EvidenceRecorded;
import dev.competency.contracts.evidence.EvidenceVoided;
import dev.competency.contracts.evidence.SourceType;
import dev.competency.contracts.learners.LearnerErased;
import dev.competency.contracts.learners.LearnerRegistered;
import dev.competency.contracts.learners.LearnerRoleAssigned;
import dev.competency.contracts.learners.LearnerTeamChanged;
import dev.competency.contracts.mastery.MasteryChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Every read model against a from-scratch computation over the same generated events: each learner's events on each
 * topic in partition order, with duplicates (the same {@code ce_id} again, later in the partition), mastery changes
 * sharing a millisecond, the topics interleaved in any order, and erasures.
 */
class FoldPropertiesTest {

    private static final List<String> UNITS = List.of("eng", "ops");
    private static final List<String> TEAMS = List.of("team-a", "team-b", "team-c");
    private static final List<String> COMPETENCIES = List.of("c1", "c2", "c3");
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Viewer ADMIN = new Viewer(false, 5, true, Set.of(), false);

    @Property(tries = 200)
    void capabilityMapEqualsFromScratchCount_whateverTheDeliveryOrder(@ForAll long seed,
                                                                       @ForAll @IntRange(min = 1, max = 14) int learners,
                                                                       @ForAll @IntRange(min = 0, max = 40) int asOfMinutes) {
        Generated generated = Generated.of(new Random(seed), learners);
        AnalyticsState state = ContractEvents.fold(generated.delivered);
        Scratch scratch = Scratch.of(generated.streams);

        Long asOf = asOfMinutes == 40 ? null : T0.plusSeconds(60L * asOfMinutes).toEpochMilli();
        CapabilityMap.Answer answer = CapabilityMap.answer(state, ADMIN,
                new CapabilityMap.Question(null, null, new Scope(null, null, null, GroupBy.TEAM), asOf), Instant.now());

        Map<String, int[]> expected = scratch.capability(asOf);
        Map<String, int[]> actual = new TreeMap<>();
        for (CapabilityMap.Cell cell : answer.cells()) {
            if (cell.rated() > 0) {
                actual.put(cell.unit() + "/" + cell.teamId() + "/" + cell.competencyId(),
                        new int[] {cell.rated(), cell.mastered()});
            }
        }
        assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
    }

    @Property(tries = 150)
    void equalsTheVisitOfEveryCell_whenTheCapabilityMapOfThePresentComesFromTotals(@ForAll long seed,
                                                                       @ForAll @IntRange(min = 1, max = 14) int learners,
                                                                       @ForAll boolean byTeam,
                                                                       @ForAll boolean framework) {
        Generated generated = Generated.of(new Random(seed), learners);
        AnalyticsState state = ContractEvents.fold(generated.delivered);
        Scope scope = new Scope(null, null, null, byTeam ? GroupBy.TEAM : GroupBy.UNIT);
        String frameworkId = framework ? ContractEvents.FRAMEWORK : null;
        long farFuture = Instant.parse("9999-12-31T00:00:00Z").toEpochMilli();

        List<CapabilityMap.Cell> fromTotals = CapabilityMap.answer(state, ADMIN,
                new CapabilityMap.Question(frameworkId, null, scope, null), T0).cells();
        List<CapabilityMap.Cell> visited = CapabilityMap.answer(state, ADMIN,
                new CapabilityMap.Question(frameworkId, null, scope, farFuture), T0).cells();

        assertThat(fromTotals).as("exact sums: the same means to the last digit").usingRecursiveComparison()
                .isEqualTo(visited);
    }

    @Property(tries = 200)
    void equalsAFoldFromScratch_forEvidenceBySourceAndReadiness(@ForAll long seed,
                                                      @ForAll @IntRange(min = 1, max = 14) int learners) {
        Generated generated = Generated.of(new Random(seed), learners);
        AnalyticsState state = ContractEvents.fold(generated.delivered);
        Scratch scratch = Scratch.of(generated.streams);

        assertThat(EvidenceFlow.bySource(state)).isEqualTo(scratch.evidenceBySource());

        Readiness.Answer readiness = Readiness.answer(state, ADMIN, new Scope(null, null, "rp1", GroupBy.UNIT), 0.5);
        Map<String, Integer> ready = new TreeMap<>();
        readiness.groups().forEach(group -> ready.put(String.valueOf(group.unit()), group.ready()));
        assertThat(ready).isEqualTo(scratch.readyByUnit());
    }

    /** The generated events: per stream (topic and learner) in partition order, and as delivered. */
    record Generated(Map<String, List<Event>> streams, List<Event> delivered) {

        static Generated of(Random random, int learners) {
            Map<String, List<Event>> streams = new LinkedHashMap<>();
            streams.put("frameworks", List.of(Event.of(ContractEvents.framework(1, COMPETENCIES)),
                    Event.of(ContractEvents.roleProfile("rp1", 1, Map.of("c1", "COMPETENT", "c2", "DEVELOPING")))));
            int evidenceCounter = 0;
            for (int l = 0; l < learners; l++) {
                String id = "learner-" + l;
                List<Event> directory = new ArrayList<>();
                directory.add(Event.of(ContractEvents.registered(id, pick(random, UNITS))));
                for (int i = random.nextInt(3); i >= 0; i--) {
                    directory.add(Event.of(ContractEvents.team(id, pick(random, TEAMS))));
                }
                if (random.nextBoolean()) {
                    directory.add(Event.of(ContractEvents.role(id, "rp1")));
                }
                if (random.nextInt(6) == 0) {
                    directory.add(Event.of(ContractEvents.erased(id)));
                }
                List<Event> mastery = new ArrayList<>();
                for (int i = random.nextInt(7); i > 0; i--) {
                    int level = random.nextInt(4);
                    mastery.add(Event.of(ContractEvents.mastery(id, pick(random, COMPETENCIES),
                            ContractEvents.LEVELS.get(level), level >= 2, level / 4.0,
                            T0.plusSeconds(60L * random.nextInt(40)))));
                }
                List<Event> evidence = new ArrayList<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    String evidenceId = "ev-" + evidenceCounter++;
                    String competency = pick(random, COMPETENCIES);
                    Event recorded = Event.of(ContractEvents.evidence(evidenceId, id, competency,
                            pick(random, List.of(SourceType.values())), T0));
                    Event voided = Event.of(ContractEvents.voided(evidenceId, id, competency, T0));
                    switch (random.nextInt(8)) {
                        case 0, 1 -> evidence.addAll(List.of(recorded, voided));
                        // A producer that wrote the void first: it counts once the evidence arrives.
                        case 2 -> evidence.addAll(List.of(voided, recorded));
                        default -> evidence.add(recorded);
                    }
                }
                streams.put("learners/" + id, withDuplicates(random, directory));
                streams.put("mastery/" + id, withDuplicates(random, mastery));
                streams.put("evidence/" + id, withDuplicates(random, evidence));
            }
            return new Generated(streams, interleave(random, streams));
        }

        private static List<Event> withDuplicates(Random random, List<Event> events) {
            List<Event> delivered = new ArrayList<>(events);
            if (!events.isEmpty() && random.nextInt(3) == 0) {
                int from = random.nextInt(events.size());
                delivered.add(from + 1 + random.nextInt(delivered.size() - from), events.get(from));
            }
            return delivered;
        }

        private static List<Event> interleave(Random random, Map<String, List<Event>> streams) {
            List<List<Event>> open = new ArrayList<>();
            streams.values().forEach(stream -> open.add(new ArrayList<>(stream)));
            List<Event> delivered = new ArrayList<>();
            open.removeIf(List::isEmpty);
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

    /** The answers computed directly from the streams, one learner at a time. */
    record Scratch(Map<String, String[]> directory, Map<String, List<MasteryChanged>> mastery,
                   Map<String, List<Object>> evidence) {

        static Scratch of(Map<String, List<Event>> streams) {
            Map<String, String[]> directory = new TreeMap<>();
            Map<String, List<MasteryChanged>> mastery = new HashMap<>();
            Map<String, List<Object>> evidence = new HashMap<>();
            Set<String> erased = new HashSet<>();
            streams.forEach((name, events) -> {
                List<Event> unique = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                events.forEach(event -> {
                    if (seen.add(event.id())) {
                        unique.add(event);
                    }
                });
                if (name.startsWith("learners/")) {
                    String id = name.substring("learners/".length());
                    String[] entry = new String[3];
                    for (Event event : unique) {
                        if (event.payload() instanceof LearnerRegistered registered) {
                            entry[0] = registered.organisationUnit();
                        } else if (event.payload() instanceof LearnerTeamChanged changed) {
                            entry[1] = changed.teamId();
                        } else if (event.payload() instanceof LearnerRoleAssigned assigned) {
                            entry[2] = assigned.roleProfileId();
                        } else if (event.payload() instanceof LearnerErased) {
                            erased.add(id);
                        }
                    }
                    directory.put(id, entry);
                } else if (name.startsWith("mastery/")) {
                    mastery.put(name.substring("mastery/".length()), unique.stream()
                            .map(event -> (MasteryChanged) event.payload()).toList());
                } else if (name.startsWith("evidence/")) {
                    evidence.put(name.substring("evidence/".length()), unique.stream()
                            .map(event -> (Object) event.payload()).toList());
                }
            });
            erased.forEach(id -> {
                directory.remove(id);
                mastery.remove(id);
                evidence.remove(id);
            });
            return new Scratch(directory, mastery, evidence);
        }

        /** unit/team/competency → {rated, mastered}, as of an instant (null: now). */
        Map<String, int[]> capability(Long asOf) {
            Map<String, int[]> counts = new TreeMap<>();
            directory.forEach((learner, entry) -> {
                Map<String, MasteryChanged> cells = new HashMap<>();
                for (MasteryChanged change : mastery.getOrDefault(learner, List.of())) {
                    if (asOf == null || change.changedAt().toEpochMilli() <= asOf) {
                        cells.put(change.competencyId(), change);
                    }
                }
                cells.forEach((competency, change) -> {
                    int[] count = counts.computeIfAbsent(entry[0] + "/" + entry[1] + "/" + competency,
                            key -> new int[2]);
                    count[0]++;
                    count[1] += change.mastered() ? 1 : 0;
                });
            });
            return counts;
        }

        Map<SourceType, Long> evidenceBySource() {
            Map<SourceType, Long> counts = new EnumMap<>(SourceType.class);
            evidence.values().forEach(events -> {
                // Evidence counts unless a void of it is anywhere in its stream, before or after it.
                Map<String, SourceType> live = new LinkedHashMap<>();
                Set<String> voided = new HashSet<>();
                for (Object event : events) {
                    if (event instanceof EvidenceRecorded recorded) {
                        live.putIfAbsent(recorded.evidenceId(), recorded.sourceType());
                    } else if (event instanceof EvidenceVoided voidEvent) {
                        voided.add(voidEvent.evidenceId());
                    }
                }
                live.keySet().removeAll(voided);
                live.values().forEach(source -> counts.merge(source, 1L, Long::sum));
            });
            return counts;
        }

        /** unit → learners assigned rp1 with c1 at COMPETENT or above and c2 at DEVELOPING or above. */
        Map<String, Integer> readyByUnit() {
            Map<String, Integer> ready = new TreeMap<>();
            directory.forEach((learner, entry) -> {
                if (!"rp1".equals(entry[2])) {
                    return;
                }
                Map<String, String> levels = new HashMap<>();
                mastery.getOrDefault(learner, List.of()).forEach(change -> levels.put(change.competencyId(),
                        change.level()));
                boolean isReady = rank(levels.get("c1")) >= 2 && rank(levels.get("c2")) >= 1;
                ready.merge(String.valueOf(entry[0]), isReady ? 1 : 0, Integer::sum);
            });
            return ready;
        }

        private static int rank(String level) {
            return level == null ? -1 : ContractEvents.LEVELS.indexOf(level);
        }
    }

}
