package dev.competency.platform.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo activity provider: xAPI credentials (HTTP Basic key and secret) that e-learning content can use against
 * the LRS right away. The LRS shows a secret only once, so the launcher keeps the pair in the data directory
 * ({@value #FILE}) and uses it again after a restart as long as the LRS still accepts it; only then, or on a throw-away
 * run, is a new client registered (as the demo admin, through {@code POST /api/assessments/xapi-clients}).
 *
 * @param key    the client key (the Basic user name)
 * @param secret the client secret (the Basic password)
 */
record DemoXapiClient(String key, String secret) {

    static final String FILE = "demo-xapi-client.json";
    static final String NAME = "Demo activity provider";

    private static final Logger log = LoggerFactory.getLogger(DemoXapiClient.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The stored demo client if the LRS behind {@code gateway} accepts it, else a newly registered one (stored). */
    static DemoXapiClient ensure(URI gateway, Optional<Path> dataDirectory, String adminToken)
            throws InterruptedException {
        Optional<Path> file = dataDirectory.map(directory -> directory.resolve(FILE));
        Optional<DemoXapiClient> stored = file.filter(Files::isRegularFile).map(DemoXapiClient::read);
        if (stored.isPresent() && stored.get().accepted(gateway)) {
            log.info("Demo xAPI client {} reused from {}", stored.get().key(), file.get());
            return stored.get();
        }
        DemoXapiClient client = register(gateway, adminToken);
        file.ifPresent(client::write);
        log.info("Demo xAPI client {} registered", client.key());
        return client;
    }

    /** Whether the LRS accepts these credentials (a one-statement query answers 200). */
    boolean accepted(URI gateway) throws InterruptedException {
        HttpResponse<String> response = DemoData.send(HttpRequest.newBuilder(gateway.resolve("/xapi/statements?limit=1"))
                .header("Authorization", basic())
                .header("X-Experience-API-Version", "2.0.0")
                .timeout(Duration.ofSeconds(30)).GET().build());
        return response.statusCode() == 200;
    }

    /** The value of an {@code Authorization} header with these credentials. */
    String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static DemoXapiClient register(URI gateway, String adminToken) throws InterruptedException {
        HttpResponse<String> response = DemoData.send(HttpRequest.newBuilder(gateway.resolve("/api/assessments/xapi-clients"))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + NAME + "\"}")).build());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Demo data: registering the demo xAPI client answered "
                    + response.statusCode() + ": " + response.body());
        }
        JsonNode created = JSON.readTree(response.body());
        return new DemoXapiClient(created.path("key").asString(), created.path("secret").asString());
    }

    private static DemoXapiClient read(Path file) {
        try {
            JsonNode stored = JSON.readTree(Files.readString(file));
            return new DemoXapiClient(stored.path("key").asString(), stored.path("secret").asString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private void write(Path file) {
        try {
            Files.writeString(file, JSON.writeValueAsString(this));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
