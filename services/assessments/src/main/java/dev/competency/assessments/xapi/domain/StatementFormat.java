package dev.competency.assessments.xapi.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@code format} parameter of statement queries: how much of each stored statement is returned. */
public enum StatementFormat {
    /** As stored. */
    EXACT,
    /** Agents, Groups, Activities and Verbs reduced to their identifiers (an Activity to its {@code id} alone). */
    IDS,
    /** Language maps reduced to the one language the caller prefers. */
    CANONICAL;

    private static final List<String> LANGUAGE_MAPS = List.of("display", "name", "description");

    /** The format a {@code format} parameter names ({@code exact} when absent); empty for an unknown name. */
    public static Optional<StatementFormat> named(String value) {
        return value == null ? Optional.of(EXACT) : Arrays.stream(values())
                .filter(format -> format.name().toLowerCase(Locale.ROOT).equals(value)).findFirst();
    }

    /** A copy of {@code statement} in this format; {@code languages} are the caller's preferred languages. */
    public JsonNode apply(JsonNode statement, List<Locale.LanguageRange> languages) {
        if (this == EXACT) {
            return statement;
        }
        JsonNode copy = statement.deepCopy();
        if (this == IDS) {
            reduceToIds(copy);
        } else {
            reduceLanguages(copy, languages);
        }
        return copy;
    }

    private static void reduceToIds(JsonNode statement) {
        if (!(statement instanceof ObjectNode node)) {
            return;
        }
        for (String agentProperty : List.of("actor", "authority")) {
            if (node.get(agentProperty) instanceof ObjectNode agent) {
                agentIds(agent);
            }
        }
        if (node.get("verb") instanceof ObjectNode verb) {
            verb.retain("id");
        }
        if (node.get("object") instanceof ObjectNode object) {
            String type = object.path("objectType").asString("Activity");
            switch (type) {
                case "Activity" -> object.retain("id");
                case "Agent", "Group" -> agentIds(object);
                case "SubStatement" -> reduceToIds(object);
                default -> {
                }
            }
        }
        if (node.get("context") instanceof ObjectNode context) {
            for (String agentProperty : List.of("instructor", "team")) {
                if (context.get(agentProperty) instanceof ObjectNode agent) {
                    agentIds(agent);
                }
            }
            if (context.get("contextActivities") instanceof ObjectNode activities) {
                for (Map.Entry<String, JsonNode> entry : activities.properties()) {
                    if (entry.getValue() instanceof ObjectNode activity) {
                        activity.retain("id");
                    }
                    for (JsonNode item : entry.getValue()) {
                        if (item instanceof ObjectNode activity) {
                            activity.retain("id");
                        }
                    }
                }
            }
        }
    }

    private static void agentIds(ObjectNode agent) {
        agent.remove("name");
        for (JsonNode member : agent.path("member")) {
            if (member instanceof ObjectNode memberNode) {
                memberNode.remove("name");
            }
        }
    }

    private static void reduceLanguages(JsonNode node, List<Locale.LanguageRange> languages) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                if (LANGUAGE_MAPS.contains(entry.getKey()) && entry.getValue() instanceof ObjectNode map
                        && map.size() > 1 && map.propertyNames().stream().allMatch(k -> map.get(k).isString())) {
                    String chosen = choose(map, languages);
                    map.retain(chosen);
                } else if (!"extensions".equals(entry.getKey())) {
                    reduceLanguages(entry.getValue(), languages);
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(item -> reduceLanguages(item, languages));
        }
    }

    private static String choose(ObjectNode map, List<Locale.LanguageRange> languages) {
        List<String> tags = List.copyOf(map.propertyNames());
        String match = Locale.lookupTag(languages, tags);
        return match == null ? tags.get(0)
                : tags.stream().filter(match::equalsIgnoreCase).findFirst().orElse(tags.get(0));
    }
}
