package dev.competency.assessments.xapi.web;

import dev.competency.assessments.xapi.domain.StatementProblem;
import dev.competency.assessments.xapi.domain.StatementValidator;
import dev.competency.assessments.xapi.domain.XapiTimestamps;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the query parameters of the xAPI resources, refusing what is not what the resource needs. */
final class XapiParameters {

    private static final StatementValidator VALIDATOR = new StatementValidator();

    private XapiParameters() {
    }

    /** Refuses the first parameter that is not {@code allowed}, saying {@code message} of it. */
    static void only(Map<String, String> parameters, Set<String> allowed, String message) {
        for (String name : parameters.keySet()) {
            if (!allowed.contains(name)) {
                throw InvalidXapiRequest.of(name, message);
            }
        }
    }

    /** The UUID in the parameter {@code name} in lower case, or null when it is not given. */
    static String uuid(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value != null && !StatementValidator.isUuid(value)) {
            throw InvalidXapiRequest.of(name, "must be a UUID");
        }
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    /** The instant in the parameter {@code name}, or null when it is not given. */
    static Instant timestamp(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null) {
            return null;
        }
        try {
            return XapiTimestamps.parse(value);
        } catch (IllegalArgumentException e) {
            throw InvalidXapiRequest.of(name, e.getMessage());
        }
    }

    /**
     * An Agent or identified Group given as JSON in the parameter {@code name}, checked as strictly as in a statement.
     *
     * @throws InvalidXapiRequest naming the parameter, when it is not JSON or not such an Agent or Group
     */
    static JsonNode agent(String value, String name, JsonMapper json) {
        JsonNode node;
        try {
            node = value == null || value.isBlank() ? null : json.readTree(value);
        } catch (JacksonException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw InvalidXapiRequest.of(name, "must be an Agent or identified Group as a JSON object, such as "
                    + "{\"mbox\":\"mailto:someone@example.com\"}");
        }
        List<StatementProblem> problems = VALIDATOR.validateAgent(node, name);
        if (!problems.isEmpty()) {
            throw new InvalidXapiRequest(problems);
        }
        return node;
    }
}
