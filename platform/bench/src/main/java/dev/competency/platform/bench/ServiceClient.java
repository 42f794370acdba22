package dev.competency.platform.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP calls to the service under test with an ADMIN bearer token. */
final class ServiceClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final Supplier<String> adminToken;

    /** @param adminToken a token per request: one minted by the bench expires after ten minutes, a run may not */
    ServiceClient(String baseUrl, Supplier<String> adminToken) {
        this.baseUrl = baseUrl;
        this.adminToken = adminToken;
    }

    /** GET with the admin token; fails unless the answer is 2xx. */
    String get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /**
     * GET with the admin token, the answer read to its last byte and dropped; fails unless it is 2xx. For timed
     * reads: decoding a large answer into a string would add the bench's own work and garbage to the time.
     *
     * @return the length of the answer in bytes
     */
    long fetch(String path) {
        long[] length = {0};
        send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), answer -> answer.statusCode() / 100 == 2
                ? HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArrayConsumer(
                        chunk -> chunk.ifPresent(bytes -> length[0] += bytes.length)), dropped -> "")
                : HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8));
        return length[0];
    }

    JsonNode getJson(String path) {
        return JSON.readTree(get(path));
    }

    JsonNode postJson(String path) {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .POST(HttpRequest.BodyPublishers.noBody())));
    }

    private String send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends with the admin token; the body of an answer that is not 2xx is its error's message. */
    private String send(HttpRequest.Builder request, HttpResponse.BodyHandler<String> body) {
        HttpRequest built = request.header("Authorization", "Bearer " + adminToken.get())
                .timeout(Duration.ofSeconds(60)).build();
        try {
            HttpResponse<String> response = http.send(built, body);
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(built.method() + " " + built.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + built.uri(), e);
        }
    }
}
