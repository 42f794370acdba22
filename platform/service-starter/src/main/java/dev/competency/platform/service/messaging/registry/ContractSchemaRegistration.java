package dev.competency.platform.service.messaging.registry;

import dev.competency.contracts.EventCatalog;
import dev.competency.contracts.EventCatalog.EventDescriptor;
import dev.competency.platform.service.messaging.registry.SchemaRegistryClient.RegistryRefused;
import dev.competency.platform.service.messaging.registry.SchemaRegistryClient.RegistryUnavailable;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

/**
 * Registers the JSON Schema of every event type this service publishes in a schema registry, in the background once
 * the service starts: start-up never waits for the registry and the service keeps running whatever it answers.
 *
 * <p>Subjects follow the topic-record strategy, {@code <topic>-<ce_type>} (for example
 * {@code competency.mastery.v1-mastery.changed}): a topic carries several event types, each with its own schema and
 * its own compatibility history, so neither one subject per topic nor one per record type alone fits.
 *
 * <p>Attempts that fail on the way (the registry unreachable, 5xx, 408, 429) are retried for the subjects still
 * missing, with exponential backoff, until {@code give-up-after}. A refusal (409 incompatible, 422 invalid, other
 * 4xx) is not retried: it is logged as an error and shown in the health details. The health component
 * {@code schemaRegistry} is UP once every subject is registered and UNKNOWN until then or after a failure, which
 * leaves the service's overall status and its probes as they are; the gauge {@code platform.schema.registry.subjects}
 * counts subjects by {@code state} (registered, pending, failed).
 */
public class ContractSchemaRegistration implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(ContractSchemaRegistration.class);

    enum State { PENDING, REGISTERED, FAILED }

    private record Outcome(State state, String detail) {
    }

    private final SchemaRegistryClient client;
    private final SchemaRegistryProperties properties;
    private final Map<String, String> schemasBySubject;
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    private volatile Thread worker;

    ContractSchemaRegistration(SchemaRegistryClient client, SchemaRegistryProperties properties) {
        this.client = client;
        this.properties = properties;
        this.schemasBySubject = schemasOf(properties.topics());
        schemasBySubject.keySet().forEach(subject -> outcomes.put(subject, new Outcome(State.PENDING, null)));
    }

    /** The subject name of an event type: {@code <topic>-<ce_type>}. */
    static String subject(EventDescriptor descriptor) {
        return descriptor.topic() + "-" + descriptor.type();
    }

    private static Map<String, String> schemasOf(List<String> topics) {
        Map<String, String> schemas = new LinkedHashMap<>();
        for (String topic : topics) {
            for (EventDescriptor descriptor : EventCatalog.byTopic(topic)) {
                schemas.put(subject(descriptor), resource(descriptor.schemaResource()));
            }
        }
        return schemas;
    }

    private static String resource(String name) {
        try (InputStream in = ContractSchemaRegistration.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("No contract schema on the class path at " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }

    void bindMetrics(MeterRegistry registry) {
        for (State state : State.values()) {
            Gauge.builder("platform.schema.registry.subjects", this, r -> r.count(state))
                    .description("Contract schemas of this service's event types, by registration state")
                    .tag("state", state.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
    }

    private long count(State state) {
        return outcomes.values().stream().filter(o -> o.state() == state).count();
    }

    @Override
    public void start() {
        if (schemasBySubject.isEmpty()) {
            log.info("Schema registry configured; this service publishes no contract events, nothing to register");
            return;
        }
        Thread thread = new Thread(this::registerAll, "schema-registration");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = worker;
        worker = null;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    private void registerAll() {
        RetryPolicy policy = RetryPolicy.builder()
                .maxRetries(Long.MAX_VALUE)
                .delay(properties.retryDelay())
                .multiplier(2)
                .maxDelay(properties.maxRetryDelay())
                .timeout(properties.giveUpAfter())
                .includes(RegistryUnavailable.class)
                .build();
        try {
            new RetryTemplate(policy).execute(() -> {
                registerPending();
                return null;
            });
        } catch (RetryException e) {
            if (e.getLastException() instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
                log.info("Schema registration stopped with the service");
                return;
            }
            String reason = e.getLastException() == null ? e.getMessage() : e.getLastException().getMessage();
            outcomes.replaceAll((subject, outcome) -> outcome.state() == State.PENDING
                    ? new Outcome(State.FAILED, "gave up after " + properties.giveUpAfter() + ": " + reason)
                    : outcome);
            log.error("Gave up registering contract schemas at {} after {}; still missing: {}. Last failure: {}",
                    properties.url(), properties.giveUpAfter(), subjectsIn(State.FAILED), reason);
        } finally {
            worker = null;
        }
    }

    /** One attempt at every subject still pending. */
    private void registerPending() throws InterruptedException {
        RegistryUnavailable unavailable = null;
        for (Map.Entry<String, String> entry : schemasBySubject.entrySet()) {
            String subject = entry.getKey();
            if (outcomes.get(subject).state() != State.PENDING) {
                continue;
            }
            try {
                int id = client.register(subject, entry.getValue());
                outcomes.put(subject, new Outcome(State.REGISTERED, "id " + id));
                log.info("Registered the schema of {} as id {}", subject, id);
            } catch (RegistryRefused e) {
                outcomes.put(subject, new Outcome(State.FAILED, e.getMessage()));
                log.error("The schema registry refused the schema of {}", e.getMessage());
            } catch (RegistryUnavailable e) {
                log.warn("Schema registry at {} not available, will retry: {}", properties.url(), e.getMessage());
                unavailable = e;
                break;
            }
        }
        if (unavailable != null) {
            throw unavailable;
        }
    }

    private List<String> subjectsIn(State state) {
        return outcomes.entrySet().stream().filter(e -> e.getValue().state() == state).map(Map.Entry::getKey)
                .sorted().toList();
    }

    @Override
    public Health health() {
        Map<String, Object> subjects = new LinkedHashMap<>();
        schemasBySubject.keySet().forEach(subject -> {
            Outcome outcome = outcomes.get(subject);
            subjects.put(subject, outcome.detail() == null ? outcome.state().name()
                    : outcome.state() + ": " + outcome.detail());
        });
        Health.Builder builder = count(State.REGISTERED) == schemasBySubject.size() ? Health.up() : Health.unknown();
        return builder.withDetail("url", properties.url()).withDetail("subjects", subjects).build();
    }
}
