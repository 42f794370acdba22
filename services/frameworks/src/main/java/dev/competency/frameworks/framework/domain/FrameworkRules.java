package dev.competency.frameworks.framework.domain;

import dev.competency.contracts.evidence.SourceType;
import dev.competency.contracts.frameworks.FrameworkPublished.RelationType;
import dev.competency.contracts.frameworks.FrameworkPublished.RollUpType;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a framework version must keep. Every broken rule becomes one message that names the rule and the
 * offending item, so an author (or an import report) can fix all of them at once.
 */
public final class FrameworkRules {

    /** The depth of a competency whose parent chain loops (or leads into a loop): it has none. */
    private static final int IN_CYCLE = -1;

    /** Competency codes: letters, digits and {@code . _ : -}, no spaces, at most 100 characters. */
    public static final Pattern COMPETENCY_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

    /** Longest titles (frameworks, competencies, role profiles, resources). */
    public static final int TITLE_MAX = 500;
    /** Longest descriptions. */
    public static final int DESCRIPTION_MAX = 10_000;
    /** Longest taxonomy labels. */
    public static final int LABEL_MAX = 100;
    /** Longest external identifiers and web addresses. */
    public static final int EXTERNAL_ID_MAX = 2_000;
    /** Longest timestamps and ISO-8601 durations. */
    public static final int TIMESTAMP_MAX = 40;
    /** Longest ids given by callers (competency ids, framework ids). */
    public static final int ID_MAX = 100;
    /** Longest level codes. */
    public static final int LEVEL_CODE_MAX = 50;
    /** Longest level labels. */
    public static final int LEVEL_LABEL_MAX = 200;
    /** Longest free-text reasons, such as a retirement's. */
    public static final int REASON_MAX = 2_000;
    /** Most competencies in one version. */
    public static final int MAX_COMPETENCIES = 20_000;
    /** Most relations in one version. */
    public static final int MAX_RELATIONS = 100_000;
    /** Most entries of a list of labels, such as educational levels or subjects. */
    public static final int MAX_LIST = 50;
    /** Most levels of one scale. */
    public static final int MAX_LEVELS = 20;

    /** The deepest a competency tree may be: a root is at level 1, its children at level 2, and so on. */
    public static final int MAX_DEPTH = 32;

    private FrameworkRules() {
    }

    /** Every broken rule of {@code content}; empty when it is valid. Absent scale and policy count as defaults. */
    public static List<String> problems(FrameworkContent content) {
        List<String> problems = new ArrayList<>();
        if (content.title() == null || content.title().isBlank()) {
            problems.add("title is required");
        }
        length("title", content.title(), TITLE_MAX, problems);
        length("description", content.description(), DESCRIPTION_MAX, problems);
        length("externalId", content.externalId(), EXTERNAL_ID_MAX, problems);
        if (content.details() != null) {
            DocumentDetails details = content.details();
            length("creator", details.creator(), TITLE_MAX, problems);
            length("officialSourceUrl", details.officialSourceUrl(), EXTERNAL_ID_MAX, problems);
            length("changedAt", details.changedAt(), TIMESTAMP_MAX, problems);
            texts("subject", details.subject(), TITLE_MAX, problems);
            if (details.subjectUri().size() > MAX_LIST) {
                problems.add("subjectUri holds at most " + MAX_LIST + " entries but has " + details.subjectUri().size());
            }
            for (DocumentDetails.Link link : details.subjectUri()) {
                length("subjectUri title", link.title(), TITLE_MAX, problems);
                length("subjectUri identifier", link.identifier(), EXTERNAL_ID_MAX, problems);
                length("subjectUri uri", link.uri(), EXTERNAL_ID_MAX, problems);
            }
        }
        if (content.competencies().size() > MAX_COMPETENCIES) {
            problems.add("a version holds at most " + MAX_COMPETENCIES + " competencies but has "
                    + content.competencies().size());
            return problems;
        }
        if (content.relations().size() > MAX_RELATIONS) {
            problems.add("a version holds at most " + MAX_RELATIONS + " relations but has "
                    + content.relations().size());
            return problems;
        }
        Map<String, Competency> byCode = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        for (Competency competency : content.competencies()) {
            String code = competency.code();
            if (code == null || code.isBlank()) {
                problems.add("competency '" + competency.title() + "': code is required");
                continue;
            }
            if (!COMPETENCY_CODE.matcher(code).matches()) {
                problems.add("competency '" + code + "': code must be letters, digits and . _ : - without spaces,"
                        + " at most 100 characters");
            }
            if (byCode.putIfAbsent(code, competency) != null) {
                problems.add("competency '" + code + "': duplicate code");
            }
            if (competency.id() != null && !ids.add(competency.id())) {
                problems.add("competency '" + code + "': duplicate id '" + competency.id() + "'");
            }
            if (competency.title() == null || competency.title().isBlank()) {
                problems.add("competency '" + code + "': title is required");
            }
            if (competency.position() != null && competency.position() < 0) {
                problems.add("competency '" + code + "': position must not be negative");
            }
            String where = "competency '" + code + "': ";
            length(where + "id", competency.id(), ID_MAX, problems);
            length(where + "title", competency.title(), TITLE_MAX, problems);
            length(where + "description", competency.description(), DESCRIPTION_MAX, problems);
            length(where + "taxonomyLabel", competency.taxonomyLabel(), LABEL_MAX, problems);
            length(where + "externalId", competency.externalId(), EXTERNAL_ID_MAX, problems);
            length(where + "externalChangedAt", competency.externalChangedAt(), TIMESTAMP_MAX, problems);
            if (competency.details() != null) {
                ItemDetails details = competency.details();
                length(where + "notes", details.notes(), DESCRIPTION_MAX, problems);
                length(where + "listEnumeration", details.listEnumeration(), LABEL_MAX, problems);
                length(where + "parentAssociationId", details.parentAssociationId(), EXTERNAL_ID_MAX, problems);
                texts(where + "educationalLevel", details.educationalLevel(), LABEL_MAX, problems);
            }
        }
        Map<String, List<String>> children = new HashMap<>();
        for (Competency competency : byCode.values()) {
            String parent = competency.parentCode();
            if (parent == null) {
                continue;
            }
            if (!byCode.containsKey(parent)) {
                problems.add("competency '" + competency.code() + "': unknown parent '" + parent + "'");
            } else {
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add(competency.code());
            }
        }
        treeShape(byCode, problems);
        relationProblems(content.relations(), byCode.keySet(), problems);
        Scale scale = content.scale() == null ? Scale.DEFAULT : content.scale();
        scaleProblems("scale", scale, problems);
        Policy policy = content.policy() == null ? Policy.DEFAULT : content.policy();
        policyProblems("mastery policy", policy, null, children, problems);
        for (Competency competency : byCode.values()) {
            String where = "competency '" + competency.code() + "'";
            if (competency.scaleOverride() != null) {
                scaleProblems(where + ": scale", competency.scaleOverride(), problems);
            }
            if (competency.policyOverride() != null) {
                policyProblems(where + ": mastery policy", competency.policyOverride(), competency.code(), children,
                        problems);
            }
        }
        return problems;
    }

