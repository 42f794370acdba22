package dev.competency.platform.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP requests to a service under test on this host, with the credentials and headers a test chooses: a bearer
 * token, HTTP Basic, the xAPI version header.
 */
public final class ServiceHttp {

    /** The mapper the responses are read with, for tests that read or write JSON themselves. */
    public static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Duration timeout = Duration.ofSeconds(30);

    public ServiceHttp(int port) {
        this.port = port;
    }

    public ServiceHttp bearer(String token) {
        headers.put("Authorization", "Bearer " + token);
        return this;
    }

    public ServiceHttp basic(String key, String secret) {
        headers.put("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    public ServiceHttp xapi() {
        return header("X-Experience-API-Version", "2.0.0");
    }

    public ServiceHttp header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** How long a request may take (30 s unless set). */
    public ServiceHttp timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    public ServiceHttp without(String name) {
        headers.remove(name);
        return this;
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    public HttpResponse<String> post(String path, String json) {
        return send("POST", path, json);
    }

    public HttpResponse<String> put(String path, String json) {
        return send("PUT", path, json);
    }

    public HttpResponse<String> delete(String path) {
        return send("DELETE", path, null);
    }

    public JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** The response body as JSON (a null node when empty), after checking the status. */
    public JsonNode expect(int status, HttpResponse<String> response) {
        expectStatus(status, response);
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    /** The response itself, after checking the status. */
    public HttpResponse<String> expectStatus(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new AssertionError("Expected " + status + " but got " + response.statusCode() + " for "
                    + response.request().method() + " " + response.uri() + ": " + response.body());
        }
        return response;
    }

    public HttpResponse<String> send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(timeout)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method + " " + path, e);
        }
    }
}
