package dev.competency.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** The correlation id reaches the service and comes back to the caller, on success and on errors. */
class RequestIdTest extends LocalGatewayTest {

    @Test
    void forwardsAndEchoesRequestId_whenCallerSendsOne() {
        client().get().uri("/api/teams/team-7").header("X-Request-Id", "portal-1234.abc")
                .headers(h -> h.setBearerAuth(tokens().valid("MANAGER")))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Seen-Request-Id", "portal-1234.abc")
                .expectHeader().valuesMatch("X-Request-Id", "portal-1234.abc");
    }

    @Test
    void generatesRequestId_whenCallerSendsNone() {
        EntityExchangeResult<byte[]> result = client().get().uri("/api/teams/team-7")
                .headers(h -> h.setBearerAuth(tokens().valid("MANAGER")))
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult();
        String seen = result.getResponseHeaders().getFirst("X-Seen-Request-Id");
        assertThat(seen).matches("[0-9a-f-]{36}");
        assertThat(result.getResponseHeaders().get("X-Request-Id")).containsExactly(seen);
    }

    @Test
    void replacesRequestId_whenMalformed() {
        EntityExchangeResult<byte[]> result = client().get().uri("/api/teams/team-7")
                .header("X-Request-Id", "<script>alert(1)</script>")
                .headers(h -> h.setBearerAuth(tokens().valid("MANAGER")))
                .exchange()
                .expectBody().returnResult();
        assertThat(result.getResponseHeaders().getFirst("X-Seen-Request-Id"))
                .isEqualTo(result.getResponseHeaders().getFirst("X-Request-Id"))
                .doesNotContain("<");
    }

    @Test
    void echoesRequestId_whenTheGatewayAnswersAnError() {
        client().get().uri("/api/teams/team-7").header("X-Request-Id", "unauth-42").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("X-Request-Id", "unauth-42")
                .expectBody().jsonPath("$.requestId").isEqualTo("unauth-42");
    }

    @Test
    void logsRequestWithItsId_whenAnsweredWithSuccessOrError() {
        Logger accessLog = (Logger) LoggerFactory.getLogger("dev.competency.gateway.access");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        accessLog.addAppender(lines);
        try {
            client().get().uri("/api/teams/team-7?agent=someone@example.com").header("X-Request-Id", "logged-1")
                    .headers(h -> h.setBearerAuth(tokens().valid("MANAGER")))
                    .exchange().expectStatus().isOk();
            client().get().uri("/api/teams/team-7").header("X-Request-Id", "logged-2")
                    .exchange().expectStatus().isUnauthorized();

            // The line is written when the exchange completes, which may be just after the client has its answer.
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(snapshot(lines))
                    .extracting(RequestIdTest::keyValues)
                    .anySatisfy(line -> assertThat(line).containsEntry("requestId", "logged-1")
                            .containsEntry("status", "200").containsEntry("path", "/api/teams/team-7"))
                    .anySatisfy(line -> assertThat(line).containsEntry("requestId", "logged-2")
                            .containsEntry("status", "401")));
            assertThat(snapshot(lines)).extracting(ILoggingEvent::getFormattedMessage)
                    .noneMatch(message -> message.contains("example.com"));
        } finally {
            accessLog.detachAppender(lines);
        }
    }

    /** Appending is synchronised on the appender, so copying under its lock sees whole events only. */
    private static List<ILoggingEvent> snapshot(ListAppender<ILoggingEvent> appender) {
        synchronized (appender) {
            return new ArrayList<>(appender.list);
        }
    }

    private static Map<String, String> keyValues(ILoggingEvent event) {
        return event.getKeyValuePairs() == null ? Map.of() : event.getKeyValuePairs().stream()
                .collect(Collectors.toMap(pair -> pair.key, pair -> String.valueOf(pair.value)));
    }
}