    /**
     * Cycles in the parent chains and competencies deeper than {@link #MAX_DEPTH}, in one pass that visits every
     * competency once and keeps no recursion, however long the chains are.
     */
    private static void treeShape(Map<String, Competency> byCode, List<String> problems) {
        Map<String, Integer> depths = new HashMap<>();
        for (String start : byCode.keySet()) {
            List<String> path = new ArrayList<>();
            Map<String, Integer> onPath = new HashMap<>();
            String current = start;
            int depth = 0;
            while (current != null && byCode.containsKey(current)) {
                Integer known = depths.get(current);
                if (known != null) {
                    depth = known;
                    break;
                }
                Integer index = onPath.get(current);
                if (index != null) {
                    List<String> cycle = new ArrayList<>(path.subList(index, path.size()));
                    cycle.forEach(code -> depths.put(code, IN_CYCLE));
                    cycle.add(current);
                    problems.add("competency '" + current + "': the parent chain forms a cycle: "
                            + String.join(" -> ", cycle));
                    path = path.subList(0, index);
                    depth = IN_CYCLE;
                    break;
                }
                onPath.put(current, path.size());
                path.add(current);
                current = byCode.get(current).parentCode();
            }
            for (int i = path.size() - 1; i >= 0; i--) {
                depth = depth == IN_CYCLE ? IN_CYCLE : depth + 1;
                depths.put(path.get(i), depth);
                if (depth == MAX_DEPTH + 1) {
                    problems.add("competency '" + path.get(i) + "': it is " + depth + " levels deep; at most "
                            + MAX_DEPTH + " are allowed");
                }
            }
        }
    }

    private static void relationProblems(List<Relation> relations, Set<String> codes, List<String> problems) {
        Set<String> seen = new HashSet<>();
        Map<String, List<String>> precedes = new LinkedHashMap<>();
        for (Relation relation : relations) {
            String name = "relation " + relation.source() + " " + relation.type() + " " + relation.target();
            length(name + ": externalId", relation.externalId(), EXTERNAL_ID_MAX, problems);
            if (relation.type() == null) {
                problems.add(name + ": type is required");
                continue;
            }
            boolean known = true;
            for (String end : new String[] {relation.source(), relation.target()}) {
                if (end == null || !codes.contains(end)) {
                    problems.add(name + ": unknown competency '" + end + "'");
                    known = false;
                }
            }
            if (known && relation.source().equals(relation.target())) {
                problems.add(name + ": a competency cannot relate to itself");
            } else if (known && !seen.add(relation.source() + "|" + relation.type() + "|" + relation.target())) {
                problems.add(name + ": duplicate relation");
            } else if (known && relation.type() == RelationType.PRECEDES) {
                precedes.computeIfAbsent(relation.source(), s -> new ArrayList<>()).add(relation.target());
            }
        }
        List<String> cycle = cycle(precedes);
        if (!cycle.isEmpty()) {
            problems.add("relation PRECEDES: prerequisites form a cycle: " + String.join(" -> ", cycle));
        }
    }

