package dev.competency.platform.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo xAPI client against a stand-in for the gateway's client registration and statements resource. */
class DemoXapiClientTest {

    private final AtomicInteger registrations = new AtomicInteger();
    private final Set<String> acceptedAuthorizations = new HashSet<>();
    private HttpServer gateway;
    private URI url;

    @BeforeEach
    void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/api/assessments/xapi-clients", exchange -> {
            int n = registrations.incrementAndGet();
            DemoXapiClient client = new DemoXapiClient("key-" + n, "secret-" + n);
            acceptedAuthorizations.add(client.basic());
            answer(exchange, 201, "{\"key\":\"" + client.key() + "\",\"secret\":\"" + client.secret() + "\"}");
        });
        gateway.createContext("/xapi/statements", exchange -> answer(exchange,
                acceptedAuthorizations.contains(exchange.getRequestHeaders().getFirst("Authorization")) ? 200 : 401,
                "{\"statements\":[],\"more\":\"\"}"));
        gateway.start();
        url = URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + "/");
    }

    @AfterEach
    void stopGateway() {
        gateway.stop(0);
    }

    @Test
    void reusesStoredCredentials_whenPlatformRestartsWithTheSameDataDirectory(@TempDir Path data) throws Exception {
        DemoXapiClient first = DemoXapiClient.ensure(url, Optional.of(data), "admin-token");
        DemoXapiClient afterRestart = DemoXapiClient.ensure(url, Optional.of(data), "admin-token");

        assertThat(afterRestart).isEqualTo(first);
        assertThat(registrations).hasValue(1);
        assertThat(Files.readString(data.resolve(DemoXapiClient.FILE))).contains(first.key(), first.secret());
    }

    @Test
    void registersNewClient_whenStoredCredentialsAreNoLongerAccepted(@TempDir Path data) throws Exception {
        DemoXapiClient first = DemoXapiClient.ensure(url, Optional.of(data), "admin-token");
        acceptedAuthorizations.remove(first.basic());

        DemoXapiClient second = DemoXapiClient.ensure(url, Optional.of(data), "admin-token");

        assertThat(second.key()).isNotEqualTo(first.key());
        assertThat(second.accepted(url)).isTrue();
        assertThat(DemoXapiClient.ensure(url, Optional.of(data), "admin-token")).isEqualTo(second);
        assertThat(registrations).hasValue(2);
    }

    @Test
    void registersEveryTime_whenRunHasNoDataDirectory() throws Exception {
        DemoXapiClient.ensure(url, Optional.empty(), "admin-token");
        DemoXapiClient.ensure(url, Optional.empty(), "admin-token");

        assertThat(registrations).hasValue(2);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
