package dev.competency.gateway;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Sends requests from another loopback address (127.0.0.2, 127.0.0.3, …: on Linux the whole 127/8 is this machine),
 * so a test that spends an address's rate-limit budget leaves 127.0.0.1, which the other tests use, untouched.
 */
final class FromAddress {

    private FromAddress() {
    }

    /** An answer: status, headers, body. */
    record Answer(int status, HttpHeaders headers, String body) {
    }

    /** Sends {@code count} {@code GET path} at once, each on its own connection, and returns the answers in order. */
    static List<Answer> get(String from, int port, String path, int count,
                            Consumer<io.netty.handler.codec.http.HttpHeaders> headers) {
        HttpClient client = HttpClient.create(ConnectionProvider.newConnection())
                .bindAddress(() -> new InetSocketAddress(from, 0))
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .headers(headers);
        return Flux.range(0, count)
                .flatMapSequential(i -> client.get().uri(path)
                        .responseSingle((response, body) -> body.asString().defaultIfEmpty("")
                                .map(text -> new Answer(response.status().code(), toSpring(response.responseHeaders()),
                                        text))), count)
                .collectList()
                .block(Duration.ofSeconds(90));
    }

    static List<Answer> get(String from, int port, String path, int count) {
        return get(from, port, path, count, headers -> {
        });
    }

    private static HttpHeaders toSpring(io.netty.handler.codec.http.HttpHeaders netty) {
        HttpHeaders headers = new HttpHeaders();
        for (Map.Entry<String, String> entry : netty) {
            headers.add(entry.getKey(), entry.getValue());
        }
        return headers;
    }
}
