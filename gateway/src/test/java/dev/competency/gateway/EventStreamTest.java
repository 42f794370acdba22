package dev.competency.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.util.function.Tuple2;

/**
 * The community service's live notifications (Server-Sent Events) pass through the gateway as they are written, past
 * the community route's response timeout (1 s in these tests; the stand-in stream lasts 1.6 s).
 */
class EventStreamTest extends LocalGatewayTest {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT =
            new ParameterizedTypeReference<>() { };

    @Test
    void streamsEachEventAsWritten_whenStreamOutlastsTheRouteResponseTimeout() {
        WebClient client = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())))
                .baseUrl("http://127.0.0.1:" + port).build();

        List<Tuple2<Long, ServerSentEvent<String>>> received = client.get()
                .uri("/api/community/notifications/stream")
                .headers(h -> h.setBearerAuth(tokens().valid("LEARNER")))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchangeToFlux(response -> {
                    assertThat(response.statusCode().value()).isEqualTo(200);
                    assertThat(response.headers().contentType()).hasValueSatisfying(type ->
                            assertThat(type.isCompatibleWith(MediaType.TEXT_EVENT_STREAM)).isTrue());
                    return response.bodyToFlux(EVENT);
                })
                .elapsed()
                .collectList()
                .block(Duration.ofSeconds(10));

        assertThat(received).extracting(entry -> entry.getT2().data())
                .containsExactly("community first", null, "community last");
        assertThat(received.get(1).getT2().comment()).isEqualTo("heartbeat");
        assertThat(received.get(0).getT2().event()).isEqualTo("notification");
        // The first event arrives when the service writes it, not when the stream ends (no buffering), and the
        // stream runs past the route's 1 s response timeout to its end.
        long firstToLast = received.get(1).getT1() + received.get(2).getT1();
        assertThat(firstToLast).isGreaterThan(StandInBackends.STREAM_DURATION.toMillis() - 400);
        assertThat(StandInBackends.hits("/api/community/notifications/stream")).isEqualTo(1);
    }

    @Test
    void answersGatewayTimeoutProblem_whenOtherCommunityRequestIsTooSlow() {
        client().get().uri("/api/community/discussions/slow").headers(h -> h.setBearerAuth(tokens().valid("LEARNER")))
                .exchange()
                .expectStatus().isEqualTo(504)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/gateway-timeout")
                .jsonPath("$.detail").isEqualTo("The community service did not answer in time");
    }
}
