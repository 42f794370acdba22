package dev.competency.frameworks.framework.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
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
    static String competencyId(String frameworkId, Competency competency, FrameworkContent previous) {
        if (competency.id() != null && !competency.id().isBlank()) {
            return competency.id();
        }
        if (previous != null) {
            for (Competency earlier : previous.competencies()) {
                if (earlier.code().equals(competency.code())) {
                    return earlier.id();
                }
            }
        }
        return UUID.nameUUIDFromBytes((frameworkId + "/" + competency.code()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    static FrameworkContent normalize(String frameworkId, FrameworkContent content, FrameworkContent previous) {
        Map<String, List<Competency>> siblings = new LinkedHashMap<>();
        for (Competency competency : content.competencies()) {
            siblings.computeIfAbsent(competency.parentCode() == null ? "" : competency.parentCode(),
                    parent -> new ArrayList<>()).add(competency);
        }
        Map<Competency, Integer> order = new HashMap<>();
        for (int i = 0; i < content.competencies().size(); i++) {
            order.putIfAbsent(content.competencies().get(i), i);
        }
        List<Competency> ordered = new ArrayList<>();
        addSubtree("", siblings, order, frameworkId, previous, ordered);
        Policy policy = content.policy() == null ? Policy.DEFAULT : content.policy().withDefaults();
        return new FrameworkContent(content.title().strip(), content.description(), content.externalId(), ordered,
                content.relations(), content.scale() == null ? Scale.DEFAULT : content.scale(), policy);
    }

    private static void addSubtree(String parent, Map<String, List<Competency>> siblings,
                                   Map<Competency, Integer> order, String frameworkId, FrameworkContent previous,
                                   List<Competency> out) {
        List<Competency> group = new ArrayList<>(siblings.getOrDefault(parent, List.of()));
        group.sort(Comparator.comparing((Competency c) -> c.position() == null ? Integer.MAX_VALUE : c.position())
                .thenComparing(order::get));
        for (int i = 0; i < group.size(); i++) {
            Competency competency = group.get(i);
            Competency normalized = competency.withIdAndPosition(competencyId(frameworkId, competency, previous), i);
            if (normalized.policyOverride() != null) {
                normalized = normalized.withPolicy(normalized.policyOverride().withDefaults());
            }
            out.add(new Competency(normalized.id(), normalized.code(), normalized.title().strip(),
                    normalized.description(), normalized.parentCode(), normalized.position(),
                    normalized.taxonomyLabel(), normalized.externalId(), normalized.externalChangedAt(),
                    normalized.scaleOverride(), normalized.policyOverride()));
            addSubtree(competency.code(), siblings, order, frameworkId, previous, out);
        }
    }
}
