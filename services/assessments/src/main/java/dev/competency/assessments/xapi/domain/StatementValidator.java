package dev.competency.assessments.xapi.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Checks the structure of xAPI statements (xAPI 2.0.0, IEEE 9274.1.1, which also covers what 1.0.x clients send)
 * and reports every problem it finds, each with the JSON path where it is. It never stops at the first problem, so
 * that an activity provider can fix a statement in one round trip.
 */
public final class StatementValidator {

    public static final String VOIDED_VERB = "http://adlnet.gov/expapi/verbs/voided";

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern IRI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:[^\\s<>\"{}|\\\\^`]+");
    private static final Pattern IRL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^\\s<>\"{}|\\\\^`]+");
    private static final Pattern MAILTO = Pattern.compile("mailto:[^\\s@]+@[^\\s@]+");
    private static final Pattern SHA1 = Pattern.compile("[0-9a-fA-F]{40}");
    private static final Pattern SHA2 = Pattern.compile("[0-9a-fA-F]{56,128}");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");
    /** ISO 8601 durations: weeks alone ({@code P4W}), or years to seconds ({@code P1DT2H}); weeks never mix. */
    private static final Pattern DURATION = Pattern.compile("P(\\d+(\\.\\d+)?W|(?=\\d|T\\d)(\\d+(\\.\\d+)?Y)?"
            + "(\\d+(\\.\\d+)?M)?(\\d+(\\.\\d+)?D)?(T(?=\\d)(\\d+(\\.\\d+)?H)?(\\d+(\\.\\d+)?M)?(\\d+(\\.\\d+)?S)?)?)");
    private static final Pattern VERSION = Pattern.compile("(1\\.0|2\\.0)(\\.\\d+)?");

    private static final Set<String> STATEMENT_PROPERTIES = Set.of("id", "actor", "verb", "object", "result",
            "context", "timestamp", "stored", "authority", "version", "attachments", "objectType");
    private static final Set<String> SUB_STATEMENT_PROPERTIES = Set.of("objectType", "actor", "verb", "object",
            "result", "context", "timestamp", "attachments");
    private static final Set<String> AGENT_PROPERTIES = Set.of("objectType", "name", "mbox", "mbox_sha1sum",
            "openid", "account");
    private static final Set<String> GROUP_PROPERTIES = Set.of("objectType", "name", "member", "mbox",
            "mbox_sha1sum", "openid", "account");
    private static final List<String> IFIS = List.of("mbox", "mbox_sha1sum", "openid", "account");
    private static final Set<String> ACTIVITY_DEFINITION_PROPERTIES = Set.of("name", "description", "type",
            "moreInfo", "interactionType", "correctResponsesPattern", "choices", "scale", "source", "target",
            "steps", "extensions");
    private static final Set<String> INTERACTION_TYPES = Set.of("true-false", "choice", "fill-in", "long-fill-in",
            "matching", "performance", "sequencing", "likert", "numeric", "other");
    private static final Map<String, Set<String>> COMPONENTS = Map.of(
            "choices", Set.of("choice", "sequencing"),
            "scale", Set.of("likert"),
            "source", Set.of("matching"),
            "target", Set.of("matching"),
            "steps", Set.of("performance"));
    private static final Set<String> CONTEXT_PROPERTIES = Set.of("registration", "instructor", "team",
            "contextActivities", "revision", "platform", "language", "statement", "extensions", "contextAgents",
            "contextGroups");
    private static final Set<String> CONTEXT_ACTIVITY_KEYS = Set.of("parent", "grouping", "category", "other");
    private static final Set<String> ATTACHMENT_PROPERTIES = Set.of("usageType", "display", "description",
            "contentType", "length", "sha2", "fileUrl");

    /**
     * Every problem of one statement, paths prefixed with {@code root} (e.g. {@code [3]} in a batch, empty for a
     * statement alone); empty when it is valid.
     */
    public List<StatementProblem> validate(JsonNode statement, String root) {
        Problems problems = new Problems();
        statement(statement, root, false, problems);
        return problems.list;
    }

    /**
     * Every problem of an Agent or Group given outside a statement (a query parameter such as {@code agent}), paths
     * starting at {@code root}; an anonymous Group is a problem too.
     */
    public List<StatementProblem> validateAgent(JsonNode agent, String root) {
        Problems problems = new Problems();
        agentOrGroup(agent, root, problems);
        if (problems.list.isEmpty() && StatementFacts.identifier(agent).isEmpty()) {
            problems.add(root, "must be an Agent or an identified Group (with mbox, mbox_sha1sum, openid or account)");
        }
        return problems.list;
    }

    /** Whether {@code text} is an IRI as this LRS checks them (a scheme, then no spaces or forbidden characters). */
    public static boolean isIri(String text) {
        return text != null && IRI.matcher(text).matches();
    }

    /** Whether {@code text} is a UUID in its hyphenated hex form, in either case. */
    public static boolean isUuid(String text) {
        return text != null && UUID.matcher(text).matches();
    }

    private void statement(JsonNode node, String path, boolean sub, Problems problems) {
        if (!object(node, path, sub ? "a SubStatement" : "a statement", problems)) {
            return;
        }
        noNulls(node, path, problems);
        onlyProperties(node, path, sub ? SUB_STATEMENT_PROPERTIES : STATEMENT_PROPERTIES,
                sub ? "a SubStatement" : "a statement", problems);
        if (sub) {
            if (!"SubStatement".equals(text(node, "objectType"))) {
                problems.add(path, "objectType", "must be SubStatement");
            }
        } else {
            if (node.has("objectType")) {
                problems.add(path, "objectType", "is not a property of a statement");
            }
            optionalMatching(node, path, "id", UUID, "must be a UUID", problems);
            optionalTimestamp(node, path, "stored", problems);
            optional(node, path, "authority", this::authority, problems);
            optionalMatching(node, path, "version", VERSION, "must be a 1.0.x or 2.0.x version", problems);
        }
        if (required(node, path, "actor", problems)) {
            agentOrGroup(node.get("actor"), join(path, "actor"), problems);
        }
        if (required(node, path, "verb", problems)) {
            verb(node.get("verb"), join(path, "verb"), problems);
        }
        boolean objectIsActivity = false;
        if (required(node, path, "object", problems)) {
            JsonNode object = node.get("object");
            objectIsActivity = object.isObject() && (!object.has("objectType")
                    || "Activity".equals(text(object, "objectType")));
            statementObject(object, join(path, "object"), sub, problems);
            if (VOIDED_VERB.equals(text(node.path("verb"), "id"))
                    && !"StatementRef".equals(text(object, "objectType"))) {
                problems.add(path, "object", "must be a StatementRef when the verb is " + VOIDED_VERB);
            }
        }
        optional(node, path, "result", this::result, problems);
        if (node.has("context")) {
            context(node.get("context"), join(path, "context"), objectIsActivity, problems);
        }
        optionalTimestamp(node, path, "timestamp", problems);
        optional(node, path, "attachments", this::attachments, problems);
    }

    /**
     * An authority is an Agent, or (three-legged OAuth: an application and a user together) an anonymous Group of
     * exactly two Agents.
     */
    private void authority(JsonNode node, String path, Problems problems) {
        agentOrGroup(node, path, problems);
        if (!node.isObject() || !"Group".equals(text(node, "objectType"))) {
            return;
        }
        if (IFIS.stream().anyMatch(node::has)) {
            problems.add(path, "an authority that is a Group must be an anonymous Group of two Agents, an application "
                    + "and a user");
        }
        JsonNode members = node.path("member");
        if (members.isArray() && members.size() != 2) {
            problems.add(path, "member", "an authority Group must have exactly two Agents but has " + members.size());
        }
    }

    private void agentOrGroup(JsonNode node, String path, Problems problems) {
        if (!object(node, path, "an Agent or Group", problems)) {
            return;
        }
        if (node.has("objectType") && "Group".equals(text(node, "objectType"))) {
            group(node, path, problems);
        } else if (node.has("objectType") && !"Agent".equals(text(node, "objectType"))) {
            problems.add(path, "objectType", "must be Agent or Group");
        } else {
            agent(node, path, problems);
        }
    }

    private void agent(JsonNode node, String path, Problems problems) {
        onlyProperties(node, path, AGENT_PROPERTIES, "an Agent", problems);
        optionalString(node, path, "name", problems);
        int ifis = identifiers(node, path, problems);
        if (ifis == 0) {
            problems.add(path, "an Agent must have exactly one of mbox, mbox_sha1sum, openid, account");
        } else if (ifis > 1) {
            problems.add(path, "an Agent must have exactly one identifier but has " + ifis);
        }
    }

    private void group(JsonNode node, String path, Problems problems) {
        onlyProperties(node, path, GROUP_PROPERTIES, "a Group", problems);
        optionalString(node, path, "name", problems);
        int ifis = identifiers(node, path, problems);
        if (ifis > 1) {
            problems.add(path, "a Group must have at most one identifier but has " + ifis);
        }
        if (ifis == 0 && !node.has("member")) {
            problems.add(path, "member", "is required for an anonymous Group");
        }
        if (node.has("member")) {
            JsonNode members = node.get("member");
            String membersPath = join(path, "member");
            if (!members.isArray()) {
                problems.add(membersPath, "must be an array of Agents");
            } else if (ifis == 0 && members.isEmpty()) {
                problems.add(membersPath, "must not be empty for an anonymous Group");
            } else {
                for (int i = 0; i < members.size(); i++) {
                    JsonNode member = members.get(i);
                    String memberPath = membersPath + "[" + i + "]";
                    if (member.isObject() && "Group".equals(text(member, "objectType"))) {
                        problems.add(memberPath, "must be an Agent: a Group cannot be a member of a Group");
                    } else if (object(member, memberPath, "an Agent", problems)) {
                        if (member.has("objectType") && !"Agent".equals(text(member, "objectType"))) {
                            problems.add(memberPath, "objectType", "must be Agent");
                        }
                        agent(member, memberPath, problems);
                    }
                }
            }
        }
    }

    /** Checks the inverse functional identifiers that are present and returns how many there are. */
    private int identifiers(JsonNode node, String path, Problems problems) {
        optionalMatching(node, path, "mbox", MAILTO, "must be a mailto IRI such as mailto:someone@example.com",
                problems);
        optionalMatching(node, path, "mbox_sha1sum", SHA1, "must be the hex-encoded SHA-1 of a mailto IRI", problems);
        optionalMatching(node, path, "openid", IRL, "must be a URI", problems);
        optional(node, path, "account", this::account, problems);
        return (int) IFIS.stream().filter(node::has).count();
    }

    private void account(JsonNode node, String path, Problems problems) {
        if (!object(node, path, "an account", problems)) {
            return;
        }
        onlyProperties(node, path, Set.of("homePage", "name"), "an account", problems);
        requiredMatching(node, path, "homePage", IRL, "must be an IRL such as https://lms.example.com", problems);
        if (required(node, path, "name", problems) && !node.get("name").isString()) {
            problems.add(path, "name", "must be a string");
        }
    }

    private void verb(JsonNode node, String path, Problems problems) {
        if (!object(node, path, "a Verb", problems)) {
            return;
        }
        onlyProperties(node, path, Set.of("id", "display"), "a Verb", problems);
        requiredIri(node, path, "id", problems);
        optional(node, path, "display", this::languageMap, problems);
    }

    private void statementObject(JsonNode node, String path, boolean sub, Problems problems) {
        if (!object(node, path, "an Activity, Agent, Group, StatementRef or SubStatement", problems)) {
            return;
        }
        String type = node.has("objectType") ? text(node, "objectType") : "Activity";
        if (type == null) {
            problems.add(path, "objectType", "must be a string");
            return;
        }
        switch (type) {
            case "Activity" -> activity(node, path, problems);
            case "Agent", "Group" -> agentOrGroup(node, path, problems);
            case "StatementRef" -> statementRef(node, path, problems);
            case "SubStatement" -> {
                if (sub) {
                    problems.add(path, "a SubStatement must not contain a SubStatement");
                } else {
                    statement(node, path, true, problems);
                }
            }
            default -> problems.add(path, "objectType",
                    "must be one of Activity, Agent, Group, StatementRef, SubStatement");
        }
    }

    private void statementRef(JsonNode node, String path, Problems problems) {
        if (!object(node, path, "a StatementRef", problems)) {
            return;
        }
        onlyProperties(node, path, Set.of("objectType", "id"), "a StatementRef", problems);
        if (!"StatementRef".equals(text(node, "objectType"))) {
            problems.add(path, "objectType", "must be StatementRef");
        }
        requiredMatching(node, path, "id", UUID, "must be a UUID", problems);
    }

    private void activity(JsonNode node, String path, Problems problems) {
        if (!object(node, path, "an Activity", problems)) {
            return;
        }
        onlyProperties(node, path, Set.of("objectType", "id", "definition"), "an Activity", problems);
        if (node.has("objectType") && !"Activity".equals(text(node, "objectType"))) {
            problems.add(path, "objectType", "must be Activity");
        }
        requiredIri(node, path, "id", problems);
        optional(node, path, "definition", this::activityDefinition, problems);
    }

    private void activityDefinition(JsonNode node, String path, Problems problems) {
        if (!object(node, path, "an activity definition", problems)) {
            return;
        }
        onlyProperties(node, path, ACTIVITY_DEFINITION_PROPERTIES, "an activity definition", problems);
        optional(node, path, "name", this::languageMap, problems);
        optional(node, path, "description", this::languageMap, problems);
        optionalMatching(node, path, "type", IRI, "must be an IRI", problems);
        optionalMatching(node, path, "moreInfo", IRL, "must be an IRL", problems);
        String interactionType = null;
        if (node.has("interactionType")) {
            interactionType = text(node, "interactionType");
            if (interactionType == null || !INTERACTION_TYPES.contains(interactionType)) {
                problems.add(path, "interactionType", "must be one of " + String.join(", ",
                        INTERACTION_TYPES.stream().sorted().toList()));
                interactionType = null;
            }
        }
        if (node.has("correctResponsesPattern")) {
            JsonNode patterns = node.get("correctResponsesPattern");
            if (!patterns.isArray()) {
                problems.add(path, "correctResponsesPattern", "must be an array of strings");
            } else {
                for (int i = 0; i < patterns.size(); i++) {
                    if (!patterns.get(i).isString()) {
                        problems.add(join(path, "correctResponsesPattern") + "[" + i + "]", "must be a string");
                    }
                }
            }
            if (!node.has("interactionType")) {
                problems.add(path, "correctResponsesPattern", "requires interactionType");
            }
        }
        for (Map.Entry<String, Set<String>> component : COMPONENTS.entrySet()) {
            if (node.has(component.getKey())) {
                String componentPath = join(path, component.getKey());
                if (interactionType != null && !component.getValue().contains(interactionType)) {
                    problems.add(componentPath, "is not allowed with interactionType " + interactionType);
                } else if (!node.has("interactionType")) {
                    problems.add(componentPath, "requires interactionType");
                }
                interactionComponents(node.get(component.getKey()), componentPath, problems);
            }
        }
        optional(node, path, "extensions", this::extensions, problems);
    }

    private void interactionComponents(JsonNode node, String path, Problems problems) {
        if (!node.isArray()) {
            problems.add(path, "must be an array of interaction components");
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode component = node.get(i);
            String componentPath = path + "[" + i + "]";
            if (!object(component, componentPath, "an interaction component", problems)) {
                continue;
            }
            onlyProperties(component, componentPath, Set.of("id", "description"), "an interaction component",
                    problems);
            if (required(component, componentPath, "id", problems)) {
                String id = text(component, "id");
                if (id == null || id.isBlank()) {
                    problems.add(componentPath, "id", "must be a non-empty string");
                } else if (!ids.add(id)) {
                    problems.add(componentPath, "id", "must be unique within the list but '" + id
                            + "' appears twice");
                }
            }
            optional(component, componentPath, "description", this::languageMap, problems);
        }
    }

    private void result(JsonNode node, String path, Problems problems) {
        if (!object(node, path, "a result", problems)) {
            return;
        }
        onlyProperties(node, path, Set.of("score", "success", "completion", "response", "duration", "extensions"),
                "a result", problems);
        optional(node, path, "score", this::score, problems);
        for (String flag : List.of("success", "completion")) {
            if (node.has(flag) && !node.get(flag).isBoolean()) {
                problems.add(path, flag, "must be true or false");
            }
        }
        optionalString(node, path, "response", problems);
        optionalMatching(node, path, "duration", DURATION, "must be an ISO 8601 duration such as PT1H30M or PT4.5S",
                problems);
        optional(node, path, "extensions", this::extensions, problems);
    }

    private void score(JsonNode node, String path, Problems problems) {
        if (!object(node, path, "a score", problems)) {
            return;
        }
        onlyProperties(node, path, Set.of("scaled", "raw", "min", "max"), "a score", problems);
        boolean numbers = true;
        for (String part : List.of("scaled", "raw", "min", "max")) {
            if (node.has(part) && !node.get(part).isNumber()) {
                problems.add(path, part, "must be a number");
                numbers = false;
            }
        }
        if (!numbers) {
            return;
        }
        if (node.has("scaled")) {
            double scaled = node.get("scaled").doubleValue();
            if (scaled < -1.0 || scaled > 1.0) {
                problems.add(path, "scaled", "must be between -1 and 1 but was " + scaled);
            }
        }
        Double min = node.has("min") ? node.get("min").doubleValue() : null;
        Double max = node.has("max") ? node.get("max").doubleValue() : null;
        if (min != null && max != null && !(min < max)) {
            problems.add(path, "min", "must be less than max");
        }
        if (node.has("raw")) {
            double raw = node.get("raw").doubleValue();
            if (min != null && raw < min) {
                problems.add(path, "raw", "must not be less than min (" + min + ") but was " + raw);
            }
            if (max != null && raw > max) {
                problems.add(path, "raw", "must not be greater than max (" + max + ") but was " + raw);
            }
        }
    }

    private void context(JsonNode node, String path, boolean objectIsActivity, Problems problems) {
        if (!object(node, path, "a context", problems)) {
            return;
        }
        onlyProperties(node, path, CONTEXT_PROPERTIES, "a context", problems);
        optionalMatching(node, path, "registration", UUID, "must be a UUID", problems);
        optional(node, path, "instructor", this::agentOrGroup, problems);
        if (node.has("team")) {
            JsonNode team = node.get("team");
            if (team.isObject() && !"Group".equals(text(team, "objectType"))) {
                problems.add(path, "team", "must be a Group");
            } else {
                agentOrGroup(team, join(path, "team"), problems);
            }
        }
        optional(node, path, "contextActivities", this::contextActivities, problems);
        for (String activityOnly : List.of("revision", "platform")) {
            optionalString(node, path, activityOnly, problems);
            if (node.has(activityOnly) && !objectIsActivity) {
                problems.add(path, activityOnly, "may only be used when the statement's object is an Activity");
            }
        }
        optionalMatching(node, path, "language", LANGUAGE_TAG, "must be an RFC 5646 language tag such as en-US",
                problems);
        optional(node, path, "statement", this::statementRef, problems);
        optional(node, path, "extensions", this::extensions, problems);
        contextParticipants(node, path, "contextAgents", "contextAgent", "agent", problems);
        contextParticipants(node, path, "contextGroups", "contextGroup", "group", problems);
    }

    private void contextParticipants(JsonNode context, String path, String property, String objectType,
                                     String member, Problems problems) {
        if (!context.has(property)) {
            return;
        }
        JsonNode list = context.get(property);
        String listPath = join(path, property);
        if (!list.isArray()) {
            problems.add(listPath, "must be an array of " + objectType + " objects");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String itemPath = listPath + "[" + i + "]";
            if (!object(item, itemPath, "a " + objectType, problems)) {
                continue;
            }
            onlyProperties(item, itemPath, Set.of("objectType", member, "relevantTypes"), "a " + objectType,
                    problems);
            if (!objectType.equals(text(item, "objectType"))) {
                problems.add(itemPath, "objectType", "must be " + objectType);
            }
            if (required(item, itemPath, member, problems)) {
                JsonNode participant = item.get(member);
                boolean group = "Group".equals(text(participant, "objectType"));
                if (participant.isObject() && group != "group".equals(member)) {
                    problems.add(itemPath, member, group ? "must be an Agent" : "must be a Group");
                } else {
                    agentOrGroup(participant, join(itemPath, member), problems);
                }
            }
            if (item.has("relevantTypes")) {
                JsonNode types = item.get("relevantTypes");
                if (!types.isArray() || types.isEmpty()) {
                    problems.add(itemPath, "relevantTypes", "must be a non-empty array of IRIs");
                } else {
                    for (int t = 0; t < types.size(); t++) {
                        if (!matches(types.get(t), IRI)) {
                            problems.add(join(itemPath, "relevantTypes") + "[" + t + "]", "must be an IRI");
                        }
                    }
                }
            }
        }
    }

    private void contextActivities(JsonNode node, String path, Problems problems) {
        if (!object(node, path, "contextActivities", problems)) {
            return;
        }
        onlyProperties(node, path, CONTEXT_ACTIVITY_KEYS, "contextActivities", problems);
        for (String key : CONTEXT_ACTIVITY_KEYS) {
            if (!node.has(key)) {
                continue;
            }
            JsonNode value = node.get(key);
            String keyPath = join(path, key);
            if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    activity(value.get(i), keyPath + "[" + i + "]", problems);
                }
            } else {
                activity(value, keyPath, problems);
            }
        }
    }

    private void attachments(JsonNode node, String path, Problems problems) {
        if (!node.isArray()) {
            problems.add(path, "must be an array of attachments");
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode attachment = node.get(i);
            String itemPath = path + "[" + i + "]";
            if (!object(attachment, itemPath, "an attachment", problems)) {
                continue;
            }
            onlyProperties(attachment, itemPath, ATTACHMENT_PROPERTIES, "an attachment", problems);
            requiredIri(attachment, itemPath, "usageType", problems);
            if (required(attachment, itemPath, "display", problems)) {
                languageMap(attachment.get("display"), join(itemPath, "display"), problems);
            }
            optional(attachment, itemPath, "description", this::languageMap, problems);
            if (required(attachment, itemPath, "contentType", problems) && !attachment.get("contentType").isString()) {
                problems.add(itemPath, "contentType", "must be an Internet media type");
            }
            if (required(attachment, itemPath, "length", problems)
                    && !(attachment.get("length").isIntegralNumber() && attachment.get("length").longValue() >= 0)) {
                problems.add(itemPath, "length", "must be a non-negative integer");
            }
            requiredMatching(attachment, itemPath, "sha2", SHA2, "must be the hex-encoded SHA-2 hash of the attachment",
                    problems);
            optionalMatching(attachment, itemPath, "fileUrl", IRL, "must be an IRL", problems);
        }
    }

    private void languageMap(JsonNode node, String path, Problems problems) {
        if (!node.isObject()) {
            problems.add(path, "must be a language map such as {\"en-US\": \"text\"}");
            return;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!LANGUAGE_TAG.matcher(entry.getKey()).matches()) {
                problems.add(path, "'" + entry.getKey() + "' is not an RFC 5646 language tag");
            }
            if (!entry.getValue().isString()) {
                problems.add(join(path, entry.getKey()), "must be a string");
            }
        }
    }

    private void extensions(JsonNode node, String path, Problems problems) {
        if (!node.isObject()) {
            problems.add(path, "must be an object whose keys are IRIs");
            return;
        }
        for (String key : node.propertyNames()) {
            if (!IRI.matcher(key).matches()) {
                problems.add(path, "key '" + key + "' must be an IRI");
            }
        }
    }

    /** Reports {@code property} of {@code node} when it is there but does not match {@code pattern}. */
    private static void optionalMatching(JsonNode node, String path, String property, Pattern pattern,
                                         String message, Problems problems) {
        if (node.has(property) && !matches(node.get(property), pattern)) {
            problems.add(path, property, message);
        }
    }

    /** Reports {@code property} of {@code node} when it is missing, or there but does not match {@code pattern}. */
    private static void requiredMatching(JsonNode node, String path, String property, Pattern pattern,
                                         String message, Problems problems) {
        if (required(node, path, property, problems) && !matches(node.get(property), pattern)) {
            problems.add(path, property, message);
        }
    }

    private void optionalTimestamp(JsonNode node, String path, String property, Problems problems) {
        if (!node.has(property)) {
            return;
        }
        JsonNode value = node.get(property);
        if (!value.isString()) {
            problems.add(path, property, "must be an ISO 8601 date and time");
            return;
        }
        try {
            XapiTimestamps.parse(value.stringValue());
        } catch (IllegalArgumentException e) {
            problems.add(path, property, e.getMessage());
        }
    }

    private void optionalString(JsonNode node, String path, String property, Problems problems) {
        if (node.has(property) && !node.get(property).isString()) {
            problems.add(path, property, "must be a string");
        }
    }

    private void requiredIri(JsonNode node, String path, String property, Problems problems) {
        requiredMatching(node, path, property, IRI, "must be an IRI such as http://adlnet.gov/expapi/verbs/completed",
                problems);
    }

    /** Checks {@code property} of {@code node} with {@code check} when it is there. */
    private static void optional(JsonNode node, String path, String property, Check check, Problems problems) {
        if (node.has(property)) {
            check.check(node.get(property), join(path, property), problems);
        }
    }

    private static boolean required(JsonNode node, String path, String property, Problems problems) {
        if (!node.has(property)) {
            problems.add(path, property, "is required");
            return false;
        }
        return !node.get(property).isNull();
    }

    private static boolean object(JsonNode node, String path, String what, Problems problems) {
        if (node == null || !node.isObject()) {
            problems.add(path, "must be " + what + " (a JSON object)");
            return false;
        }
        return true;
    }

    private static void onlyProperties(JsonNode node, String path, Set<String> allowed, String what,
                                       Problems problems) {
        for (String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                problems.add(path, name, "is not a property of " + what);
            }
        }
    }

    /**
     * Null values are not allowed anywhere outside extension values. Empty objects are (the specification asks
     * providers not to send them but allows them, e.g. {@code "definition": {}}); required properties still apply.
     */
    private static void noNulls(JsonNode node, String path, Problems problems) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String childPath = join(path, entry.getKey());
                JsonNode value = entry.getValue();
                if (value.isNull()) {
                    problems.add(childPath, "must not be null");
                } else if (!"extensions".equals(entry.getKey())) {
                    noNulls(value, childPath, problems);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode value = node.get(i);
                if (value.isNull()) {
                    problems.add(path + "[" + i + "]", "must not be null");
                } else {
                    noNulls(value, path + "[" + i + "]", problems);
                }
            }
        }
    }

    private static boolean matches(JsonNode value, Pattern pattern) {
        return value != null && value.isString() && pattern.matcher(value.stringValue()).matches();
    }

    private static String text(JsonNode node, String property) {
        JsonNode value = node == null ? null : node.get(property);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    private static String join(String path, String property) {
        return path.isEmpty() ? property : path + "." + property;
    }

    /** The check of one part of a statement, at its path. */
    private interface Check {
        void check(JsonNode node, String path, Problems problems);
    }

    /** Collects problems; a null value already reported by the null check is not reported again. */
    private static final class Problems {
        private final List<StatementProblem> list = new ArrayList<>();
        private final Set<String> seen = new HashSet<>();

        void add(String path, String property, String message) {
            add(join(path, property), message);
        }

        void add(String path, String message) {
            String where = path.isEmpty() ? "statement" : path;
            if (seen.add(where + "\u0000" + message)) {
                list.add(new StatementProblem(where, message));
            }
        }
    }
}
