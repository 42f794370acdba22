package dev.competency.platform.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP calls to the learner-profiles service with an ADMIN bearer token. */
final class ServiceClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Where {@link #fetch} drops answers; the timed reads are sequential. */
    private final byte[] drain = new byte[64 * 1024];
    private final String baseUrl;
    private final Supplier<String> adminToken;

    /** @param adminToken a token per request: one minted by the bench expires after ten minutes, a run may not */
    ServiceClient(String baseUrl, Supplier<String> adminToken) {
        this.baseUrl = baseUrl;
        this.adminToken = adminToken;
    }

    boolean isHealthy() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && "UP".equals(JSON.readTree(response.body()).path("status").asString());
        } catch (IOException | JacksonException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
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
        HttpRequest built = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + adminToken.get()).timeout(Duration.ofSeconds(60)).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(built, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw new IllegalStateException("GET " + built.uri() + " answered " + response.statusCode() + ": "
                            + new String(body.readAllBytes(), StandardCharsets.UTF_8));
                }
                long length = 0;
                for (int read = body.read(drain); read >= 0; read = body.read(drain)) {
                    length += read;
                }
                return length;
            }
        } catch (IOException e) {
            throw new IllegalStateException("GET " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + built.uri(), e);
        }
    }

    JsonNode getJson(String path) {
        return JSON.readTree(get(path));
    }

    JsonNode postJson(String path) {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .POST(HttpRequest.BodyPublishers.noBody())));
    }

    private String send(HttpRequest.Builder request) {
        HttpRequest built = request.header("Authorization", "Bearer " + adminToken.get())
                .timeout(Duration.ofSeconds(60)).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
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
