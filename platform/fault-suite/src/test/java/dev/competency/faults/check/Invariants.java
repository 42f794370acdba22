package dev.competency.faults.check;

import dev.competency.faults.load.EvidenceGenerator;
import dev.competency.faults.platform.GatewayClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * What must hold once the platform is quiet again, whatever happened before: checked against the evidence topic
 * (what assessments published) and against what the generator was told was accepted.
 *
 * <ul>
 *   <li>every accepted piece of evidence was published, and every accepted void too (or the evidence never was);</li>
 *   <li>every published piece of evidence appears exactly once in its learner's evidence list
 *       ({@code GET /api/learners/{id}/evidence}), marked voided exactly when it was voided, and nothing else does;</li>
 *   <li>each competency's {@code evidenceCount} in the learner's mastery is the number of its live pieces;</li>
 *   <li>analytics' evidence count per source ({@code GET /api/analytics/evidence/sources}) is what the topic gives;</li>
 *   <li>each learner's read models equal a fold of the learner's events, the mastery equals a fold of the topic's
 *       evidence, every {@code mastery.changed} is explained, and community's level notifications and challenge
 *       progress are what the mastery topic gives ({@link MasteryChecks}).</li>
 * </ul>
 */
public final class Invariants {

    private static final Logger log = LoggerFactory.getLogger(Invariants.class);
    private static final String READER = "admin-ada";
    private static final String ANALYST = "analyst-ali";
    private static final int PAGE = 1000;

    private Invariants() {
    }

    /**
     * One check's outcome.
     *
     * @param evidence         pieces of evidence recorded on the topic
     * @param lost             accepted or published evidence missing where it must be
     * @param duplicates       evidence listed more than once in a learner's list
     * @param voidsNotApplied  voided evidence still live somewhere (or live evidence shown voided)
     * @param countMismatches  competencies whose mastery counts other than their live evidence
     * @param analyticsAgrees  whether analytics' counts per source equal the topic's
     * @param mastery          what the checks of each learner's mastery found
     * @param problems         the first few problems, in words
     */
    public record Outcome(int evidence, int lost, int duplicates, int voidsNotApplied, int countMismatches,
                          boolean analyticsAgrees, MasteryChecks.Findings mastery, List<String> problems) {

        public boolean holds() {
            return problems.isEmpty();
        }
    }

