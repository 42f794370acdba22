package dev.competency.analytics.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interned identifiers: each distinct string gets the next small int, so that the state keeps ints in arrays instead
 * of strings in maps. Single writer (the stream thread); readers only look up ids that were added before they took
 * the state's read lock.
 */
final class Ids {

    private final Map<String, Integer> indices = new HashMap<>();
    private final List<String> values = new ArrayList<>();

    int intern(String value) {
        Integer index = indices.get(value);
        if (index != null) {
            return index;
        }
        int next = values.size();
        values.add(value);
        indices.put(value, next);
        return next;
    }

    /** The index of {@code value}, or -1 when it was never interned. */
    int find(String value) {
        if (value == null) {
            return -1;
        }
        Integer index = indices.get(value);
        return index == null ? -1 : index;
    }

    /** The value of {@code index}, or null for -1. */
    String value(int index) {
        return index < 0 ? null : values.get(index);
    }

    int size() {
        return values.size();
    }
}
