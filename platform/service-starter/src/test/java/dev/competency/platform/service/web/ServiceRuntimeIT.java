package dev.competency.platform.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.platform.service.StarterService;
import dev.competency.platform.test.RunningService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What every service gets from the starter: probes, metrics and a correlation id on every request. */
class ServiceRuntimeIT {

    private static RunningService service;

    @BeforeAll
    static void start() {
        service = StarterService.get();
    }

    @Test
    void countsDatabaseButNotBrokerForReadiness_whenProbed() {
        assertThat(service.health("/actuator/health/readiness"))
                .containsOnlyKeys("status", "readinessState", "mongo")
                .containsEntry("status", "UP");
        assertThat(service.health("/actuator/health"))
                .containsEntry("mongo", "UP")
                .containsEntry("kafka", "UP");
        assertThat(service.health("/actuator/health/liveness"))
                .containsOnlyKeys("status", "livenessState")
                .containsEntry("status", "UP");
    }

    @Test
    void tagsPrometheusMetricsWithTheApplication_whenScraped() {
        HttpResponse<String> metrics = service.get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes{").contains("application=\"starter-test\"");
    }

    @Test
    void echoesTheRequestId_whenTheCallerSendsOne_andIssuesOneOtherwise() throws Exception {
        assertThat(requestIdFor("trace-42.abc")).isEqualTo("trace-42.abc");
        assertThat(requestIdFor(null)).matches("[0-9a-f-]{36}");
        assertThat(requestIdFor("bad id\twith spaces")).matches("[0-9a-f-]{36}");
    }

    private static String requestIdFor(String sent) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + service.port() + "/actuator/health/liveness"));
        if (sent != null) {
            request.header(RequestIdFilter.HEADER, sent);
        }
        HttpResponse<Void> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.discarding());
        return response.headers().firstValue(RequestIdFilter.HEADER).orElseThrow();
    }
}
