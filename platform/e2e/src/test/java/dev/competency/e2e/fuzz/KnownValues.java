package dev.competency.e2e.fuzz;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Values a valid call needs by name. References in bodies point at what the demo organisation publishes (its
 * framework, version, competency) or at what the fuzz run owns; path ids point only at resources the fuzz run
 * created itself (its learner, its draft framework, and every id a successful creation of the run answered), so that
 * no call retires, publishes or erases anything another test reads. Organisation units, teams and codes are the
 * fuzz run's own, so analytics and the demo team never count what it registers.
 */
final class KnownValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, Supplier<JsonNode>> references = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> owned = new ConcurrentHashMap<>();

    /** Values that body properties and query parameters of this name take, a new one each time. */
    KnownValues reference(String name, Supplier<JsonNode> values) {
        references.put(name.toLowerCase(Locale.ROOT), values);
        return this;
    }

    KnownValues reference(String name, JsonNode value) {
        return reference(name, () -> value.deepCopy());
    }

    KnownValues reference(String name, String value) {
        return reference(name, NODES.stringNode(value));
    }

    /** The same values but none for {@code name}, whose value the schema's example or type then gives. */
    KnownValues without(String name) {
        KnownValues copy = new KnownValues();
        copy.references.putAll(references);
        copy.owned.putAll(owned);
        copy.references.remove(name.toLowerCase(Locale.ROOT));
        copy.owned.remove(name.toLowerCase(Locale.ROOT));
        return copy;
    }

    /** An id of a resource the run owns: path parameters of this name take it (and bodies, lacking a reference). */
    KnownValues owned(String name, String value) {
        owned.putIfAbsent(name.toLowerCase(Locale.ROOT), NODES.stringNode(value));
        return this;
    }

    /** Learns the ids a successful creation answered ({@code frameworkId}, {@code attemptId}, a client's key …). */
    void learnFrom(JsonNode answer) {
        if (!answer.isObject()) {
            return;
        }
        for (var property : answer.properties()) {
            String name = property.getKey();
            if ((name.endsWith("Id") || name.equals("key")) && property.getValue().isString()) {
                owned.putIfAbsent(name.toLowerCase(Locale.ROOT), property.getValue());
            }
        }
    }

    /** The value for a property or parameter of this name, or null when there is none to prefer. */
    JsonNode forName(String name, boolean pathParameter) {
        String key = name.toLowerCase(Locale.ROOT);
        if (pathParameter) {
            JsonNode value = owned.get(key);
            return value == null ? null : value.deepCopy();
        }
        Supplier<JsonNode> reference = references.get(key);
        if (reference != null) {
            return reference.get();
        }
        JsonNode value = owned.get(key);
        return value == null ? null : value.deepCopy();
    }
}
