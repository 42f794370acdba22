package dev.competency.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * A test client that opens a new connection for every request. Reactor Netty 1.3.6's server can stop reading a
 * keep-alive connection after a queued request completed synchronously (reactor/reactor-netty#4361, fixed after
 * 1.3.8), which stalled a test's third sequential request until the client gave up. The gateway README lists the
 * issue under known limits.
 */
final class FreshConnections {

    private FreshConnections() {
    }

    /** A port nothing listens on right now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static WebTestClient client(int port) {
        HttpClient unpooled = HttpClient.create(ConnectionProvider.newConnection());
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(unpooled))
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }
}
