package dev.competency.faults.check;

import dev.competency.faults.platform.GatewayClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;

/**
 * The checks of each learner's mastery, run side by side for every learner the evidence topic names:
 *
 * <ul>
 *   <li><b>read models against the learner's events</b>: learner-profiles' consistency check
 *       ({@code GET /api/learners/admin/consistency/{id}}) folds the learner's events from the event store from
 *       scratch and compares every read model; it must find no difference;</li>
 *   <li><b>mastery against a fold of the topic's evidence</b>: for each competency, the calculator
 *       ({@code POST /api/learners/mastery/calculate}) folds the learner's evidence as the topic carries it (voids
 *       applied) under the policy and scale of the {@code framework.published} snapshot on the frameworks topic; the
 *       mastery the learner's API answers at the same instant ({@code GET /api/learners/{id}/mastery?asOf=}) must
 *       have the same level, score, mastered flag and evidence count;</li>
 *   <li><b>every change on the mastery topic explained</b>: the last {@code mastery.changed} of each learner and
 *       competency (partition order) has the level, mastered flag and evidence count the learner's recorded mastery
 *       ({@code GET /api/learners/{id}}) has, every recorded level was published, and no change names as its trigger
 *       evidence the evidence topic never carried;</li>
 *   <li><b>community's state as the mastery topic explains it</b>: for the learners who can sign in, the ids of
 *       their {@code LEVEL_CHANGED} notifications are exactly {@code mastery:} and the {@code ce_id} of each change
 *       on the topic that moved their level or mastered flag (a redelivery adds none, nothing is missing); and each
 *       running {@code MASTERED_COUNT} challenge of the team counts, per member, the challenge's competencies whose
 *       last change on the topic says mastered.</li>
 * </ul>
 */
public final class MasteryChecks {

    private static final String ADMIN = "admin-ada";
    private static final int NOTIFICATION_PAGE = 100;
    private static final double SCORE_TOLERANCE = 1e-9;
    private static final ExecutorService REQUESTS = Executors.newFixedThreadPool(6, runnable -> {
        Thread thread = new Thread(runnable, "mastery-checks");
        thread.setDaemon(true);
        return thread;
    });

    private MasteryChecks() {
    }

    /**
     * What the checks found.
     *
     * @param readModelDifferences  learners whose read models differ from a fold of their events
     * @param foldMismatches        learner × competency whose mastery differs from a fold of the topic's evidence
     * @param unexplainedChanges    changes on the mastery topic that the recorded mastery or the evidence topic does
     *                              not explain (and recorded levels never published)
     * @param communityMismatches   learners whose level notifications, and challenges whose progress, differ from
     *                              the changes on the mastery topic
     * @param compared              what was compared, and how long it took (the mastery and frameworks topics read
     *                              included)
     * @param problems              the problems in words
     */
    public record Findings(int readModelDifferences, int foldMismatches, int unexplainedChanges,
                           int communityMismatches, String compared, List<String> problems) {
    }

    /** Per learner, what each check found, and how many folds, changes and notifications it compared. */
    private record LearnerFindings(boolean readModelsDiffer, int foldMismatches, int unexplainedChanges,
                                   boolean notificationsDiffer, int folds, int changes, int notifications,
                                   List<String> problems) {
    }

    /**
     * Who community's state is read as: the learners who can sign in (notifications are read as the person they
     * concern), and the manager of a team whose running {@code MASTERED_COUNT} challenges are checked.
     *
     * @param accounts the demo accounts of learners who can sign in, by learner id
     * @param manager  the demo account of the team's manager
     * @param members  the team's members (as the learners stream places them)
     */
    public record Community(Map<String, String> accounts, String manager, Set<String> members) {
    }

