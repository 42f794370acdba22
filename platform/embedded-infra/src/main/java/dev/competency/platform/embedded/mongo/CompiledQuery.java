package dev.competency.platform.embedded.mongo;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * A query with its {@code $nin} lists of strings turned into hash sets. The server tests {@code $nin} by comparing
 * the value with every element of the list, and Axon's tracking read excludes every event id it has seen in its
 * look-back window, for every candidate: at a few hundred events a second that comparison held the event
 * collection's lock while appends waited. Everything else is matched by the server's own matcher.
 */
final class CompiledQuery {

    private final Document rest;
    private final Map<String, Set<String>> excluded;

    private CompiledQuery(Document rest, Map<String, Set<String>> excluded) {
        this.rest = rest;
        this.excluded = excluded;
    }

    /** Splits {@code query}; top-level and {@code $and} conditions of the form {field: {$nin: [strings]}} only. */
    static CompiledQuery of(Document query) {
        Map<String, Set<String>> excluded = new java.util.HashMap<>();
        Document rest = new Document();
        for (Map.Entry<String, Object> condition : query.entrySet()) {
            if (condition.getKey().equals("$and") && condition.getValue() instanceof List<?> clauses) {
                List<Object> kept = new ArrayList<>();
                for (Object clause : clauses) {
                    if (!(clause instanceof Document document) || !takeExclusions(document, excluded)) {
                        kept.add(clause);
                    }
                }
                if (!kept.isEmpty()) {
                    rest.put("$and", kept);
                }
            } else if (!takeExclusions(new Document(condition.getKey(), condition.getValue()), excluded)) {
                rest.put(condition.getKey(), condition.getValue());
            }
        }
        return new CompiledQuery(rest, excluded);
    }

    /** Takes a one-field clause {field: {$nin: [strings]}} into {@code excluded}; false when it is anything else. */
    private static boolean takeExclusions(Document clause, Map<String, Set<String>> excluded) {
        if (clause.size() != 1) {
            return false;
        }
        Map.Entry<String, Object> condition = clause.entrySet().iterator().next();
        String field = condition.getKey();
        if (field.startsWith("$") || field.contains(".") || excluded.containsKey(field)
                || !(condition.getValue() instanceof Document operator) || operator.size() != 1
                || !(operator.get("$nin") instanceof List<?> values)
                || !values.stream().allMatch(value -> value instanceof String)) {
            return false;
        }
        Set<String> set = new HashSet<>();
        values.forEach(value -> set.add((String) value));
        excluded.put(field, set);
        return true;
    }

    boolean matches(Document document, BiPredicate<Document, Document> serverMatcher) {
        for (Map.Entry<String, Set<String>> exclusion : excluded.entrySet()) {
            Object value = document.get(exclusion.getKey());
            if (value instanceof String text) {
                if (exclusion.getValue().contains(text)) {
                    return false;
                }
            } else if (value != null && !(value instanceof de.bwaldvogel.mongo.backend.Missing)) {
                // An array or another type: the server's matcher knows the rules.
                Document clause = new Document(exclusion.getKey(),
                        new Document("$nin", new ArrayList<>(exclusion.getValue())));
                if (!serverMatcher.test(document, clause)) {
                    return false;
                }
            }
        }
        return rest.isEmpty() || serverMatcher.test(document, rest);
    }
}
