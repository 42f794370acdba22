package dev.competency.e2e.fuzz;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A POST, PUT, PATCH or DELETE operation as a service's OpenAPI document describes it: its path template, parameters,
 * the media types and schema of its body, with every {@code $ref} resolvable against the document it came from.
 */
record WriteOperation(String service, String method, String path, String operationId, List<Parameter> parameters,
                      List<String> bodyMediaTypes, JsonNode bodySchema, boolean bodyRequired, JsonNode document) {

    static final Set<String> WRITE_METHODS = Set.of("post", "put", "patch", "delete");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A path, query or header parameter. */
    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** Every write operation of a service's document, in path order (a creation before its sub-resources). */
    static List<WriteOperation> readAll(String service, String documentText) {
        JsonNode document = JSON.readTree(documentText);
        List<WriteOperation> operations = new ArrayList<>();
        for (var path : document.path("paths").properties()) {
            JsonNode shared = path.getValue().path("parameters");
            for (var entry : path.getValue().properties()) {
                if (!WRITE_METHODS.contains(entry.getKey())) {
                    continue;
                }
                JsonNode operation = entry.getValue();
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode parameter : concat(shared, operation.path("parameters"))) {
                    JsonNode resolved = resolve(document, parameter);
                    parameters.add(new Parameter(resolved.path("name").asString(), resolved.path("in").asString(),
                            resolved.path("required").asBoolean(false), resolve(document, resolved.path("schema"))));
                }
                JsonNode requestBody = resolve(document, operation.path("requestBody"));
                List<String> mediaTypes = new ArrayList<>(requestBody.path("content").propertyNames());
                JsonNode schema = mediaTypes.isEmpty() ? JSON.missingNode()
                        : requestBody.path("content").path(preferred(mediaTypes)).path("schema");
                operations.add(new WriteOperation(service, entry.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        operation.path("operationId").asString(""), parameters, mediaTypes, schema,
                        requestBody.path("required").asBoolean(false), document));
            }
        }
        return operations;
    }

    private static List<JsonNode> concat(JsonNode first, JsonNode second) {
        List<JsonNode> all = new ArrayList<>();
        first.forEach(all::add);
        second.forEach(all::add);
        return all;
    }

    private static String preferred(List<String> mediaTypes) {
        return mediaTypes.stream().filter(type -> type.contains("json")).findFirst().orElse(mediaTypes.get(0));
    }

    /** The body's media type a valid call uses: JSON where the operation takes it. */
    Optional<String> bodyMediaType() {
        return bodyMediaTypes.isEmpty() ? Optional.empty() : Optional.of(preferred(bodyMediaTypes));
    }

    boolean takesJson() {
        return bodyMediaType().map(type -> type.contains("json")).orElse(false);
    }

    /** A schema with its {@code $ref} followed (repeatedly), or the node itself. */
    JsonNode resolve(JsonNode schema) {
        return resolve(document, schema);
    }

    static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 20 && current.has("$ref"); hops++) {
            String reference = current.path("$ref").asString();
            if (!reference.startsWith("#/")) {
                return current;
            }
            JsonNode target = document.at(reference.substring(1));
            if (target.isMissingNode()) {
                return current;
            }
            if (current.size() > 1 && target.isObject()) {
                ObjectNode merged = ((ObjectNode) target).deepCopy();
                for (Iterator<String> names = current.propertyNames().iterator(); names.hasNext(); ) {
                    String name = names.next();
                    if (!name.equals("$ref")) {
                        merged.set(name, current.path(name));
                    }
                }
                target = merged;
            }
            current = target;
        }
        return current;
    }

    List<Parameter> parametersIn(String location) {
        return parameters.stream().filter(parameter -> parameter.in().equals(location)).toList();
    }

    /** {@code POST /api/frameworks} */
    String key() {
        return method + " " + path;
    }

    @Override
    public String toString() {
        return service + ": " + key();
    }
}
