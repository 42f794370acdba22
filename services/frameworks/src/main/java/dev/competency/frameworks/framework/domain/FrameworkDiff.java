package dev.competency.frameworks.framework.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What changed from one version of a framework to another, competencies matched by their stable id.
 *
 * @param changed competencies present in both versions with the names of the fields that differ
 */
public record FrameworkDiff(int from, int to, List<CompetencyRef> added, List<CompetencyRef> removed,
                            List<CompetencyChange> changed, List<Relation> relationsAdded,
                            List<Relation> relationsRemoved, boolean scaleChanged, boolean policyChanged,
                            List<String> frameworkFieldsChanged) {

    public record CompetencyRef(String id, String code, String title) {
    }

    public record CompetencyChange(String id, String code, List<String> fields) {
    }

    public static FrameworkDiff between(int from, FrameworkContent a, int to, FrameworkContent b) {
        Map<String, Competency> before = byId(a);
        Map<String, Competency> after = byId(b);
        List<CompetencyRef> added = new ArrayList<>();
        List<CompetencyRef> removed = new ArrayList<>();
        List<CompetencyChange> changed = new ArrayList<>();
        after.values().stream().filter(c -> !before.containsKey(c.id())).forEach(c -> added.add(ref(c)));
        before.values().stream().filter(c -> !after.containsKey(c.id())).forEach(c -> removed.add(ref(c)));
        for (Competency now : after.values()) {
            Competency then = before.get(now.id());
            if (then != null) {
                List<String> fields = fieldsChanged(then, now);
                if (!fields.isEmpty()) {
                    changed.add(new CompetencyChange(now.id(), now.code(), fields));
                }
            }
        }
        List<String> frameworkFields = new ArrayList<>();
        compare("title", a.title(), b.title(), frameworkFields);
        compare("description", a.description(), b.description(), frameworkFields);
        compare("details", a.details(), b.details(), frameworkFields);
        return new FrameworkDiff(from, to, added, removed, changed, relationsMissing(b, a), relationsMissing(a, b),
                !Objects.equals(a.scale(), b.scale()), !Objects.equals(a.policy(), b.policy()), frameworkFields);
    }

    private static List<String> fieldsChanged(Competency then, Competency now) {
        List<String> fields = new ArrayList<>();
        compare("code", then.code(), now.code(), fields);
        compare("title", then.title(), now.title(), fields);
        compare("description", then.description(), now.description(), fields);
        compare("parent", then.parentCode(), now.parentCode(), fields);
        compare("position", then.position(), now.position(), fields);
        compare("taxonomyLabel", then.taxonomyLabel(), now.taxonomyLabel(), fields);
        compare("scale", then.scaleOverride(), now.scaleOverride(), fields);
        compare("policy", then.policyOverride(), now.policyOverride(), fields);
        compare("details", then.details(), now.details(), fields);
        return fields;
    }

    private static void compare(String field, Object then, Object now, List<String> fields) {
        if (!Objects.equals(then, now)) {
            fields.add(field);
        }
    }

    private static CompetencyRef ref(Competency competency) {
        return new CompetencyRef(competency.id(), competency.code(), competency.title());
    }

    private static Map<String, Competency> byId(FrameworkContent content) {
        Map<String, Competency> byId = new LinkedHashMap<>();
        content.competencies().forEach(c -> byId.put(c.id(), c));
        return byId;
    }

    private static Map<String, String> byCode(FrameworkContent content) {
        Map<String, String> ids = new LinkedHashMap<>();
        content.competencies().forEach(c -> ids.put(c.code(), c.id()));
        return ids;
    }

    /** The relations of {@code content} that {@code other} lacks, their ends matched by competency id. */
    private static List<Relation> relationsMissing(FrameworkContent content, FrameworkContent other) {
        Map<String, String> ids = byCode(content);
        Map<String, String> otherIds = byCode(other);
        Set<String> otherKeys = other.relations().stream().map(r -> key(r, otherIds)).collect(Collectors.toSet());
        return content.relations().stream().filter(r -> !otherKeys.contains(key(r, ids))).toList();
    }

    private static String key(Relation relation, Map<String, String> idsByCode) {
        return idsByCode.get(relation.source()) + "|" + relation.type() + "|" + idsByCode.get(relation.target());
    }
}
