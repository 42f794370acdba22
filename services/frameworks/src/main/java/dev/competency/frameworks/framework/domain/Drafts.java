package dev.competency.frameworks.framework.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Brings valid content into its stored form: defaults filled, ids assigned, siblings numbered, tree order. */
final class Drafts {

    private Drafts() {
    }

    /** The id a competency keeps across versions: its own, the previous version's for its code, or derived. */
    static String competencyId(String frameworkId, Competency competency, Map<String, String> previousIds) {
        if (competency.id() != null && !competency.id().isBlank()) {
            return competency.id();
        }
        String earlier = previousIds.get(competency.code());
        if (earlier != null) {
            return earlier;
        }
        return UUID.nameUUIDFromBytes((frameworkId + "/" + competency.code()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * The content in tree order (depth first, siblings by position, then as listed), with ids and sibling positions
     * assigned. Walks the tree with an explicit stack, so the depth of the input never matters.
     */
    static FrameworkContent normalize(String frameworkId, FrameworkContent content, FrameworkContent previous) {
        Map<String, String> previousIds = new HashMap<>();
        if (previous != null) {
            previous.competencies().forEach(c -> previousIds.putIfAbsent(c.code(), c.id()));
        }
        Map<Competency, Integer> order = new HashMap<>();
        for (int i = 0; i < content.competencies().size(); i++) {
            order.putIfAbsent(content.competencies().get(i), i);
        }
        Map<String, List<Competency>> siblings = new LinkedHashMap<>();
        for (Competency competency : content.competencies()) {
            siblings.computeIfAbsent(competency.parentCode() == null ? "" : competency.parentCode(),
                    parent -> new ArrayList<>()).add(competency);
        }
        Comparator<Competency> byPosition = Comparator
                .comparing((Competency c) -> c.position() == null ? Integer.MAX_VALUE : c.position())
                .thenComparing(order::get);
        siblings.values().forEach(group -> group.sort(byPosition));

        List<Competency> ordered = new ArrayList<>();
        Deque<Competency> pending = new ArrayDeque<>();
        Map<Competency, Integer> positions = new HashMap<>();
        pushChildren("", siblings, positions, pending);
        while (!pending.isEmpty()) {
            Competency competency = pending.pop();
            Policy policy = competency.policyOverride() == null ? null : competency.policyOverride().withDefaults();
            ordered.add(competency.normalized(competencyId(frameworkId, competency, previousIds),
                    positions.get(competency), policy));
            pushChildren(competency.code(), siblings, positions, pending);
        }
        Policy policy = content.policy() == null ? Policy.DEFAULT : content.policy().withDefaults();
        return content.normalized(ordered, content.scale() == null ? Scale.DEFAULT : content.scale(), policy);
    }

    /** Puts the children of {@code parent} on the stack so that the first child comes off first. */
    private static void pushChildren(String parent, Map<String, List<Competency>> siblings,
                                     Map<Competency, Integer> positions, Deque<Competency> pending) {
        List<Competency> group = siblings.getOrDefault(parent, List.of());
        for (int i = group.size() - 1; i >= 0; i--) {
            positions.put(group.get(i), i);
            pending.push(group.get(i));
        }
    }
}