    public static Findings check(GatewayClient api, String bootstrapServers, EvidenceLedger ledger,
                                 Community community) {
        Map<String, String> accounts = community.accounts();
        long started = System.nanoTime();
        MasteryStream changes = MasteryStream.read(bootstrapServers);
        FrameworkPolicies policies = FrameworkPolicies.read(bootstrapServers);
        Set<String> learners = new TreeSet<>(ledger.learners());
        learners.addAll(changes.last().keySet());
        Map<String, List<EvidenceLedger.Recorded>> evidence = new HashMap<>();
        ledger.recorded().values().forEach(recorded -> evidence.computeIfAbsent(recorded.learnerId(),
                learner -> new ArrayList<>()).add(recorded));
        Instant asOf = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<CompletableFuture<LearnerFindings>> pending = learners.stream().map(learner ->
                CompletableFuture.supplyAsync(() -> checkLearner(api, learner, evidence.getOrDefault(learner,
                        List.of()), ledger, changes, policies, Optional.ofNullable(accounts.get(learner)), asOf),
                        REQUESTS)).toList();
        int readModels = 0;
        int folds = 0;
        int unexplained = 0;
        int notifications = 0;
        int folded = 0;
        int changesCompared = 0;
        int notified = 0;
        List<String> problems = new ArrayList<>();
        for (CompletableFuture<LearnerFindings> future : pending) {
            LearnerFindings found = future.join();
            readModels += found.readModelsDiffer() ? 1 : 0;
            folds += found.foldMismatches();
            unexplained += found.unexplainedChanges();
            notifications += found.notificationsDiffer() ? 1 : 0;
            folded += found.folds();
            changesCompared += found.changes();
            notified += found.notifications();
            problems.addAll(found.problems());
        }
        for (Map.Entry<String, String> trigger : changes.triggers().entrySet()) {
            if (!ledger.recorded().containsKey(trigger.getValue())) {
                unexplained++;
                problems.add("mastery.changed " + trigger.getKey() + " names evidence " + trigger.getValue()
                        + " the evidence topic never carried");
            }
        }
        int challenges = 0;
        List<Integer> challengeTotals = new ArrayList<>();
        for (JsonNode challenge : api.get(community.manager(), "/api/community/challenges")) {
            if (!"MASTERED_COUNT".equals(challenge.path("goal").asString())
                    || !"RUNNING".equals(challenge.path("status").asString())) {
                continue;
            }
            challenges++;
            challengeTotals.add(challenge.path("total").asInt());
            String differs = challengeDifference(challenge, community.members(), changes);
            if (differs != null) {
                notifications++;
                problems.add("challenge " + challenge.path("challengeId").asString() + " " + differs);
            }
        }
        if (challenges == 0) {
            notifications++;
            problems.add(community.manager() + " sees no running MASTERED_COUNT challenge to check");
        }
        String compared = String.format("%d learners' read models, %d folds, %d last changes, %d triggers, "
                        + "%d level notifications, %d challenges (totals %s) in %d ms", learners.size(), folded,
                changesCompared, changes.triggers().size(), notified, challenges, challengeTotals,
                (System.nanoTime() - started) / 1_000_000);
        return new Findings(readModels, folds, unexplained, notifications, compared, problems);
    }

