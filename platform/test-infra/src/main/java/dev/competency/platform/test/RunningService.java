package dev.competency.platform.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service application started for a test against the shared infrastructure, on a random port, that the test
 * can stop and start again on the same database to check what survives a restart.
 */
public final class RunningService implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final ConfigurableApplicationContext context;

    private RunningService(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts the application on a random port with its event store and read models in {@code database}.
     *
     * @param properties further {@code name=value} settings
     */
    public static RunningService start(Class<?> application, String database, String... properties) {
        TestInfrastructure.Endpoints infrastructure = TestInfrastructure.endpoints();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--spring.mongodb.uri=" + infrastructure.mongoUri(database)));
        TestTokens.serviceProperties().forEach(property -> args.add("--" + property));
        for (String property : properties) {
            args.add("--" + property);
        }
        return new RunningService(new SpringApplicationBuilder(application).run(args.toArray(String[]::new)));
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /**
     * The current state of an event-sourced aggregate, loaded through the service's own Axon repository (named
     * {@code <aggregate>Repository}), that is: sourced from its event store.
     */
    @SuppressWarnings("unchecked")
    public <T> T aggregate(String repositoryBean, String aggregateId) {
        Repository<T> repository = context.getBean(repositoryBean, Repository.class);
        return DefaultUnitOfWork.startAndGet(null)
                .executeWithResult(() -> repository.load(aggregateId).invoke(aggregate -> aggregate))
                .getPayload();
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /**
     * The health of this service as its actuator reports it at {@code path}: the overall status and the status of
     * each component, e.g. {@code {status=UP, mongo=UP, kafka=UP, readinessState=UP}}.
     */
    public Map<String, String> health(String path) {
        JsonNode body = JSON.readTree(get(path).body());
        Map<String, String> statuses = new LinkedHashMap<>();
        statuses.put("status", body.path("status").asString());
        body.path("components").properties().forEach(component ->
                statuses.put(component.getKey(), component.getValue().path("status").asString()));
        return statuses;
    }

    /** A GET on this service without credentials; the body as text. */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .timeout(Duration.ofSeconds(10)).GET().build());
    }

    /** A GET on this service with a bearer token (see {@link TestTokens}); the body as text. */
    public HttpResponse<String> get(String path, String bearerToken) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .header("Authorization", "Bearer " + bearerToken)
                .timeout(Duration.ofSeconds(10)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        String path = request.uri().getPath();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during GET " + path, e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
