package dev.competency.e2e.fuzz;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operation would store, read back through the read endpoint of its resource family: the list (with its
 * total) of frameworks, role profiles, learning resources, assessments, activity alignments, xAPI clients, discussions
 * or challenges; the attempts and evidence of the fuzz run's learner; the profile of the learner a registration names;
 * the xAPI document at the address a document call names; the discussion a call names, whole; the caller's
 * notifications and their settings. Two readings are compared whole (status, {@code X-Total-Count} and body): a
 * refused request must leave them equal.
 */
final class StoredState {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** How long readings must stay the same to count as settled. */
    private static final Duration QUIET = Duration.ofMillis(1500);
    private static final Duration SETTLE = Duration.ofSeconds(5);
    /** The discussion a call's path is about: {@code /api/community/discussions/{id}}, read back whole. */
    private static final Pattern DISCUSSION = Pattern.compile("/api/community/discussions/[^/?]+");
    private static final java.util.regex.Pattern REQUEST_ID = java.util.regex.Pattern.compile(
            "\"requestId\"\\s*:\\s*\"[^\"]*\"");

    private final URI gateway;
    private final Map<String, String> readHeaders;
    private final String fuzzLearner;

    /**
     * @param readHeaders credentials that may read every family (the administrator's)
     * @param fuzzLearner the learner the fuzz run registered, whose attempts and evidence are read back
     */
    StoredState(URI gateway, Map<String, String> readHeaders, String fuzzLearner) {
        this.gateway = gateway;
        this.readHeaders = readHeaders;
        this.fuzzLearner = fuzzLearner;
    }

    /** One reading of every read endpoint of a case's family: path → what it answered. */
    record Reading(Map<String, String> answers) {

        /** The endpoints whose answers differ from an earlier reading, with both answers. */
        List<String> differencesFrom(Reading before) {
            List<String> differences = new ArrayList<>();
            answers.forEach((path, after) -> {
                String earlier = before.answers().get(path);
                if (!after.equals(earlier)) {
                    differences.add("GET " + path + "\n    before: " + abbreviate(earlier) + "\n    after:  "
                            + abbreviate(after));
                }
            });
            return differences;
        }

        private static String abbreviate(String text) {
            return text == null || text.length() < 500 ? text : text.substring(0, 500) + "…";
        }
    }

    /** The read endpoints that show what {@code operation} would store when sent {@code fuzzCase}. */
    List<String> probesFor(WriteOperation operation, FuzzCase fuzzCase) {
        String path = operation.path();
        List<String> probes = new ArrayList<>();
        if (path.startsWith("/api/frameworks/role-profiles")) {
            probes.add("/api/frameworks/role-profiles");
        } else if (path.startsWith("/api/frameworks/learning-resources")) {
            probes.add("/api/frameworks/learning-resources");
        } else if (path.startsWith("/api/frameworks")) {
            probes.add("/api/frameworks");
        } else if (path.startsWith("/api/assessments/xapi-clients")) {
            probes.add("/api/assessments/xapi-clients");
        } else if (path.startsWith("/api/assessments/activity-alignments")) {
            probes.add("/api/assessments/activity-alignments");
        } else if (path.startsWith("/api/assessments/learners/") || path.contains("/observations")) {
            probes.add("/api/assessments/learners/" + fuzzLearner + "/attempts");
            probes.add("/api/learners/" + fuzzLearner + "/evidence?limit=1000");
        } else if (path.contains("/attempts") || path.contains("attempts/")) {
            probes.add("/api/assessments/learners/" + fuzzLearner + "/attempts");
            probes.add("/api/assessments/grading-queue");
        } else if (path.startsWith("/api/assessments")) {
            probes.add("/api/assessments?limit=200");
        } else if (path.equals("/api/learners") && fuzzCase.call().body() != null) {
            registeredLearner(fuzzCase).ifPresent(id -> probes.add("/api/learners/" + CaseGenerator.encode(id)));
        } else if (path.startsWith("/api/learners/{learnerId}")) {
            probes.add("/api/learners/" + fuzzLearner);
        } else if (path.startsWith("/api/community/discussions")) {
            probes.add("/api/community/discussions?size=100");
            Matcher discussion = DISCUSSION.matcher(fuzzCase.call().pathAndQuery());
            if (discussion.lookingAt()) {
                probes.add(discussion.group());
            }
        } else if (path.startsWith("/api/community/challenges")) {
            probes.add("/api/community/challenges");
        } else if (path.startsWith("/api/community/notifications")) {
            probes.add("/api/community/notifications?size=100");
            probes.add("/api/community/notifications/settings");
        } else if (path.startsWith("/xapi/") && !path.startsWith("/xapi/statements")) {
            probes.add(fuzzCase.call().pathAndQuery());
        }
        return probes;
    }

    private static java.util.Optional<String> registeredLearner(FuzzCase fuzzCase) {
        try {
            JsonNode body = JSON.readTree(fuzzCase.call().body());
            JsonNode id = body.path("learnerId");
            return id.isString() && !id.asString().isBlank() && id.asString().length() < 1000
                    ? java.util.Optional.of(id.asString()) : java.util.Optional.empty();
        } catch (RuntimeException notJson) {
            return java.util.Optional.empty();
        }
    }

    Reading read(List<String> probes, Map<String, String> extraHeaders) {
        Map<String, String> answers = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>(readHeaders);
        headers.putAll(extraHeaders);
        headers.put("Accept", "application/json");
        for (String probe : probes) {
            RawCall.Answer answer = new RawCall("GET", probe, headers, null).sendTo(gateway);
            // A problem's requestId differs on every call; it says nothing about what is stored.
            answers.put(probe, answer.status() + " total=" + answer.header("x-total-count").orElse("-") + " "
                    + REQUEST_ID.matcher(answer.body()).replaceAll(""));
        }
        return new Reading(answers);
    }

    /**
     * A reading taken once two consecutive readings agree (or {@link #SETTLE} has passed): what an accepted request
     * stores may reach a read model a moment after its answer, and must not be mistaken for what the next request
     * stored.
     */
    Reading settled(List<String> probes, Map<String, String> extraHeaders) {
        if (probes.isEmpty()) {
            return new Reading(Map.of());
        }
        // Settled once unchanged for QUIET: what an accepted write changes in another service arrives through Kafka,
        // later than two quick readings apart.
        AtomicReference<Reading> last = new AtomicReference<>(read(probes, extraHeaders));
        AtomicLong unchangedSince = new AtomicLong(System.nanoTime());
        long deadline = System.nanoTime() + SETTLE.toNanos();
        await("the read models to settle").atMost(SETTLE.plusSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    Reading next = read(probes, extraHeaders);
                    long now = System.nanoTime();
                    if (!next.equals(last.get())) {
                        unchangedSince.set(now);
                    }
                    last.set(next);
                    return now - unchangedSince.get() >= QUIET.toNanos() || now > deadline;
                });
        return last.get();
    }
}