    /**
     * @param community who community's notifications and challenges are read as
     */
    public static Outcome check(GatewayClient api, String bootstrapServers, EvidenceGenerator generator,
                                MasteryChecks.Community community) {
        long started = System.nanoTime();
        EvidenceLedger ledger = EvidenceLedger.read(bootstrapServers);
        List<String> problems = new ArrayList<>();
        int lost = 0;
        int duplicates = 0;
        int voidsNotApplied = 0;
        int countMismatches = 0;

        Set<String> acceptedVoids = generator.voided();
        for (EvidenceGenerator.Accepted accepted : generator.accepted().values()) {
            boolean voided = acceptedVoids.contains(accepted.evidenceId());
            boolean published = ledger.recorded().containsKey(accepted.evidenceId());
            if (!voided && !published) {
                lost++;
                note(problems, "accepted " + accepted + " was never published");
            }
            if (voided && published && !ledger.voided().contains(accepted.evidenceId())) {
                voidsNotApplied++;
                note(problems, "the accepted void of " + accepted.evidenceId() + " was never published");
            }
        }

        Map<String, Map<String, Integer>> liveByLearnerAndCompetency = new HashMap<>();
        ledger.recorded().values().stream().filter(evidence -> ledger.live(evidence.evidenceId()))
                .forEach(evidence -> liveByLearnerAndCompetency.computeIfAbsent(evidence.learnerId(),
                        learner -> new HashMap<>()).merge(evidence.competencyId(), 1, Integer::sum));

        for (String learner : ledger.learners()) {
            Map<String, Integer> listed = new HashMap<>();
            Set<String> listedVoided = new HashSet<>();
            for (JsonNode entry : timeline(api, learner)) {
                String evidenceId = entry.path("evidence").path("evidenceId").asString();
                listed.merge(evidenceId, 1, Integer::sum);
                if (!entry.path("voidedAt").isNull() && !entry.path("voidedAt").isMissingNode()) {
                    listedVoided.add(evidenceId);
                }
            }
            for (EvidenceLedger.Recorded evidence : ledger.recorded().values()) {
                if (!evidence.learnerId().equals(learner)) {
                    continue;
                }
                int times = listed.getOrDefault(evidence.evidenceId(), 0);
                if (times == 0 && ledger.voided().contains(evidence.evidenceId())) {
                    continue; // voided before it was recorded: leaving it out of the list is as good as marking it
                } else if (times == 0) {
                    lost++;
                    note(problems, "published evidence " + evidence.evidenceId() + " is not in the list of " + learner);
                } else if (times > 1) {
                    duplicates++;
                    note(problems, "evidence " + evidence.evidenceId() + " is listed " + times + " times for " + learner);
                }
                if (times > 0 && ledger.voided().contains(evidence.evidenceId())
                        != listedVoided.contains(evidence.evidenceId())) {
                    voidsNotApplied++;
                    note(problems, "evidence " + evidence.evidenceId() + " of " + learner + " is listed "
                            + (listedVoided.contains(evidence.evidenceId()) ? "voided" : "live") + " but the topic says "
                            + (ledger.voided().contains(evidence.evidenceId()) ? "voided" : "live"));
                }
            }
            listed.keySet().stream().filter(id -> !ledger.recorded().containsKey(id)).forEach(id ->
                    note(problems, "evidence " + id + " is listed for " + learner + " but was never published"));

            Map<String, Integer> live = liveByLearnerAndCompetency.getOrDefault(learner, Map.of());
            Map<String, Integer> counted = new HashMap<>();
            for (JsonNode competency : api.get(READER, "/api/learners/" + learner + "/mastery")) {
                if (competency.path("rollup").isObject() || competency.path("pending").asBoolean()) {
                    continue;
                }
                counted.put(competency.path("competencyId").asString(), competency.path("evidenceCount").asInt());
            }
            for (Map.Entry<String, Integer> expected : live.entrySet()) {
                int actual = counted.getOrDefault(expected.getKey(), 0);
                if (actual != expected.getValue()) {
                    countMismatches++;
                    note(problems, "mastery of " + learner + " on " + expected.getKey() + " counts " + actual
                            + " pieces of evidence, the topic has " + expected.getValue() + " live");
                }
            }
        }

        Map<String, Long> expectedSources = ledger.liveBySource();
        Map<String, Long> analytics = new TreeMap<>();
        api.get(ANALYST, "/api/analytics/evidence/sources").properties().forEach(entry -> {
            if (entry.getValue().asLong() != 0) {
                analytics.put(entry.getKey(), entry.getValue().asLong());
            }
        });
        boolean analyticsAgrees = analytics.equals(expectedSources);
        if (!analyticsAgrees) {
            note(problems, "analytics counts evidence by source as " + analytics + ", the topic gives "
                    + expectedSources);
        }
        long masteryStarted = System.nanoTime();
        MasteryChecks.Findings mastery = MasteryChecks.check(api, bootstrapServers, ledger, community);
        log.debug("Invariants checked: evidence lists, counts and analytics in {} ms; mastery checks: {}",
                (masteryStarted - started) / 1_000_000, mastery.compared());
        mastery.problems().forEach(problem -> note(problems, problem));
        return new Outcome(ledger.recorded().size(), lost, duplicates, voidsNotApplied, countMismatches,
                analyticsAgrees, mastery, List.copyOf(problems));
    }

    private static List<JsonNode> timeline(GatewayClient api, String learner) {
        List<JsonNode> entries = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            JsonNode page = api.get(READER, "/api/learners/" + learner + "/evidence?offset=" + offset
                    + "&limit=" + PAGE);
            page.forEach(entries::add);
            if (page.size() < PAGE) {
                return entries;
            }
        }
    }

    private static void note(List<String> problems, String problem) {
        if (problems.size() < 20) {
            problems.add(problem);
        }
    }
}
