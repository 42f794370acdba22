package dev.competency.assessments.xapi.domain;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The form in which this LRS stores, compares and returns statements: every {@code contextActivities} value is an
 * array (a single Activity object, which providers may send, becomes an array of one), in the statement's context and
 * in a SubStatement's.
 */
public final class StatementNormalForm {

    private static final List<String> CONTEXT_ACTIVITY_KEYS = List.of("parent", "grouping", "category", "other");

    private StatementNormalForm() {
    }

    /** {@code statement} itself when it is in normal form already, else a normalised copy. */
    public static JsonNode of(JsonNode statement) {
        if (!needsChange(statement) && !needsChange(statement.path("object"))) {
            return statement;
        }
        ObjectNode copy = (ObjectNode) statement.deepCopy();
        normalise(copy);
        if (copy.get("object") instanceof ObjectNode object) {
            normalise(object);
        }
        return copy;
    }

    private static boolean needsChange(JsonNode statement) {
        JsonNode contextActivities = statement.path("context").path("contextActivities");
        return CONTEXT_ACTIVITY_KEYS.stream().anyMatch(key -> contextActivities.path(key).isObject());
    }

    private static void normalise(ObjectNode statement) {
        if (statement.path("context").get("contextActivities") instanceof ObjectNode contextActivities) {
            for (String key : CONTEXT_ACTIVITY_KEYS) {
                JsonNode value = contextActivities.get(key);
                if (value != null && value.isObject()) {
                    contextActivities.putArray(key).add(value);
                }
            }
        }
    }
}
