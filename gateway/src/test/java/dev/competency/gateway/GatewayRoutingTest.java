package dev.competency.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Each public path reaches the service that owns it, with path and query unchanged. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingTest {

    private static final Map<String, HttpServer> BACKENDS = Map.of(
            "frameworks", backend("frameworks"),
            "assessments", backend("assessments"),
            "learner-profiles", backend("learner-profiles"),
            "analytics", backend("analytics"));

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("FRAMEWORKS_URL", () -> url("frameworks"));
        registry.add("ASSESSMENTS_URL", () -> url("assessments"));
        registry.add("LEARNER_PROFILES_URL", () -> url("learner-profiles"));
        registry.add("ANALYTICS_URL", () -> url("analytics"));
    }

    @AfterAll
    static void stopBackends() {
        BACKENDS.values().forEach(server -> server.stop(0));
    }

    @ParameterizedTest
    @CsvSource({
            "/api/frameworks/fw-1/versions/2, frameworks",
            "/ims/case/v1p0/CFDocuments, frameworks",
            "/api/assessments/as-1, assessments",
            "/xapi/statements?verb=http%3A%2F%2Fadlnet.gov%2Fexpapi%2Fverbs%2Fpassed, assessments",
            "/api/learners/learner-1/mastery, learner-profiles",
            "/api/teams/team-7, learner-profiles",
            "/api/analytics/heatmap?teamId=team-7, analytics"})
    void routesPathToOwningService(String path, String service) {
        client().get().uri(URI.create("http://127.0.0.1:" + port + path)).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo(service + " " + path);
    }

    @Test
    void servesPortalAtRoot() {
        client().get().uri("/index.html").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("Competency platform"));
    }

    @Test
    void answersNotFound_whenNoRouteMatches() {
        client().get().uri("/internal/admin").exchange().expectStatus().isNotFound();
    }

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    private static String url(String name) {
        return "http://127.0.0.1:" + BACKENDS.get(name).getAddress().getPort();
    }

    private static HttpServer backend(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = (name + " " + exchange.getRequestURI().getRawPath()
                        + (exchange.getRequestURI().getRawQuery() == null ? ""
                        : "?" + exchange.getRequestURI().getRawQuery())).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
