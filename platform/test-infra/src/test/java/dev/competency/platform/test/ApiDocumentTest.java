package dev.competency.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

class ApiDocumentTest {

    private static final ApiDocument DOCUMENT = ApiDocument.of("""
            {
              "openapi": "3.1.0",
              "info": {"title": "things", "version": "1"},
              "paths": {
                "/things/{id}": {
                  "get": {
                    "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                    "responses": {
                      "200": {"description": "the thing", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/Thing"}}}},
                      "404": {"description": "none", "content": {"application/problem+json": {
                        "schema": {"$ref": "#/components/schemas/Problem"}}}}
                    }
                  }
                },
                "/things/special": {
                  "get": {
                    "responses": {"204": {"description": "nothing"}}
                  }
                }
              },
              "components": {
                "schemas": {
                  "Thing": {"type": "object", "required": ["id", "size"],
                    "properties": {"id": {"type": "string"}, "size": {"type": "integer"},
                      "note": {"type": ["string", "null"]}}},
                  "Problem": {"type": "object", "required": ["type", "status"],
                    "properties": {"type": {"type": "string"}, "status": {"type": "integer"}}}
                }
              }
            }
            """);

    @Test
    void acceptsResponse_whenBodyMatchesTheOperationsSchema() {
        assertThat(DOCUMENT.violations(response("/things/a1", 200, "application/json",
                "{\"id\": \"a1\", \"size\": 3, \"note\": null}"))).isEmpty();
        assertThat(DOCUMENT.violations(response("/things/a1", 404, "application/problem+json",
                "{\"type\": \"/problems/not-found\", \"status\": 404}"))).isEmpty();
    }

    @Test
    void reportsViolation_whenBodyBreaksTheSchema() {
        assertThat(DOCUMENT.violations(response("/things/a1", 200, "application/json",
                "{\"id\": \"a1\", \"size\": \"three\"}")))
                .singleElement().asString().contains("size");
    }

    @Test
    void reportsViolation_whenStatusOrContentTypeIsUndocumented() {
        assertThat(DOCUMENT.violations(response("/things/a1", 409, "application/problem+json", "{}")))
                .singleElement().asString().contains("409");
        assertThat(DOCUMENT.violations(response("/things/a1", 404, "application/json",
                "{\"type\": \"/problems/not-found\", \"status\": 404}")))
                .singleElement().asString().contains("content type");
        assertThat(DOCUMENT.violations(response("/nothing", 200, "application/json", "{}")))
                .singleElement().asString().contains("no operation");
    }

    @Test
    void prefersLiteralPath_whenTemplateAlsoMatches() {
        assertThat(DOCUMENT.template("/things/special", "get")).contains("/things/special");
        assertThat(DOCUMENT.violations(response("/things/special", 204, "", ""))).isEmpty();
    }

    @Test
    void findsNoSpecificationProblem_whenDocumentIsValid() {
        assertThat(DOCUMENT.specificationProblems()).isEmpty();
        assertThat(ApiDocument.of("{\"openapi\": \"3.0.3\", \"paths\": {}}").specificationProblems())
                .isNotEmpty();
    }

    private static HttpResponse<String> response(String path, int status, String contentType, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1" + path)).GET().build();
        HttpHeaders headers = HttpHeaders.of(contentType.isEmpty() ? Map.of() : Map.of("Content-Type",
                List.of(contentType)), (name, value) -> true);
        return new HttpResponse<>() {
            public int statusCode() { return status; }
            public HttpRequest request() { return request; }
            public Optional<HttpResponse<String>> previousResponse() { return Optional.empty(); }
            public HttpHeaders headers() { return headers; }
            public String body() { return body; }
            public Optional<SSLSession> sslSession() { return Optional.empty(); }
            public URI uri() { return request.uri(); }
            public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
        };
    }
}