    private static LearnerFindings checkLearner(GatewayClient api, String learner,
            List<EvidenceLedger.Recorded> evidence, EvidenceLedger ledger, MasteryStream changes,
            FrameworkPolicies policies, Optional<String> account, Instant asOf) {
        List<String> problems = new ArrayList<>();

        JsonNode consistency = api.get(ADMIN, "/api/learners/admin/consistency/" + learner);
        boolean readModelsDiffer = !consistency.path("consistent").asBoolean();
        if (readModelsDiffer) {
            List<String> shown = new ArrayList<>();
            consistency.path("differences").forEach(difference -> {
                if (shown.size() < 3) {
                    shown.add(difference.toString());
                }
            });
            problems.add("the read models of " + learner + " differ from a fold of its events in "
                    + consistency.path("differences").size() + " places (caught up: "
                    + consistency.path("readModelsCaughtUp").asBoolean() + "), e.g. " + shown);
        }

        int foldMismatches = 0;
        Map<String, JsonNode> answered = new HashMap<>();
        for (JsonNode competency : api.get(ADMIN, "/api/learners/" + learner + "/mastery?asOf=" + asOf)) {
            if (!competency.path("rollup").isObject()) {
                answered.put(competency.path("competencyId").asString(), competency);
            }
        }
        Map<String, List<EvidenceLedger.Recorded>> byCompetency = new LinkedHashMap<>();
        evidence.forEach(recorded -> byCompetency.computeIfAbsent(recorded.competencyId(), id -> new ArrayList<>())
                .add(recorded));
        for (Map.Entry<String, List<EvidenceLedger.Recorded>> competency : byCompetency.entrySet()) {
            String competencyId = competency.getKey();
            JsonNode actual = answered.get(competencyId);
            if (actual != null && actual.path("pending").asBoolean()) {
                continue;
            }
            EvidenceLedger.Recorded newest = competency.getValue().stream()
                    .max((a, b) -> Integer.compare(a.frameworkVersion(), b.frameworkVersion())).orElseThrow();
            Optional<FrameworkPolicies.Policy> policy = policies.of(newest.frameworkId(), newest.frameworkVersion(),
                    competencyId);
            if (policy.isEmpty()) {
                foldMismatches++;
                problems.add("evidence of " + learner + " on " + competencyId + " names framework "
                        + newest.frameworkId() + " version " + newest.frameworkVersion() + ", never published");
                continue;
            }
            JsonNode expected = api.call(ADMIN, "POST", "/api/learners/mastery/calculate",
                    calculation(competencyId, policy.get(), competency.getValue(), ledger, asOf));
            String differs = difference(expected, actual);
            if (differs != null) {
                foldMismatches++;
                problems.add("mastery of " + learner + " on " + competencyId + " at " + asOf
                        + " differs from a fold of the topic's " + competency.getValue().size()
                        + " pieces of evidence: " + differs);
            }
        }

        int unexplained = 0;
        Map<String, JsonNode> recorded = new HashMap<>();
        for (JsonNode entry : api.get(ADMIN, "/api/learners/" + learner).path("mastery")) {
            if (!entry.path("rolledUp").asBoolean()) {
                recorded.put(entry.path("competencyId").asString(), entry);
            }
        }
        Map<String, MasteryStream.Change> published = changes.last().getOrDefault(learner, Map.of());
        for (Map.Entry<String, MasteryStream.Change> change : published.entrySet()) {
            JsonNode entry = recorded.get(change.getKey());
            MasteryStream.Change last = change.getValue();
            if (entry == null || !Objects.equals(text(entry, "level"), last.level())
                    || entry.path("mastered").asBoolean() != last.mastered()
                    || entry.path("evidenceCount").asInt() != last.evidenceCount()) {
                unexplained++;
                problems.add("the last mastery.changed of " + learner + " on " + change.getKey() + " (" + last
                        + ") is not the recorded mastery " + entry);
            }
        }
        for (Map.Entry<String, JsonNode> entry : recorded.entrySet()) {
            if (!published.containsKey(entry.getKey()) && text(entry.getValue(), "level") != null) {
                unexplained++;
                problems.add("the recorded mastery of " + learner + " on " + entry.getKey()
                        + " was never published: " + entry.getValue());
            }
        }

        boolean notificationsDiffer = false;
        int notifications = 0;
        if (account.isPresent()) {
            Set<String> expected = new TreeSet<>();
            changes.levelChanges().getOrDefault(learner, Set.of()).forEach(id -> expected.add("mastery:" + id));
            Set<String> notified = levelNotifications(api, account.get());
            notifications = notified.size();
            if (!notified.equals(expected)) {
                notificationsDiffer = true;
                Set<String> extra = new TreeSet<>(notified);
                extra.removeAll(expected);
                Set<String> missing = new TreeSet<>(expected);
                missing.removeAll(notified);
                problems.add(account.get() + " has " + notified.size() + " level notifications, the mastery topic "
                        + "explains " + expected.size() + ": not explained " + first(extra) + ", missing "
                        + first(missing));
            }
        }
        return new LearnerFindings(readModelsDiffer, foldMismatches, unexplained, notificationsDiffer,
                byCompetency.size(), published.size(), notifications, problems);
    }

