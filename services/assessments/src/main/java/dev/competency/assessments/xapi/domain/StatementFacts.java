package dev.competency.assessments.xapi.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What the statements resource filters on and what evidence is made from, read from a valid statement: the
 * identifiers of the agents and activities it mentions, directly or as related, its verb, registration and score.
 *
 * @param targetStatementId the id of the statement this one's object refers to (a StatementRef), lower case
 * @param voidedStatementId the same, when this statement voids it
 */
public record StatementFacts(String verb, Set<String> agents, Set<String> relatedAgents, String activity,
                             Set<String> relatedActivities, String registration, String targetStatementId,
                             String voidedStatementId) {

    /** Reads the facts of a statement that {@link StatementValidator} accepted. */
    public static StatementFacts of(JsonNode statement) {
        String verb = statement.path("verb").path("id").asString();
        JsonNode object = statement.path("object");
        String objectType = object.path("objectType").asString("Activity");

        Set<String> agents = new LinkedHashSet<>();
        identifier(statement.path("actor")).ifPresent(agents::add);
        if ("Agent".equals(objectType) || "Group".equals(objectType)) {
            identifier(object).ifPresent(agents::add);
        }
        Set<String> related = new LinkedHashSet<>(agents);
        collectAgents(statement.path("actor"), related);
        collectAgents(statement.path("authority"), related);
        collectContextAgents(statement.path("context"), related);
        if ("Agent".equals(objectType) || "Group".equals(objectType)) {
            collectAgents(object, related);
        }

        String activity = "Activity".equals(objectType) ? object.path("id").asString() : null;
        Set<String> activities = new LinkedHashSet<>();
        if (activity != null) {
            activities.add(activity);
        }
        collectContextActivities(statement.path("context"), activities);
        if ("SubStatement".equals(objectType)) {
            collectAgents(object.path("actor"), related);
            JsonNode subObject = object.path("object");
            if (subObject.path("objectType").asString("Activity").equals("Activity")) {
                activities.add(subObject.path("id").asString());
            } else {
                collectAgents(subObject, related);
            }
            collectContextAgents(object.path("context"), related);
            collectContextActivities(object.path("context"), activities);
        }

        String registration = statement.path("context").has("registration")
                ? statement.path("context").path("registration").asString() : null;
        String target = "StatementRef".equals(objectType) ? object.path("id").asString().toLowerCase(Locale.ROOT)
                : null;
        String voided = StatementValidator.VOIDED_VERB.equals(verb) ? target : null;
        return new StatementFacts(verb, agents, related, activity, activities, registration, target, voided);
    }

    /**
     * The inverse functional identifier of an Agent or identified Group as one string, e.g.
     * {@code mbox:mailto:a@example.com} or {@code account:https://lms.example.com|a-123}; empty for an anonymous
     * Group.
     */
    public static Optional<String> identifier(JsonNode agent) {
        if (agent.has("mbox")) {
            return Optional.of("mbox:" + agent.path("mbox").asString().toLowerCase(Locale.ROOT));
        }
        if (agent.has("mbox_sha1sum")) {
            return Optional.of("mbox_sha1sum:" + agent.path("mbox_sha1sum").asString().toLowerCase(
                    Locale.ROOT));
        }
        if (agent.has("openid")) {
            return Optional.of("openid:" + agent.path("openid").asString());
        }
        if (agent.has("account")) {
            JsonNode account = agent.path("account");
            return Optional.of("account:" + account.path("homePage").asString() + "|"
                    + account.path("name").asString());
        }
        return Optional.empty();
    }

    /**
     * The statement's result as a normalised score in [0, 1]: {@code score.scaled} (negative values count as 0),
     * else {@code raw} within {@code min..max} (min defaults to 0), else {@code success} as 1 or 0; empty when the
     * result says nothing about how well the learner did.
     */
    public static OptionalDouble normalisedScore(JsonNode result) {
        JsonNode score = result.path("score");
        if (score.has("scaled")) {
            return OptionalDouble.of(Math.max(0.0, score.path("scaled").doubleValue()));
        }
        if (score.has("raw") && score.has("max")) {
            double min = score.has("min") ? score.path("min").doubleValue() : 0.0;
            double max = score.path("max").doubleValue();
            if (max > min) {
                double normalised = (score.path("raw").doubleValue() - min) / (max - min);
                return OptionalDouble.of(Math.min(1.0, Math.max(0.0, normalised)));
            }
        }
        if (result.has("success")) {
            return OptionalDouble.of(result.path("success").booleanValue() ? 1.0 : 0.0);
        }
        return OptionalDouble.empty();
    }

    private static void collectAgents(JsonNode agentOrGroup, Set<String> into) {
        if (agentOrGroup.isMissingNode() || !agentOrGroup.isObject()) {
            return;
        }
        identifier(agentOrGroup).ifPresent(into::add);
        for (JsonNode member : agentOrGroup.path("member")) {
            identifier(member).ifPresent(into::add);
        }
    }

    private static void collectContextAgents(JsonNode context, Set<String> into) {
        collectAgents(context.path("instructor"), into);
        collectAgents(context.path("team"), into);
        for (JsonNode contextAgent : context.path("contextAgents")) {
            collectAgents(contextAgent.path("agent"), into);
        }
        for (JsonNode contextGroup : context.path("contextGroups")) {
            collectAgents(contextGroup.path("group"), into);
        }
    }

    private static void collectContextActivities(JsonNode context, Set<String> into) {
        JsonNode contextActivities = context.path("contextActivities");
        for (String key : List.of("parent", "grouping", "category", "other")) {
            JsonNode value = contextActivities.path(key);
            if (value.isObject()) {
                into.add(value.path("id").asString());
            } else {
                value.forEach(item -> into.add(item.path("id").asString()));
            }
        }
    }
}
