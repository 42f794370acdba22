package dev.competency.platform.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one-command local run: everything starts from the built jars, reports UP, and stops cleanly. */
class LocalPlatformIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void startsEveryApplicationHealthy_andStopsThemAll() throws Exception {
        LaunchOptions options = new LaunchOptions(Optional.empty(), 0, 0, 0, 0, false,
                LocalPlatform.repositoryRoot());
        Map<String, Long> processIds;
        try (LocalPlatform platform = LocalPlatform.start(options)) {
            assertThat(platform.healthEndpoints()).containsOnlyKeys("frameworks", "assessments",
                    "learner-profiles", "analytics", "gateway");
            for (URI health : platform.healthEndpoints().values()) {
                HttpResponse<String> response = get(health);
                assertThat(response.statusCode()).as(health.toString()).isEqualTo(200);
                assertThat(response.body()).as(health.toString()).contains("\"status\":\"UP\"");
            }
            assertThat(get(platform.gatewayUrl().resolve("/index.html")).body()).contains("Competency platform");
            DemoData.load(platform.kafkaBootstrapServers());
            processIds = platform.processIds();
            assertThat(processIds.values()).allSatisfy(pid ->
                    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true));
        }
        assertThat(processIds.values()).allSatisfy(pid ->
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse());
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