    /**
     * How a running {@code MASTERED_COUNT} challenge's progress differs from the mastery topic; null when it does not.
     * Each member counts the challenge's competencies whose last {@code mastery.changed} says mastered (levels
     * reached before the start count; the end is weeks away, so every change counts).
     */
    private static String challengeDifference(JsonNode challenge, Set<String> members, MasteryStream changes) {
        Set<String> competencies = new HashSet<>();
        challenge.path("competencyIds").forEach(id -> competencies.add(id.asString()));
        Map<String, Integer> expected = new TreeMap<>();
        for (String member : members) {
            int count = (int) changes.last().getOrDefault(member, Map.of()).entrySet().stream()
                    .filter(change -> competencies.contains(change.getKey()) && change.getValue().mastered()).count();
            if (count > 0) {
                expected.put(member, count);
            }
        }
        Map<String, Integer> counted = new TreeMap<>();
        challenge.path("contributions").forEach(contribution -> {
            if (contribution.path("count").asInt() > 0) {
                counted.put(contribution.path("learnerId").asString(), contribution.path("count").asInt());
            }
        });
        int total = expected.values().stream().mapToInt(Integer::intValue).sum();
        if (counted.equals(expected) && challenge.path("total").asInt() == total) {
            return null;
        }
        return "counts " + challenge.path("total").asInt() + " mastered " + counted + ", the mastery topic gives "
                + total + " " + expected;
    }

    /** The calculator's request: the competency's evidence as the topic carries it, voids marked. */
    private static Map<String, Object> calculation(String competencyId, FrameworkPolicies.Policy policy,
            List<EvidenceLedger.Recorded> evidence, EvidenceLedger ledger, Instant asOf) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (EvidenceLedger.Recorded recorded : evidence) {
            Map<String, Object> item = new HashMap<>();
            item.put("evidenceId", recorded.evidenceId());
            item.put("score", recorded.score());
            item.put("sourceType", recorded.sourceType());
            item.put("actorId", recorded.actorId());
            item.put("occurredAt", recorded.occurredAt());
            item.put("recordedAt", recorded.recordedAt());
            item.put("ratedLevel", recorded.ratedLevel());
            item.put("voided", ledger.voided().contains(recorded.evidenceId()));
            items.add(item);
        }
        return Map.of("competencyId", competencyId, "policy", policy.policy(), "scale", policy.scale(),
                "evidence", items, "asOf", asOf.toString());
    }

    /** How the learner's mastery differs from the fold; null when it does not (no entry: no level, no evidence). */
    private static String difference(JsonNode expected, JsonNode actual) {
        String level = actual == null ? null : text(actual, "level");
        boolean mastered = actual != null && actual.path("mastered").asBoolean();
        int count = actual == null ? 0 : actual.path("evidenceCount").asInt();
        Double score = actual == null || !actual.path("score").isNumber() ? null : actual.path("score").asDouble();
        Double foldScore = expected.path("score").isNumber() ? expected.path("score").asDouble() : null;
        boolean scoresAgree = score == null ? foldScore == null
                : foldScore != null && Math.abs(score - foldScore) <= SCORE_TOLERANCE;
        if (Objects.equals(level, text(expected, "level")) && mastered == expected.path("mastered").asBoolean()
                && count == expected.path("evidenceCount").asInt() && scoresAgree) {
            return null;
        }
        return String.format("answered level %s, score %s, mastered %s, %d counted; the fold gives level %s, "
                        + "score %s, mastered %s, %d counted", level, score, mastered, count, text(expected, "level"),
                foldScore, expected.path("mastered").asBoolean(), expected.path("evidenceCount").asInt());
    }

    /** The ids of the person's {@code LEVEL_CHANGED} notifications, every page of the feed. */
    private static Set<String> levelNotifications(GatewayClient api, String account) {
        Set<String> ids = new HashSet<>();
        for (int page = 0; ; page++) {
            JsonNode items = api.get(account, "/api/community/notifications?size=" + NOTIFICATION_PAGE + "&page="
                    + page).path("items");
            items.forEach(item -> {
                if ("LEVEL_CHANGED".equals(item.path("kind").asString())) {
                    ids.add(item.path("notificationId").asString());
                }
            });
            if (items.size() < NOTIFICATION_PAGE) {
                return ids;
            }
        }
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isString() ? node.path(field).asString() : null;
    }

    private static List<String> first(Set<String> ids) {
        return ids.stream().limit(3).toList();
    }
}
