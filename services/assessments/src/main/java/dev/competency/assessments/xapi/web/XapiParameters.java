package dev.competency.assessments.xapi.web;

import dev.competency.assessments.xapi.domain.StatementProblem;
import dev.competency.assessments.xapi.domain.StatementValidator;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the JSON-valued query parameters of the xAPI resources, refusing what is not what the resource needs. */
final class XapiParameters {

    private static final StatementValidator VALIDATOR = new StatementValidator();

    private XapiParameters() {
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
        List<StatementProblem> problems = VALIDATOR.validateAgent(node, name, true);
        if (!problems.isEmpty()) {
            throw new InvalidXapiRequest(problems);
        }
        return node;
    }
}
