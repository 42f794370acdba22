package dev.competency.platform.service.messaging.registry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers JSON Schemas through the Confluent-compatible REST API:
 * {@code POST <url>/subjects/<subject>/versions} with {@code {"schemaType":"JSON","schema":"<schema text>"}}.
 * Registering a schema a subject already has returns its existing id, so registering again is harmless.
 */
class SchemaRegistryClient {

    private static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";

    private final URI baseUrl;
    private final Duration timeout;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    SchemaRegistryClient(String baseUrl, Duration timeout) {
        this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * @return the id the registry gives the schema
     * @throws RegistryUnavailable when the registry cannot be reached or answers with a status worth retrying
     *                             (5xx, 408, 429)
     * @throws RegistryRefused     when the registry refuses the schema (an incompatible change, an invalid schema,
     *                             a wrong URL or missing rights): trying again would not help
     */
    int register(String subject, String schema) throws InterruptedException {
        String body = json.writeValueAsString(json.createObjectNode().put("schemaType", "JSON").put("schema", schema));
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("subjects/"
                        + URLEncoder.encode(subject, StandardCharsets.UTF_8) + "/versions"))
                .timeout(timeout)
                .header("Content-Type", MEDIA_TYPE)
                .header("Accept", MEDIA_TYPE + ", application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RegistryUnavailable(subject + ": " + e, e);
        }
        int status = response.statusCode();
        if (status >= 500 || status == 408 || status == 429) {
            throw new RegistryUnavailable(subject + ": HTTP " + status + " " + message(response.body()), null);
        }
        if (status < 200 || status > 299) {
            throw new RegistryRefused(subject + ": HTTP " + status + " " + message(response.body()));
        }
        try {
            JsonNode id = json.readTree(response.body()).get("id");
            if (id == null || !id.canConvertToInt()) {
                throw new RegistryRefused(subject + ": the answer has no schema id: " + abbreviated(response.body()));
            }
            return id.intValue();
        } catch (JacksonException e) {
            throw new RegistryRefused(subject + ": the answer is not JSON: " + abbreviated(response.body()));
        }
    }

    /** The registry's own error message ({@code {"error_code":..., "message":...}}) where it sends one. */
    private String message(String body) {
        try {
            JsonNode message = json.readTree(body).get("message");
            if (message != null && message.isString()) {
                return message.stringValue();
            }
        } catch (JacksonException e) {
            // Not an error document of the API: report the text itself.
        }
        return abbreviated(body);
    }

    private static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    /** The registry could not be reached or answered with an error that may pass. */
    static final class RegistryUnavailable extends RuntimeException {
        RegistryUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The registry answered, and refused. */
    static final class RegistryRefused extends RuntimeException {
        RegistryRefused(String message) {
            super(message);
        }
    }
}
