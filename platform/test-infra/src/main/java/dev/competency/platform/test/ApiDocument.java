package dev.competency.platform.test;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's OpenAPI 3.1 document, read from its {@code /v3/api-docs}, and the check that an answer the service gave
 * is one the document describes: the operation exists for the request's method and path, the status is among its
 * responses, the content type is one the response declares, and the body validates against that response's schema
 * (JSON Schema 2020-12 with the OpenAPI 3.1 vocabulary, references resolved inside the document).
 */
public final class ApiDocument {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String DOCUMENT_IRI = "https://api-document.test/openapi.json";

    private final String text;
    private final JsonNode document;
    private final SchemaRegistry schemas;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private ApiDocument(String text) {
        this.text = text;
        this.document = JSON.readTree(text);
        this.schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(DOCUMENT_IRI, text)));
    }

    public static ApiDocument of(String json) {
        return new ApiDocument(json);
    }

    /** Reads the document of the service on {@code port}, without credentials (it is open, as the gateway reads it). */
    public static ApiDocument fetch(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
                .timeout(Duration.ofSeconds(60)).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET /v3/api-docs answered " + response.statusCode() + ": " + response.body());
            }
            return new ApiDocument(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET /v3/api-docs failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading /v3/api-docs", e);
        }
    }

    public JsonNode json() {
        return document;
    }

    /**
     * What makes the document an invalid OpenAPI 3.1 document, as swagger-parser reads it (structure, references,
     * required members); empty when it is valid.
     */
    public List<String> specificationProblems() {
        List<String> problems = new ArrayList<>();
        String version = document.path("openapi").asString("");
        if (!version.startsWith("3.1.")) {
            problems.add("openapi is '" + version + "', not 3.1.x");
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
        if (result.getOpenAPI() == null) {
            problems.add("the document could not be read as OpenAPI");
        }
        if (result.getMessages() != null) {
            problems.addAll(result.getMessages());
        }
        return problems;
    }

    /** Throws an {@link AssertionError} listing every way the response differs from the document. */
    public void assertDescribes(HttpResponse<String> response) {
        List<String> violations = violations(response);
        if (!violations.isEmpty()) {
            throw new AssertionError(response.request().method() + " " + response.uri().getRawPath() + " answered "
                    + response.statusCode() + " " + response.body() + "\nwhich the API document does not describe:\n  "
                    + String.join("\n  ", violations));
        }
    }

    /** Every way the response differs from what the document says the operation answers; empty when it matches. */
    public List<String> violations(HttpResponse<String> response) {
        String method = response.request().method().toLowerCase(Locale.ROOT);
        String path = response.uri().getRawPath();
        Optional<String> template = template(path, method);
        if (template.isEmpty()) {
            return List.of("no operation " + method.toUpperCase(Locale.ROOT) + " matches " + path);
        }
        JsonNode responses = document.path("paths").path(template.get()).path(method).path("responses");
        String status = Integer.toString(response.statusCode());
        String code = responses.has(status) ? status
                : responses.has(status.charAt(0) + "XX") ? status.charAt(0) + "XX"
                : responses.has("default") ? "default" : null;
        if (code == null) {
            return List.of("status " + status + " is not among the responses of " + method.toUpperCase(Locale.ROOT)
                    + " " + template.get() + " " + responses.propertyNames());
        }
        JsonNode content = responses.path(code).path("content");
        String body = response.body();
        if (content.isMissingNode() || content.isEmpty()) {
            return body.isEmpty() ? List.of()
                    : List.of("the response has a body but the document declares no content for " + code);
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        Optional<String> declared = content.propertyNames().stream()
                .filter(candidate -> mediaTypeMatches(candidate, mediaType))
                .findFirst();
        if (declared.isEmpty()) {
            return List.of("content type '" + contentType + "' is not among " + content.propertyNames() + " for "
                    + code);
        }
        if (!isJson(mediaType) || !content.path(declared.get()).has("schema")) {
            return List.of();
        }
        if (body.isEmpty()) {
            return List.of("the document declares " + declared.get() + " content for " + code
                    + " but the body is empty");
        }
        String pointer = "/paths/" + escape(template.get()) + "/" + method + "/responses/" + escape(code)
                + "/content/" + escape(declared.get()) + "/schema";
        Schema schema = compiled.computeIfAbsent(pointer, this::schemaAt);
        return schema.validate(body, InputFormat.JSON, context -> context.executionConfig(config ->
                        config.formatAssertionsEnabled(true)))
                .stream()
                .map(Error::toString)
                .toList();
    }

    /** The path template of the operation for {@code method} that matches {@code path}, literal segments first. */
    Optional<String> template(String path, String method) {
        return document.path("paths").propertyNames().stream()
                .filter(candidate -> document.path("paths").path(candidate).has(method))
                .filter(candidate -> pattern(candidate).matcher(path).matches())
                .min(Comparator.comparingLong(ApiDocument::variables)
                        .thenComparing(Comparator.comparingInt(String::length).reversed()));
    }

    private Schema schemaAt(String pointer) {
        return schemas.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + encodeFragment(pointer)));
    }

    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        int at = 0;
        while (at < template.length()) {
            int open = template.indexOf('{', at);
            if (open < 0) {
                regex.append(Pattern.quote(template.substring(at)));
                break;
            }
            int close = template.indexOf('}', open);
            regex.append(Pattern.quote(template.substring(at, open))).append("[^/]+");
            at = close + 1;
        }
        return Pattern.compile(regex.toString());
    }

    private static long variables(String template) {
        return template.chars().filter(c -> c == '{').count();
    }

    private static boolean mediaTypeMatches(String declared, String actual) {
        String candidate = declared.toLowerCase(Locale.ROOT);
        if (candidate.equals(actual) || candidate.equals("*/*")) {
            return true;
        }
        return candidate.endsWith("/*") && actual.startsWith(candidate.substring(0, candidate.length() - 1));
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    /** A member name as a JSON Pointer token (RFC 6901). */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** A JSON Pointer as a URI fragment: each token percent-encoded, the separators kept. */
    private static String encodeFragment(String pointer) {
        StringBuilder fragment = new StringBuilder();
        for (String token : pointer.substring(1).split("/", -1)) {
            fragment.append('/').append(URLEncoder.encode(token, StandardCharsets.UTF_8).replace("+", "%20")
                    .replace("%7E", "~"));
        }
        return fragment.toString();
    }
}
