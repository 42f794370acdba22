package dev.competency.e2e.fuzz;

import static org.awaitility.Awaitility.await;

import dev.competency.e2e.platform.PlatformActivity;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
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
    /** How long what an accepted request caused may take to reach every read model before the case fails. */
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final Duration SETTLE_POLL = Duration.ofMillis(100);
    /** The discussion a call's path is about: {@code /api/community/discussions/{id}}, read back whole. */
    private static final Pattern DISCUSSION = Pattern.compile("/api/community/discussions/[^/?]+");
    private static final java.util.regex.Pattern REQUEST_ID = java.util.regex.Pattern.compile(
            "\"requestId\"\\s*:\\s*\"[^\"]*\"");

    private final URI gateway;
    private final PlatformActivity activity;
    private final Map<String, String> readHeaders;
    private final String fuzzLearner;

    /**
     * @param activity    what the platform still has in flight, awaited before a settled reading
     * @param readHeaders credentials that may read every family (the administrator's)
     * @param fuzzLearner the learner the fuzz run registered, whose attempts and evidence are read back
     */
    StoredState(URI gateway, PlatformActivity activity, Map<String, String> readHeaders, String fuzzLearner) {
        this.gateway = gateway;
        this.activity = activity;
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
     * A reading taken once the platform has nothing in flight: what an accepted request stores may reach a read model
     * (of its own service or, through the broker, of another) a moment after its answer, and must not be mistaken for
     * what the next request stored. Settled when two checks of {@link PlatformActivity#idle()} in a row found every
     * processor and consumer group at the same end, and the readings taken around the second check agree; a case
     * whose platform does not settle within {@link #SETTLE} fails with what was still in flight.
     */
    Reading settled(List<String> probes, Map<String, String> extraHeaders) {
        if (probes.isEmpty()) {
            return new Reading(Map.of());
        }
        AtomicReference<Reading> last = new AtomicReference<>(read(probes, extraHeaders));
        AtomicReference<Optional<String>> lastIdle = new AtomicReference<>(Optional.empty());
        try {
            await("the platform to process what was accepted").atMost(SETTLE).pollDelay(Duration.ZERO)
                    .pollInterval(SETTLE_POLL).until(() -> {
                        Optional<String> idle = activity.idle();
                        Reading next = read(probes, extraHeaders);
                        boolean settled = idle.isPresent() && idle.equals(lastIdle.get()) && next.equals(last.get());
                        lastIdle.set(idle);
                        last.set(next);
                        return settled;
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("The platform did not settle within " + SETTLE + "; last seen in flight: "
                    + (activity.inFlight().isEmpty() ? "nothing (the positions or the readings kept changing)"
                    : activity.inFlight()) + "; last reading: " + last.get(), e);
        }
        return last.get();
    }
}
