package dev.competency.assessments.xapi.domain;

import dev.competency.contracts.learners.MailboxHash;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Takes an erased learner out of a statement: every Agent that is the learner — as actor, as object, as instructor, as
 * member of a team or group, as context agent, and the same inside a SubStatement — becomes an Agent with only the
 * learner's platform account, whose name is the pseudonymous learner id. Names, {@code mbox}, {@code mbox_sha1sum} and
 * {@code openid} of the learner go with it. The authority (the activity provider or the LRS) is left as it is, and so
 * is everything that is not an agent of the learner: id, verb, object activity, result, timestamps, attachments.
 *
 * <p>An agent is the learner when its inverse functional identifier (see {@link StatementFacts#identifier}) is one of
 * {@code identifiers}, or when its {@code mbox} or {@code mbox_sha1sum} hashes to one of {@code mboxSha1sums}.
 * Redacting a redacted statement changes nothing.
 *
 * @param learnerHomePage the home page of platform learner accounts
 * @param learnerId       the erased learner
 * @param identifiers     identifiers known to be the learner's, e.g. the actor of a statement resolved to them; the
 *                        learner's platform account is always one
 * @param mboxSha1sums    the hex {@code mbox_sha1sum} values of the learner's addresses, lower case
 */
public record PersonRedaction(String learnerHomePage, String learnerId, Set<String> identifiers,
                              Set<String> mboxSha1sums) {

    private static final String MAILTO = "mailto:";

    public PersonRedaction {
        Set<String> all = new HashSet<>(identifiers);
        all.add("account:" + learnerHomePage + "|" + learnerId);
        identifiers = Set.copyOf(all);
        mboxSha1sums = Set.copyOf(mboxSha1sums);
    }

    /** The redaction of a learner known by their platform account and the hashes of their addresses. */
    public static PersonRedaction of(String learnerHomePage, String learnerId, Set<String> mboxSha1sums) {
        return new PersonRedaction(learnerHomePage, learnerId, Set.of(), mboxSha1sums);
    }

    /** A redaction that also treats {@code more} identifiers as the learner's. */
    public PersonRedaction with(Set<String> more) {
        if (identifiers.containsAll(more)) {
            return this;
        }
        Set<String> all = new HashSet<>(identifiers);
        all.addAll(more);
        return new PersonRedaction(learnerHomePage, learnerId, all, mboxSha1sums);
    }

    /** A redacted copy of {@code statement}; {@code statement} itself is not changed. */
    public JsonNode redact(JsonNode statement) {
        if (!statement.isObject()) {
            return statement;
        }
        ObjectNode copy = (ObjectNode) statement.deepCopy();
        redactStatement(copy);
        if (copy.get("object") instanceof ObjectNode object
                && "SubStatement".equals(object.path("objectType").asString())) {
            redactStatement(object);
        }
        return copy;
    }

    /** Whether {@code agent} (an Agent, or a Group's identifier) is the learner. */
    public boolean isLearner(JsonNode agent) {
        if (StatementFacts.identifier(agent).filter(identifiers::contains).isPresent()) {
            return true;
        }
        String mbox = agent.path("mbox").asString("");
        if (mbox.regionMatches(true, 0, MAILTO, 0, MAILTO.length()) && mbox.length() > MAILTO.length()
                && mboxSha1sums.contains(MailboxHash.ofMbox(mbox))) {
            return true;
        }
        return agent.has("mbox_sha1sum")
                && mboxSha1sums.contains(agent.path("mbox_sha1sum").asString().toLowerCase(Locale.ROOT));
    }

    private void redactStatement(ObjectNode statement) {
        replace(statement, "actor");
        String objectType = statement.path("object").path("objectType").asString("Activity");
        if ("Agent".equals(objectType) || "Group".equals(objectType)) {
            replace(statement, "object");
        }
        if (statement.get("context") instanceof ObjectNode context) {
            replace(context, "instructor");
            replace(context, "team");
            Map.of("contextAgents", "agent", "contextGroups", "group").forEach((list, field) -> {
                if (context.get(list) instanceof ArrayNode holders) {
                    holders.forEach(holder -> {
                        if (holder instanceof ObjectNode object) {
                            replace(object, field);
                        }
                    });
                }
            });
        }
    }

    private void replace(ObjectNode holder, String field) {
        if (holder.get(field) instanceof ObjectNode agentOrGroup) {
            holder.set(field, redactAgentOrGroup(agentOrGroup));
        }
    }

    private JsonNode redactAgentOrGroup(ObjectNode agentOrGroup) {
        if (!"Group".equals(agentOrGroup.path("objectType").asString())) {
            return isLearner(agentOrGroup) ? pseudonym() : agentOrGroup;
        }
        if (agentOrGroup.get("member") instanceof ArrayNode members) {
            for (int i = 0; i < members.size(); i++) {
                if (members.get(i) instanceof ObjectNode member && isLearner(member)) {
                    members.set(i, pseudonym());
                }
            }
        }
        return agentOrGroup;
    }

    private ObjectNode pseudonym() {
        ObjectNode agent = JsonNodeFactory.instance.objectNode();
        agent.put("objectType", "Agent");
        agent.putObject("account").put("homePage", learnerHomePage).put("name", learnerId);
        return agent;
    }
}