    /** One cycle of a directed graph as a closed path, or empty; depth first, without recursion. */
    private static List<String> cycle(Map<String, List<String>> edges) {
        Set<String> done = new HashSet<>();
        for (String start : edges.keySet()) {
            if (done.contains(start)) {
                continue;
            }
            List<String> path = new ArrayList<>(List.of(start));
            Map<String, Integer> onPath = new HashMap<>(Map.of(start, 0));
            Deque<Iterator<String>> pending = new ArrayDeque<>();
            pending.push(edges.getOrDefault(start, List.of()).iterator());
            while (!pending.isEmpty()) {
                Iterator<String> next = pending.peek();
                if (!next.hasNext()) {
                    pending.pop();
                    String node = path.remove(path.size() - 1);
                    onPath.remove(node);
                    done.add(node);
                    continue;
                }
                String target = next.next();
                Integer index = onPath.get(target);
                if (index != null) {
                    List<String> closed = new ArrayList<>(path.subList(index, path.size()));
                    closed.add(target);
                    return closed;
                }
                if (done.contains(target)) {
                    continue;
                }
                onPath.put(target, path.size());
                path.add(target);
                pending.push(edges.getOrDefault(target, List.of()).iterator());
            }
        }
        return List.of();
    }

    static void scaleProblems(String where, Scale scale, List<String> problems) {
        if (scale.levels().isEmpty()) {
            problems.add(where + ": needs at least one level");
            return;
        }
        if (scale.levels().size() > MAX_LEVELS) {
            problems.add(where + ": has " + scale.levels().size() + " levels; at most " + MAX_LEVELS
                    + " are allowed");
            return;
        }
        Set<String> codes = new HashSet<>();
        Double previous = null;
        String previousCode = null;
        int masteryLevels = 0;
        for (Level level : scale.levels()) {
            String code = level.code();
            String name = where + " level '" + code + "'";
            if (code == null || code.isBlank()) {
                problems.add(where + ": every level needs a code");
            } else if (!codes.add(code)) {
                problems.add(name + ": duplicate level code");
            }
            if (level.label() == null || level.label().isBlank()) {
                problems.add(name + ": label is required");
            }
            length(name + ": code", code, LEVEL_CODE_MAX, problems);
            length(name + ": label", level.label(), LEVEL_LABEL_MAX, problems);
            Double threshold = level.threshold();
            if (threshold == null || !(threshold >= 0.0 && threshold <= 1.0)) {
                problems.add(name + ": threshold must be in [0, 1] but was " + threshold);
            } else {
                if (previous != null && !(threshold > previous)) {
                    problems.add(name + ": thresholds must be strictly increasing but " + threshold
                            + " does not exceed " + previous + " of '" + previousCode + "'");
                }
                previous = threshold;
                previousCode = code;
            }
            if (level.mastery()) {
                masteryLevels++;
            }
        }
        if (masteryLevels != 1) {
            problems.add(where + ": exactly one level must be the mastery level but " + masteryLevels + " are");
        }
    }

    static void policyProblems(String where, Policy policy, String ownerCode, Map<String, List<String>> children,
                               List<String> problems) {
        Method method = policy.method();
        if (method == null || method.type() == null) {
            problems.add(where + ": method is required");
        } else {
            methodProblems(where + ": method " + method.type(), method, problems);
        }
        policy.sourceWeights().forEach((SourceType source, Double weight) -> {
            if (weight == null || !(weight >= 0.0) || weight.isInfinite()) {
                problems.add(where + ": source weight of " + source + " must be a finite number of at least 0 but was "
                        + weight);
            }
        });
        if (policy.minimumEvidence() != null && policy.minimumEvidence() < 0) {
            problems.add(where + ": minimumEvidence must not be negative but was " + policy.minimumEvidence());
        }
        durationProblems(where + ": validityPeriod", policy.validityPeriod(), problems);
        durationProblems(where + ": decayHalfLife", policy.decayHalfLife(), problems);
        if (policy.rollUp() != null) {
            rollUpProblems(where + ": roll-up", policy.rollUp(), ownerCode, children, problems);
        }
    }

