package dev.competency.faults.load;

import static org.awaitility.Awaitility.await;

import dev.competency.faults.platform.GatewayClient;
import dev.competency.faults.platform.GatewayClient.Answer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records evidence continuously through the gateway, the way clients of the platform do: xAPI statements on aligned
 * activities (as the demo activity provider), manual ratings (as the demo assessor) and voiding statements of earlier
 * statements, with a read of another service's API at every step. A statement answered with a 5xx or not answered is
 * sent again, with the same statement id (a PUT of a statement is idempotent), once the {@code Retry-After} it was
 * given (else a second) has passed; a manual rating is not idempotent, so one answered 503 is dropped (the gateway
 * never delivered it) and one answered with another 5xx or not at all is counted as of unknown outcome. What was
 * accepted is kept, to check against what the platform shows.
 */
public final class EvidenceGenerator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EvidenceGenerator.class);
    private static final Duration STEP = Duration.ofMillis(150);
    private static final String ASSESSOR = "assessor-alan";
    private static final String READER = "admin-ada";
    private static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";

    private final GatewayClient api;
    private final Scenario scenario;
    private final Random random;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "evidence-generator");
        thread.setDaemon(true);
        return thread;
    });
    private final Object stepLock = new Object();
    private final Deque<Retry> retries = new ArrayDeque<>();
    private final Map<String, Accepted> accepted = new ConcurrentHashMap<>();
    private final Set<String> voided = ConcurrentHashMap.newKeySet();
    private final List<Answer> refused = new CopyOnWriteArrayList<>();
    private final AtomicInteger unknownOutcomes = new AtomicInteger();
    private final AtomicInteger resent = new AtomicInteger();
    private volatile boolean paused = true;

    /**
     * What the generator records evidence on: the demo learners, the competencies with an aligned xAPI activity each,
     * and the framework version with its level codes for manual ratings.
     */
    public record Scenario(List<String> learners, Map<String, String> activityByCompetency, String frameworkId,
                           int frameworkVersion, List<String> levelCodes, String learnerHomePage) {
    }

    /** Evidence the platform accepted: its id as assessments derives it, and where it came from. */
    public record Accepted(String evidenceId, String learnerId, String competencyId, String sourceType,
                           String statementId) {
    }

    private record Retry(Kind kind, String statementId, Map<String, Object> statement, Accepted evidence,
                         Instant notBefore) {
    }

    private enum Kind { STATEMENT, VOID }

    public EvidenceGenerator(GatewayClient api, Scenario scenario, long seed) {
        this.api = api;
        this.scenario = scenario;
        this.random = new Random(seed);
        executor.scheduleWithFixedDelay(this::step, 0, STEP.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts or resumes recording. */
    public void resume() {
        paused = false;
    }

    /**
     * Stops recording new evidence and returns once every write that was answered 503 or not at all has been sent
     * again until answered (the quiet period's start): from then on, {@link #accepted()} no longer changes.
     */
    public void quiesce(Duration atMost) {
        paused = true;
        await("the generator's pending writes").atMost(atMost).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    synchronized (stepLock) {
                        return retries.isEmpty();
                    }
                });
    }

    /** Evidence accepted so far, by evidence id. */
    public Map<String, Accepted> accepted() {
        return Map.copyOf(accepted);
    }

    /** Evidence ids whose voiding statement was accepted. */
    public Set<String> voided() {
        return Set.copyOf(voided);
    }

    /** Writes answered with a 4xx status: a valid write the platform refuses is a defect. */
    public List<Answer> refused() {
        return List.copyOf(refused);
    }

    /** Manual ratings that got no answer: the platform may or may not have stored them. */
    public int unknownOutcomes() {
        return unknownOutcomes.get();
    }

    /** Writes sent again after a 503 or no answer. */
    public int resent() {
        return resent.get();
    }

    private void step() {
        synchronized (stepLock) {
            try {
                sendDueRetries();
                if (!paused) {
                    double dice = random.nextDouble();
                    if (dice < 0.70) {
                        recordStatement(Instant.now().minus(random.nextInt(72 * 60), ChronoUnit.MINUTES));
                    } else if (dice < 0.82) {
                        rate();
                    } else {
                        voidSomeStatement();
                    }
                    read();
                }
            } catch (RuntimeException e) {
                log.warn("Generator step failed: {}", e.toString());
            }
        }
    }

    /** A new statement for a random learner and competency, not sent yet: the evidence it will be once accepted. */
    public Accepted planStatement() {
        synchronized (stepLock) {
            String learner = pick(scenario.learners());
            String competency = pick(List.copyOf(scenario.activityByCompetency().keySet()));
            String statementId = UUID.randomUUID().toString();
            return new Accepted(statementEvidenceId(statementId, competency), learner, competency, "XAPI",
                    statementId);
        }
    }

    /** Records one xAPI statement for a random learner and competency, occurring at {@code occurredAt}. */
    public Accepted recordStatement(Instant occurredAt) {
        return recordStatement(planStatement(), occurredAt);
    }

    /**
     * Sends the planned statement, occurring at {@code occurredAt}; it is sent again later if the platform answers
     * 503 or not at all.
     */
    public Accepted recordStatement(Accepted evidence, Instant occurredAt) {
        synchronized (stepLock) {
            send(new Retry(Kind.STATEMENT, evidence.statementId(), statement(evidence, occurredAt), evidence,
                    Instant.now()));
            return evidence;
        }
    }

    private Map<String, Object> statement(Accepted evidence, Instant occurredAt) {
        String learner = evidence.learnerId();
        String competency = evidence.competencyId();
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("actor", Map.of("objectType", "Agent",
                "account", Map.of("homePage", scenario.learnerHomePage(), "name", learner)));
        statement.put("verb", Map.of("id", "http://adlnet.gov/expapi/verbs/passed", "display", Map.of("en-US", "passed")));
        statement.put("object", Map.of("objectType", "Activity", "id", scenario.activityByCompetency().get(competency)));
        statement.put("result", Map.of("score", Map.of("scaled", Math.round((0.3 + 0.7 * random.nextDouble()) * 100)
                / 100.0), "success", true));
        statement.put("timestamp", occurredAt.truncatedTo(ChronoUnit.MILLIS).toString());
        return statement;
    }

    /** Sends a voiding statement for the statement with this id, as a new statement. */
    public void voidStatement(String targetStatementId, Accepted evidence) {
        synchronized (stepLock) {
            voided.add(evidence.evidenceId());
            sendVoid(targetStatementId, evidence);
        }
    }

    private void sendVoid(String targetStatementId, Accepted evidence) {
        String statementId = UUID.randomUUID().toString();
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("actor", Map.of("objectType", "Agent",
                "account", Map.of("homePage", scenario.learnerHomePage(), "name", evidence.learnerId())));
        statement.put("verb", Map.of("id", VOIDED, "display", Map.of("en-US", "voided")));
        statement.put("object", Map.of("objectType", "StatementRef", "id", targetStatementId));
        send(new Retry(Kind.VOID, statementId, statement, evidence, Instant.now()));
    }

    private void voidSomeStatement() {
        List<Accepted> candidates = accepted.values().stream()
                .filter(evidence -> "XAPI".equals(evidence.sourceType()) && !voided.contains(evidence.evidenceId()))
                .sorted(Comparator.comparing(Accepted::evidenceId))
                .toList();
        if (candidates.isEmpty()) {
            return;
        }
        Accepted target = pick(candidates);
        voidStatement(target.statementId(), target);
    }

    private void send(Retry write) {
        Answer answer = api.putStatement(write.statementId(), write.statement());
        if (answer.ok()) {
            if (write.kind() == Kind.STATEMENT) {
                accepted.put(write.evidence().evidenceId(), write.evidence());
            } else {
                voided.add(write.evidence().evidenceId());
            }
        } else if (answer.retryable() || answer.status() >= 500) {
            long seconds = answer.retryAfter().map(Long::parseLong).orElse(1L);
            retries.add(new Retry(write.kind(), write.statementId(), write.statement(), write.evidence(),
                    Instant.now().plusSeconds(Math.min(seconds, 5))));
        } else {
            refused.add(answer);
            if (write.kind() == Kind.VOID) {
                voided.remove(write.evidence().evidenceId());
            }
        }
    }

    private void sendDueRetries() {
        Instant now = Instant.now();
        List<Retry> due = new ArrayList<>();
        retries.removeIf(retry -> !retry.notBefore().isAfter(now) && due.add(retry));
        for (Retry retry : due) {
            resent.incrementAndGet();
            send(retry);
        }
    }

    private void rate() {
        String learner = pick(scenario.learners());
        String competency = pick(List.copyOf(scenario.activityByCompetency().keySet()));
        Answer answer = api.send(ASSESSOR, "POST", "/api/assessments/learners/" + learner + "/ratings", Map.of(
                "frameworkId", scenario.frameworkId(), "frameworkVersion", scenario.frameworkVersion(),
                "competencyId", competency, "level", pick(scenario.levelCodes()),
                "reason", "Observed during the fault-injection run"));
        if (answer.ok()) {
            String ratingId = answer.json().path("ratingId").asString();
            String evidenceId = uuid("rating:" + ratingId + ":" + competency);
            accepted.put(evidenceId, new Accepted(evidenceId, learner, competency, "MANUAL_RATING", null));
        } else if (answer.status() == 0 || answer.status() >= 500 && answer.status() != 503) {
            unknownOutcomes.incrementAndGet();
        } else if (answer.status() != 503) {
            refused.add(answer);
        }
    }

    private void read() {
        String learner = pick(scenario.learners());
        switch (random.nextInt(3)) {
            case 0 -> api.send(READER, "GET", "/api/learners/" + learner + "/mastery", null);
            case 1 -> api.send(READER, "GET", "/api/analytics/evidence/sources", null);
            default -> api.send(READER, "GET", "/api/frameworks/" + scenario.frameworkId(), null);
        }
    }

    private <T> T pick(Collection<T> values) {
        List<T> list = List.copyOf(values);
        return list.get(random.nextInt(list.size()));
    }

    /** The evidence id assessments gives a statement's evidence on a competency. */
    public static String statementEvidenceId(String statementId, String competencyId) {
        return uuid("statement:" + statementId + ":" + competencyId);
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public void close() {
        paused = true;
        executor.shutdownNow();
    }
}
