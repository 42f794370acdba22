package dev.competency.platform.service.openapi;

import dev.competency.platform.problem.ProblemType;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Adds to every operation the error responses it can give, each an RFC 9457 problem detail
 * ({@code application/problem+json}, schema {@value #PROBLEM}):
 * <ul>
 *   <li>400 where the operation takes parameters or a body (a broken rule, an unreadable body or parameter);</li>
 *   <li>401 and 403 unless the operation is open ({@code security: []});</li>
 *   <li>404 where the path names a resource ({@code {id}});</li>
 *   <li>409 for every change (wrong lifecycle state, a taken identifier, a concurrent change);</li>
 *   <li>413 where the operation reads a body (the request-size limits).</li>
 * </ul>
 * Other error responses a controller method declares with {@link ProblemResponse}; any 4xx response declared without
 * content gets the problem content here.
 */
final class ProblemResponses implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String INVALID_FIELD = "InvalidField";
    static final String PROBLEM_MEDIA_TYPE = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Override
    public void customise(OpenAPI api) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components
                .addSchemas(INVALID_FIELD, invalidField())
                .addSchemas(PROBLEM, problem()));
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> describeErrors(path, method, operation)));
    }

    private static void describeErrors(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.responses(new ApiResponses());
        }
        boolean open = operation.getSecurity() != null && operation.getSecurity().isEmpty();
        boolean takesParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        boolean readsBody = operation.getRequestBody() != null;
        if (takesParameters || readsBody) {
            addIfAbsent(operation, 400, "The request breaks a rule or cannot be read: `detail` says which, and "
                    + "`errors` names each invalid field (`" + ProblemType.uri(ProblemType.INVALID_REQUEST) + "`)");
        }
        if (!open) {
            addIfAbsent(operation, 401, "No bearer token, or an expired, forged or foreign one");
            addIfAbsent(operation, 403, "The caller's roles, or the ownership rules, do not allow this");
        }
        if (path.contains("{")) {
            addIfAbsent(operation, 404, "No such resource");
        }
        if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
            addIfAbsent(operation, 409, "The resource exists already, is in the wrong state for this change, or "
                    + "was changed at the same time");
        }
        if (readsBody) {
            addIfAbsent(operation, 413, "The body is larger than this path's limit");
        }
        operation.getResponses().forEach((code, response) -> {
            if (code.startsWith("4") && (response.getContent() == null || response.getContent().isEmpty())) {
                response.content(problemContent());
            }
        });
    }

    private static void addIfAbsent(Operation operation, int status, String description) {
        String code = Integer.toString(status);
        if (!operation.getResponses().containsKey(code)) {
            operation.getResponses().addApiResponse(code, new ApiResponse().description(description)
                    .content(problemContent()));
        }
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_MEDIA_TYPE,
                new MediaType().schema(new JsonSchema().$ref("#/components/schemas/" + PROBLEM)));
    }

    /** The problem detail every service answers errors with; services may add members (e.g. {@code warnings}). */
    private static Schema<Object> problem() {
        Schema<Object> errors = typed("array")
                .description("What is invalid: each field as `{field, message}`, or a rule broken by an item in words "
                        + "(`competency 'DEV.API': ...`); problem types that say so list other members")
                .items(new JsonSchema().anyOf(List.of(
                        new JsonSchema().$ref("#/components/schemas/" + INVALID_FIELD),
                        typed("string"))));
        Schema<Object> status = typed("integer").format("int32")
                .description("The HTTP status of this answer");
        status.setMinimum(BigDecimal.valueOf(400));
        status.setMaximum(BigDecimal.valueOf(599));
        Schema<Object> problem = typed("object")
                .description("An RFC 9457 problem detail, sent as `application/problem+json`")
                .required(List.of("type", "title", "status"))
                .properties(Map.of(
                        "type", typed("string").format("uri-reference")
                                .description("The problem type, stable: `/problems/<kind>`"),
                        "title", typed("string").description("The status's reason phrase"),
                        "status", status,
                        "detail", typed("string").description("What went wrong, in words for the caller"),
                        "instance", typed("string").format("uri-reference")
                                .description("The path the problem occurred at"),
                        "errors", errors));
        return problem;
    }

    private static Schema<Object> invalidField() {
        return typed("object")
                .description("One invalid field: a path such as `evidence[0].score`, and what it must be")
                .properties(Map.of(
                        "field", typed("string"),
                        "message", typed("string")));
    }

    /** A schema of one JSON type, written as OpenAPI 3.1 (JSON Schema 2020-12) writes types. */
    private static Schema<Object> typed(String type) {
        Schema<Object> schema = new JsonSchema();
        schema.addType(type);
        return schema;
    }
}