    private static void methodProblems(String where, Method method, List<String> problems) {
        switch (method.type()) {
            case N_MASTERY -> {
                if (method.n() == null || method.n() < 1) {
                    problems.add(where + ": n must be at least 1 but was " + method.n());
                }
            }
            case WEIGHTED_AVERAGE -> {
                if (method.weight() == null || !(method.weight() >= 0.0 && method.weight() <= 1.0)) {
                    problems.add(where + ": weight must be in [0, 1] but was " + method.weight());
                }
            }
            case DECAYING_AVERAGE -> {
                if (method.decay() == null || !(method.decay() > 0.0 && method.decay() <= 1.0)) {
                    problems.add(where + ": decay must be in (0, 1] but was " + method.decay());
                }
            }
            case BKT -> {
                BktParameters bkt = method.bkt();
                if (bkt == null) {
                    problems.add(where + ": bkt parameters are required");
                    return;
                }
                probability(where, "pL0", bkt.pL0(), problems);
                probability(where, "pT", bkt.pT(), problems);
                probability(where, "pG", bkt.pG(), problems);
                probability(where, "pS", bkt.pS(), problems);
                probability(where, "pF", bkt.pF(), problems);
                if (bkt.pG() != null && bkt.pS() != null && !(bkt.pG() + bkt.pS() < 1.0)) {
                    problems.add(where + ": pG + pS must be below 1 (otherwise a correct answer is evidence of not"
                            + " knowing) but was " + (bkt.pG() + bkt.pS()));
                }
            }
            default -> {
                // HIGHEST, LATEST and AVERAGE take no parameters.
            }
        }
    }

    private static void probability(String where, String name, Double value, List<String> problems) {
        if (value == null || !(value >= 0.0 && value <= 1.0)) {
            problems.add(where + ": " + name + " must be in [0, 1] but was " + value);
        }
    }

    private static void durationProblems(String where, String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (value.length() > TIMESTAMP_MAX) {
            length(where, value, TIMESTAMP_MAX, problems);
            return;
        }
        try {
            boolean positive = value.contains("T") ? Duration.parse(value).compareTo(Duration.ZERO) > 0
                    : !Period.parse(value).isNegative() && !Period.parse(value).isZero();
            if (!positive) {
                problems.add(where + ": must be a positive ISO-8601 duration but was " + value);
            }
        } catch (DateTimeParseException e) {
            problems.add(where + ": must be an ISO-8601 duration such as P365D but was '" + value + "'");
        }
    }

    private static void rollUpProblems(String where, RollUp rollUp, String ownerCode,
                                       Map<String, List<String>> children, List<String> problems) {
        if (rollUp.type() == null) {
            problems.add(where + ": type is required");
            return;
        }
        if (rollUp.type() == RollUpType.POINTS && (rollUp.pointsTarget() == null || !(rollUp.pointsTarget() > 0.0))) {
            problems.add(where + ": POINTS needs a positive pointsTarget but was " + rollUp.pointsTarget());
            return;
        }
        if (ownerCode == null) {
            if (!rollUp.requiredChildren().isEmpty()) {
                problems.add(where + ": requiredChildren name particular children and belong on a competency's own"
                        + " policy, not the framework's");
            }
            if (rollUp.type() == RollUpType.POINTS) {
                children.forEach((parent, kids) -> {
                    if (rollUp.pointsTarget() > kids.size()) {
                        problems.add(where + ": points target " + rollUp.pointsTarget() + " exceeds the "
                                + kids.size() + " points the children of '" + parent + "' can give");
                    }
                });
            }
            return;
        }
        List<String> kids = children.getOrDefault(ownerCode, List.of());
        if (rollUp.type() != RollUpType.NONE && kids.isEmpty()) {
            problems.add(where + ": " + rollUp.type() + " needs children but '" + ownerCode + "' has none");
            return;
        }
        if (rollUp.type() == RollUpType.POINTS && rollUp.pointsTarget() > kids.size()) {
            problems.add(where + ": points target " + rollUp.pointsTarget() + " exceeds the " + kids.size()
                    + " points its " + kids.size() + " children can give");
        }
        for (String required : rollUp.requiredChildren()) {
            if (!kids.contains(required)) {
                problems.add(where + ": required child '" + required + "' is not a child of '" + ownerCode + "'");
            }
        }
    }

    /** Adds "{@code field} must be at most {@code max} characters" when {@code value} is longer. */
    public static void length(String field, String value, int max, List<String> problems) {
        if (value != null && value.length() > max) {
            problems.add(field + " must be at most " + max + " characters but has " + value.length());
        }
    }

    private static void texts(String field, List<String> values, int max, List<String> problems) {
        if (values.size() > MAX_LIST) {
            problems.add(field + " holds at most " + MAX_LIST + " entries but has " + values.size());
            return;
        }
        values.forEach(value -> length(field + " entry", value, max, problems));
    }
}
