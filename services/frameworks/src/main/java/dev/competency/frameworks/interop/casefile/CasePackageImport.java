package dev.competency.frameworks.interop.casefile;

import dev.competency.contracts.frameworks.FrameworkPublished.RelationType;
import dev.competency.frameworks.framework.domain.Competency;
import dev.competency.frameworks.framework.domain.DocumentDetails;
import dev.competency.frameworks.framework.domain.ItemDetails;
import dev.competency.frameworks.framework.domain.FrameworkContent;
import dev.competency.frameworks.framework.domain.FrameworkRules;
import dev.competency.frameworks.framework.domain.Level;
import dev.competency.frameworks.framework.domain.Policy;
import dev.competency.frameworks.framework.domain.Relation;
import dev.competency.frameworks.framework.domain.Scale;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Maps a CASE 1.0 CFPackage onto the content of a framework version: the CFDocument becomes the framework, CFItems
 * its competencies, {@code isChildOf} the tree, {@code precedes} prerequisites, {@code isRelatedTo} and
 * {@code exactMatchOf} relations, and CFRubric levels the scale. CASE identifiers are kept as external ids, so a
 * newer package of the same document updates the competencies it already created (an item is taken over only when its
 * {@code lastChangeDateTime} is newer). Items that cannot be used are left out and reported with their identifier
 * and the reason; deviations from the 1.0 schema that can be read anyway are reported as warnings.
 */
public final class CasePackageImport {

    private static final int MAX_TITLE = 200;

    private CasePackageImport() {
    }

    /** One CASE item that was left out, and why. */
    public record ItemError(String identifier, String reason) {
    }

    /**
     * @param documentIdentifier the CFDocument identifier
     * @param suggestedCode      a framework code derived from the document title, for a first import
     * @param content            the framework content the package describes
     */
    public record Mapped(String documentIdentifier, String suggestedCode, FrameworkContent content,
                         List<String> warnings, List<ItemError> errors) {
    }

    private record Item(String identifier, String fullStatement, String abbreviatedStatement, String code,
                        String itemType, String notes, List<String> educationalLevel, String listEnumeration,
                        Instant lastChange, int order) {
    }

    /** Where an item hangs: its parent's identifier (absent for the document) and its isChildOf association. */
    private record ChildOf(String parent, String associationId, Integer sequenceNumber, int order) {
    }

    /** A relation association between two items of the package. */
    private record RelationEnds(String origin, String destination, RelationType type, String identifier) {
    }

    /** The CFDocument identifier of a package, or an {@link UnusableCasePackage} when there is none. */
    public static String documentIdentifier(JsonNode pkg) {
        if (pkg == null || !pkg.isObject()) {
            throw new UnusableCasePackage("a CASE package must be a JSON object with CFDocument and CFItems");
        }
        JsonNode document = pkg.path("CFDocument");
        if (!document.isObject()) {
            throw new UnusableCasePackage("the package has no CFDocument object");
        }
        String identifier = text(document, "identifier");
        if (identifier == null) {
            throw new UnusableCasePackage("the CFDocument has no identifier");
        }
        if (identifier.length() > FrameworkRules.EXTERNAL_ID_MAX) {
            throw new UnusableCasePackage("the CFDocument identifier has " + identifier.length()
                    + " characters; at most " + FrameworkRules.EXTERNAL_ID_MAX + " are allowed");
        }
        return identifier;
    }

    /**
     * @param frameworkId the framework the package is imported into, for the ids of new competencies
     * @param existing    the framework's latest content, or null on a first import
     */
    public static Mapped map(JsonNode pkg, String frameworkId, FrameworkContent existing) {
        String documentId = documentIdentifier(pkg);
        JsonNode document = pkg.path("CFDocument");
        String title = text(document, "title");
        if (title == null) {
            throw new UnusableCasePackage("the CFDocument " + documentId + " has no title");
        }
        List<String> warnings = new ArrayList<>();
        List<ItemError> errors = new ArrayList<>();
        if (!CaseIds.isUuid(documentId)) {
            warnings.add("CFDocument identifier '" + documentId + "' is not a UUID as CASE 1.0 requires; kept as is");
        }
        Map<String, Item> items = items(pkg.path("CFItems"), warnings, errors);
        if (items.isEmpty()) {
            throw new UnusableCasePackage("the package has no usable CFItems" + (errors.isEmpty() ? ""
                    : ": " + errors.size() + " item(s) are invalid, the first: " + errors.get(0).identifier() + " "
                    + errors.get(0).reason()));
        }
        Map<String, Competency> previous = previousByIdentifier(existing);

        Map<String, String> parents = new LinkedHashMap<>();
        Map<String, ChildOf> placements = new HashMap<>();
        List<RelationEnds> relationEnds = new ArrayList<>();
        readAssociations(pkg.path("CFAssociations"), documentId, items, parents, placements, relationEnds, warnings,
                errors);
        breakCycles(parents, errors);

        Map<String, String> codes = codes(items, previous, warnings);
        List<Competency> competencies = new ArrayList<>();
        Map<String, List<String>> children = new LinkedHashMap<>();
        for (Item item : items.values()) {
            if (!parents.containsKey(item.identifier())) {
                warnings.add("CFItem " + item.identifier() + " has no isChildOf association; placed at the root");
            }
            children.computeIfAbsent(Objects.requireNonNullElse(parents.get(item.identifier()), ""),
                    p -> new ArrayList<>()).add(item.identifier());
        }
        Map<String, Scale> itemScales = new HashMap<>();
        Scale frameworkScale = rubrics(pkg.path("CFRubrics"), items, itemScales, warnings, errors);
        addTree(children, items, placements, codes, previous, frameworkId, itemScales, competencies);

        List<Relation> relations = acyclicRelations(relationEnds.stream().map(ends -> new Relation(
                codes.get(ends.origin()), codes.get(ends.destination()), ends.type(), ends.identifier())).toList(),
                errors);

        String description = text(document, "description");
        if (description == null) {
            description = text(document, "notes");
        }
        Scale scale = frameworkScale != null ? frameworkScale : existing != null ? existing.scale() : Scale.DEFAULT;
        Policy policy = existing != null ? existing.policy() : Policy.DEFAULT;
        String externalId = existing != null
                && documentId.equals(CasePackageExport.documentIdentifier(frameworkId, existing))
                ? existing.externalId() : documentId;
        FrameworkContent content = new FrameworkContent(clip(title), description, externalId, competencies,
                relations, scale, policy, documentDetails(document, documentId, warnings));
        List<String> problems = FrameworkRules.problems(content);
        if (!problems.isEmpty()) {
            throw new UnusableCasePackage("the package maps to an invalid framework: " + String.join("; ", problems));
        }
        undatedOffsetWarning(pkg, warnings);
        return new Mapped(documentId, suggestedCode(title), content, warnings, errors);
    }

    private static DocumentDetails documentDetails(JsonNode document, String documentId, List<String> warnings) {
        List<String> subjects = texts(document.path("subject"));
        JsonNode links = document.has("subjectURI") ? document.path("subjectURI") : document.path("subjectURL");
        List<DocumentDetails.Link> subjectUri = new ArrayList<>();
        for (JsonNode link : links.isArray() ? links : List.of(links)) {
            if (link.isObject()) {
                subjectUri.add(new DocumentDetails.Link(text(link, "title"), text(link, "identifier"),
                        text(link, "uri")));
            }
        }
        String changed = text(document, "lastChangeDateTime");
        Instant changedAt = CaseIds.instant(changed);
        if (changed != null && changedAt == null) {
            warnings.add("CFDocument " + documentId + " has an unreadable lastChangeDateTime '" + changed
                    + "'; left out");
        }
        DocumentDetails details = new DocumentDetails(text(document, "creator"), text(document, "officialSourceURL"),
                subjects, subjectUri, changedAt == null ? null : changedAt.toString());
        return details.equals(new DocumentDetails(null, null, null, null, null)) ? null : details;
    }

    /** One warning for every date-time of the package written without a UTC offset, which is taken as UTC. */
    private static void undatedOffsetWarning(JsonNode pkg, List<String> warnings) {
        List<String> local = new ArrayList<>();
        String example = localDate(pkg.path("CFDocument"), "CFDocument", local, null);
        for (String kind : new String[] {"CFItems", "CFAssociations"}) {
            for (JsonNode node : pkg.path(kind)) {
                example = localDate(node, kind.substring(0, kind.length() - 1), local, example);
            }
        }
        if (!local.isEmpty()) {
            warnings.add(local.size() + " date-time(s) have no UTC offset, such as " + example
                    + "; they are taken as UTC");
        }
    }

    private static String localDate(JsonNode node, String kind, List<String> local, String example) {
        String value = text(node, "lastChangeDateTime");
        if (value == null || !CaseIds.lacksOffset(value)) {
            return example;
        }
        local.add(value);
        return example != null ? example : "'" + value + "' of " + kind + " "
                + Objects.requireNonNullElse(text(node, "identifier"), "(no identifier)");
    }

    /** A text or an array of texts, as CASE writers differ. */
    private static List<String> texts(JsonNode node) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : node.isArray() ? node : List.of(node)) {
            if (value.isString() && !value.asString().isBlank()) {
                values.add(value.asString());
            }
        }
        return values;
    }

    private static Map<String, Item> items(JsonNode array, List<String> warnings, List<ItemError> errors) {
        Map<String, Item> items = new LinkedHashMap<>();
        if (!array.isArray()) {
            return items;
        }
        int order = 0;
        int nonUuid = 0;
        int undated = 0;
        String firstNonUuid = null;
        for (JsonNode node : array) {
            order++;
            String identifier = text(node, "identifier");
            if (identifier == null) {
                errors.add(new ItemError("(CFItems[" + (order - 1) + "])", "the item has no identifier"));
                continue;
            }
            if (identifier.length() > FrameworkRules.EXTERNAL_ID_MAX) {
                errors.add(new ItemError("(CFItems[" + (order - 1) + "])", "the identifier has "
                        + identifier.length() + " characters; at most " + FrameworkRules.EXTERNAL_ID_MAX
                        + " are allowed"));
                continue;
            }
            if (items.containsKey(identifier)) {
                errors.add(new ItemError(identifier, "the identifier is used by an earlier item; this one is left out"));
                continue;
            }
            String fullStatement = text(node, "fullStatement");
            if (fullStatement == null) {
                errors.add(new ItemError(identifier, "the item has no fullStatement"));
                continue;
            }
            if (!CaseIds.isUuid(identifier)) {
                nonUuid++;
                firstNonUuid = firstNonUuid == null ? identifier : firstNonUuid;
            }
            String lastChange = text(node, "lastChangeDateTime");
            Instant changedAt = CaseIds.instant(lastChange);
            if (lastChange == null) {
                undated++;
            } else if (changedAt == null) {
                warnings.add("CFItem " + identifier + " has an unreadable lastChangeDateTime '" + lastChange
                        + "'; it counts as changed");
            }
            String itemType = text(node, "CFItemType");
            if (itemType == null) {
                itemType = text(node.path("CFItemTypeURI"), "title");
            }
            items.put(identifier, new Item(identifier,
                    limited(identifier, "fullStatement", fullStatement, FrameworkRules.DESCRIPTION_MAX, warnings),
                    limited(identifier, "abbreviatedStatement", text(node, "abbreviatedStatement"),
                            FrameworkRules.TITLE_MAX, warnings),
                    text(node, "humanCodingScheme"),
                    limited(identifier, "CFItemType", itemType, FrameworkRules.LABEL_MAX, warnings),
                    limited(identifier, "notes", text(node, "notes"), FrameworkRules.DESCRIPTION_MAX, warnings),
                    texts(node.path("educationalLevel")), text(node, "listEnumeration"), changedAt, order));
        }
        if (undated > 0) {
            warnings.add(undated + " CFItem(s) have no lastChangeDateTime; their values in the package are taken");
        }
        if (nonUuid > 0) {
            warnings.add(nonUuid + " CFItem identifier(s) are not UUIDs as CASE 1.0 requires, such as '"
                    + firstNonUuid + "'; kept as they are");
        }
        return items;
    }

    private static void readAssociations(JsonNode array, String documentId, Map<String, Item> items,
                                         Map<String, String> parents, Map<String, ChildOf> placements,
                                         List<RelationEnds> relations, List<String> warnings,
                                         List<ItemError> errors) {
        if (!array.isArray()) {
            return;
        }
        Set<String> seenRelations = new HashSet<>();
        Set<String> seenIdentifiers = new HashSet<>();
        int order = 0;
        for (JsonNode node : array) {
            order++;
            String identifier = Objects.requireNonNullElse(text(node, "identifier"), "(association)");
            if (text(node, "identifier") != null && !seenIdentifiers.add(identifier)) {
                errors.add(new ItemError(identifier, "the association identifier is used by an earlier association;"
                        + " this one is left out"));
                continue;
            }
            String type = text(node, "associationType");
            String origin = end(node, "originNode");
            String destination = end(node, "destinationNode");
            if (type == null || origin == null || destination == null) {
                errors.add(new ItemError(identifier, "the association needs associationType, an origin and a"
                        + " destination"));
                continue;
            }
            String kept = text(node, "identifier") == null
                    || identifier.equals(CaseIds.derived(documentId, origin, type, destination)) ? null : identifier;
            switch (type) {
                case "isChildOf" -> {
                    if (!items.containsKey(origin)) {
                        warnings.add("CFAssociation " + identifier + ": isChildOf from '" + origin
                                + "', which is not an item of this package; ignored");
                    } else if (!destination.equals(documentId) && !items.containsKey(destination)) {
                        errors.add(new ItemError(identifier, "isChildOf points to '" + destination
                                + "', which is neither the document nor an item of this package; the item "
                                + origin + " is placed at the root"));
                        parents.putIfAbsent(origin, null);
                    } else if (parents.containsKey(origin) && parents.get(origin) != null) {
                        warnings.add("CFAssociation " + identifier + ": item " + origin + " already has a parent;"
                                + " this second isChildOf is ignored");
                    } else {
                        parents.put(origin, destination.equals(documentId) ? null : destination);
                        JsonNode sequence = node.path("sequenceNumber");
                        placements.put(origin, new ChildOf(parents.get(origin), kept,
                                sequence.isIntegralNumber() ? Integer.valueOf(sequence.asInt()) : null, order));
                    }
                }
                case "precedes", "isRelatedTo", "exactMatchOf" -> {
                    if (!items.containsKey(origin) || !items.containsKey(destination)) {
                        warnings.add("CFAssociation " + identifier + ": " + type + " between '" + origin + "' and '"
                                + destination + "' leaves this package; ignored");
                    } else if (origin.equals(destination)) {
                        errors.add(new ItemError(identifier, type + " relates item " + origin + " to itself"));
                    } else if (seenRelations.add(origin + "|" + type + "|" + destination)) {
                        relations.add(new RelationEnds(origin, destination, relationType(type), kept));
                    }
                }
                default -> warnings.add("CFAssociation " + identifier + ": associationType '" + type
                        + "' has no counterpart in frameworks; ignored");
            }
        }
    }

    private static RelationType relationType(String caseType) {
        return switch (caseType) {
            case "precedes" -> RelationType.PRECEDES;
            case "isRelatedTo" -> RelationType.IS_RELATED_TO;
            default -> RelationType.EXACT_MATCH_OF;
        };
    }

    /** An end of an association: {@code <prefix>URI.identifier} (CASE 1.0) or {@code <prefix>Identifier}. */
    private static String end(JsonNode association, String prefix) {
        JsonNode uri = association.path(prefix + "URI");
        String identifier = uri.isObject() ? text(uri, "identifier") : null;
        return identifier != null ? identifier : text(association, prefix + "Identifier");
    }

    /**
     * Every item of every loop in the parent chains is reported with the whole loop; the first item met of each loop
     * is placed at the root, which breaks it.
     */
    private static void breakCycles(Map<String, String> parents, List<ItemError> errors) {
        Set<String> settled = new HashSet<>();
        for (String start : new ArrayList<>(parents.keySet())) {
            List<String> path = new ArrayList<>();
            Map<String, Integer> onPath = new HashMap<>();
            String current = start;
            while (current != null && !settled.contains(current) && !onPath.containsKey(current)) {
                onPath.put(current, path.size());
                path.add(current);
                current = parents.get(current);
            }
            if (current != null && onPath.containsKey(current)) {
                List<String> loop = new ArrayList<>(path.subList(onPath.get(current), path.size()));
                String shown = String.join(" -> ", loop) + " -> " + current;
                for (String member : loop) {
                    errors.add(new ItemError(member, "its isChildOf chain forms a cycle: " + shown
                            + (member.equals(current) ? "; the item is placed at the root" : "")));
                }
                parents.put(current, null);
            }
            settled.addAll(path);
        }
    }

    private static Map<String, Competency> previousByIdentifier(FrameworkContent existing) {
        Map<String, Competency> previous = new HashMap<>();
        if (existing != null) {
            for (Competency competency : existing.competencies()) {
                previous.put(competency.id(), competency);
                if (competency.externalId() != null) {
                    previous.put(competency.externalId(), competency);
                }
            }
        }
        return previous;
    }

    private static Map<String, String> codes(Map<String, Item> items, Map<String, Competency> previous,
                                             List<String> warnings) {
        Map<String, String> codes = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (Item item : items.values()) {
            Competency earlier = previous.get(item.identifier());
            String code;
            if (earlier != null && !isNewer(item, earlier)) {
                code = earlier.code();
            } else if (item.code() == null) {
                code = "CASE-" + CaseIds.derived(item.identifier()).substring(0, 8).toUpperCase(Locale.ROOT);
                warnings.add("CFItem " + item.identifier() + " has no humanCodingScheme; code " + code + " was made");
            } else {
                code = item.code().strip().replaceAll("\\s+", "-").replaceAll("[^A-Za-z0-9._:-]", "");
                if (code.length() > 100) {
                    code = code.substring(0, 100);
                }
                if (code.isEmpty() || !FrameworkRules.COMPETENCY_CODE.matcher(code).matches()) {
                    code = "CASE-" + CaseIds.derived(item.identifier()).substring(0, 8).toUpperCase(Locale.ROOT);
                }
                if (!code.equals(item.code())) {
                    warnings.add("CFItem " + item.identifier() + ": humanCodingScheme '" + item.code()
                            + "' is not a valid code; " + code + " is used");
                }
            }
            String unique = code;
            for (int n = 2; !used.add(unique); n++) {
                unique = code + "-" + n;
            }
            if (!unique.equals(code)) {
                warnings.add("CFItem " + item.identifier() + ": code " + code + " is used by another item; " + unique
                        + " is used");
            }
            codes.put(item.identifier(), unique);
        }
        return codes;
    }

    private static boolean isNewer(Item item, Competency earlier) {
        Instant known = CaseIds.instant(earlier.externalChangedAt());
        return item.lastChange() == null || known == null || item.lastChange().isAfter(known);
    }

    /** The items in tree order, depth first with siblings sorted, walked with an explicit stack. */
    private static void addTree(Map<String, List<String>> children, Map<String, Item> items,
                                Map<String, ChildOf> placements, Map<String, String> codes,
                                Map<String, Competency> previous, String frameworkId, Map<String, Scale> itemScales,
                                List<Competency> out) {
        Comparator<String> siblingOrder = siblingOrder(items, placements);
        Deque<Placement> pending = new ArrayDeque<>();
        pushChildren("", children, siblingOrder, pending);
        while (!pending.isEmpty()) {
            Placement placement = pending.pop();
            Item item = items.get(placement.identifier());
            String parentCode = placement.parent().isEmpty() ? null : codes.get(placement.parent());
            ChildOf childOf = placements.get(item.identifier());
            ItemDetails details = new ItemDetails(item.notes(), item.educationalLevel(), item.listEnumeration(),
                    sequenceOf(childOf), childOf == null ? null : childOf.associationId());
            out.add(competency(item, codes.get(item.identifier()), parentCode, placement.position(),
                    previous.get(item.identifier()), frameworkId, itemScales.get(item.identifier()),
                    details.equals(new ItemDetails(null, null, null, null, null)) ? null : details));
            pushChildren(item.identifier(), children, siblingOrder, pending);
        }
    }

    /**
     * Siblings in the order the file means: by {@code sequenceNumber}; without one, by {@code listEnumeration} and
     * then {@code humanCodingScheme}, both compared with their numbers as numbers (L1.2 before L1.10); then in the
     * order of their isChildOf associations, then of the items.
     */
    private static Comparator<String> siblingOrder(Map<String, Item> items, Map<String, ChildOf> placements) {
        return Comparator
                .comparing((String id) -> sequenceOf(placements.get(id)), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(id -> items.get(id).listEnumeration(), Comparator.nullsLast(CasePackageImport::natural))
                .thenComparing(id -> items.get(id).code(), Comparator.nullsLast(CasePackageImport::natural))
                .thenComparing(id -> placements.containsKey(id) ? placements.get(id).order() : Integer.MAX_VALUE)
                .thenComparing(id -> items.get(id).order());
    }

    private static Integer sequenceOf(ChildOf childOf) {
        return childOf == null ? null : childOf.sequenceNumber();
    }

    /** Compares texts with runs of digits as numbers: {@code L1.2} before {@code L1.10}. */
    static int natural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int endA = i;
                int endB = j;
                while (endA < a.length() && Character.isDigit(a.charAt(endA))) {
                    endA++;
                }
                while (endB < b.length() && Character.isDigit(b.charAt(endB))) {
                    endB++;
                }
                String numberA = a.substring(i, endA).replaceFirst("^0+(?=.)", "");
                String numberB = b.substring(j, endB).replaceFirst("^0+(?=.)", "");
                int compared = numberA.length() != numberB.length()
                        ? Integer.compare(numberA.length(), numberB.length()) : numberA.compareTo(numberB);
                if (compared != 0) {
                    return compared;
                }
                i = endA;
                j = endB;
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** An item with its parent's identifier (empty for a root) and its position among its siblings. */
    private record Placement(String identifier, String parent, int position) {
    }

    /** Pushes the children of {@code parent} so that the first child comes off the stack first. */
    private static void pushChildren(String parent, Map<String, List<String>> children, Comparator<String> order,
                                     Deque<Placement> pending) {
        List<String> group = new ArrayList<>(children.getOrDefault(parent, List.of()));
        group.sort(order);
        for (int position = group.size() - 1; position >= 0; position--) {
            pending.push(new Placement(group.get(position), parent, position));
        }
    }

    private static Competency competency(Item item, String code, String parentCode, int position,
                                         Competency earlier, String frameworkId, Scale rubricScale,
                                         ItemDetails details) {
        String title = item.abbreviatedStatement() != null ? item.abbreviatedStatement() : clip(item.fullStatement());
        String description = item.abbreviatedStatement() != null || !title.equals(item.fullStatement())
                ? item.fullStatement() : null;
        String changedAt = item.lastChange() == null ? null : item.lastChange().toString();
        if (earlier == null) {
            return new Competency(CaseIds.derived(frameworkId, "case", item.identifier()), code, title, description,
                    parentCode, position, item.itemType(), item.identifier(), changedAt, rubricScale, null, details);
        }
        Scale scale = rubricScale != null ? rubricScale : earlier.scaleOverride();
        Competency kept = new Competency(earlier.id(), code, earlier.title(), earlier.description(), parentCode,
                position, earlier.taxonomyLabel(), earlier.externalId(), earlier.externalChangedAt(), scale,
                earlier.policyOverride(), earlier.details());
        if (!isNewer(item, earlier)) {
            return kept;
        }
        Competency taken = new Competency(earlier.id(), code, title, description, parentCode, position,
                item.itemType(), earlier.externalId(), earlier.externalChangedAt(), scale, earlier.policyOverride(),
                details);
        if (taken.equals(kept)) {
            return kept;
        }
        return new Competency(earlier.id(), code, title, description, parentCode, position, item.itemType(),
                earlier.externalId() == null && earlier.id().equals(item.identifier()) ? null : item.identifier(),
                changedAt, scale, earlier.policyOverride(), details);
    }

    /** Drops the prerequisite that would close a cycle, with an error for it. */
    private static List<Relation> acyclicRelations(List<Relation> relations, List<ItemError> errors) {
        List<Relation> kept = new ArrayList<>();
        Map<String, List<String>> precedes = new HashMap<>();
        for (Relation relation : relations) {
            if (relation.type() == RelationType.PRECEDES && reaches(relation.target(), relation.source(), precedes)) {
                errors.add(new ItemError(relation.source(), "precedes " + relation.target()
                        + " would make prerequisites circular; the association is left out"));
                continue;
            }
            if (relation.type() == RelationType.PRECEDES) {
                precedes.computeIfAbsent(relation.source(), s -> new ArrayList<>()).add(relation.target());
            }
            kept.add(relation);
        }
        return kept;
    }

    private static boolean reaches(String from, String to, Map<String, List<String>> edges) {
        List<String> pending = new ArrayList<>(List.of(from));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            String node = pending.remove(pending.size() - 1);
            if (node.equals(to)) {
                return true;
            }
            if (seen.add(node)) {
                pending.addAll(edges.getOrDefault(node, List.of()));
            }
        }
        return false;
    }

    /**
     * CFRubrics: a criterion tied to an item ({@code CFItemURI}) gives that competency its scale; the first criterion
     * tied to no item gives the framework's scale, which is returned (or null).
     */
    private static Scale rubrics(JsonNode rubrics, Map<String, Item> items, Map<String, Scale> itemScales,
                                 List<String> warnings, List<ItemError> errors) {
        if (!rubrics.isArray()) {
            return null;
        }
        Scale frameworkScale = null;
        for (JsonNode rubric : rubrics) {
            for (JsonNode criterion : rubric.path("CFRubricCriteria")) {
                String identifier = Objects.requireNonNullElse(text(criterion, "identifier"), "(criterion)");
                Scale scale = scale(criterion.path("CFRubricCriterionLevels"));
                if (scale == null) {
                    errors.add(new ItemError(identifier, "the rubric criterion has no levels; no scale taken from it"));
                    continue;
                }
                List<String> problems = FrameworkRules.problems(new FrameworkContent("scale", null, null, List.of(),
                        List.of(), scale, null));
                if (!problems.isEmpty()) {
                    errors.add(new ItemError(identifier, "the rubric levels do not form a valid scale: "
                            + String.join("; ", problems)));
                    continue;
                }
                String item = criterion.path("CFItemURI").isObject() ? text(criterion.path("CFItemURI"), "identifier")
                        : text(criterion, "CFItemIdentifier");
                if (item == null) {
                    if (frameworkScale == null) {
                        frameworkScale = scale;
                    } else {
                        warnings.add("rubric criterion " + identifier + " is tied to no item and the framework"
                                + " already has a scale; ignored");
                    }
                } else if (items.containsKey(item)) {
                    itemScales.put(item, scale);
                } else {
                    warnings.add("rubric criterion " + identifier + " is tied to '" + item
                            + "', which is not an item of this package; ignored");
                }
            }
        }
        return frameworkScale;
    }

    private static Scale scale(JsonNode levelNodes) {
        if (!levelNodes.isArray() || levelNodes.isEmpty()) {
            return null;
        }
        List<JsonNode> nodes = new ArrayList<>();
        levelNodes.forEach(nodes::add);
        nodes.sort(Comparator.comparing((JsonNode n) -> n.path("position").isNumber() ? n.path("position").asDouble()
                : n.path("score").isNumber() ? n.path("score").asDouble() : 0.0));
        boolean scored = nodes.stream().allMatch(n -> n.path("score").isNumber());
        double min = scored ? nodes.stream().mapToDouble(n -> n.path("score").asDouble()).min().orElse(0) : 0;
        double max = scored ? nodes.stream().mapToDouble(n -> n.path("score").asDouble()).max().orElse(1) : 1;
        boolean unit = scored && min >= 0.0 && max <= 1.0;
        List<Level> levels = new ArrayList<>();
        int masteryIndex = -1;
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            double threshold;
            if (unit) {
                threshold = node.path("score").asDouble();
            } else if (scored && max > min) {
                threshold = (node.path("score").asDouble() - min) / (max - min);
            } else {
                threshold = (double) i / nodes.size();
            }
            String quality = text(node, "quality");
            String description = text(node, "description");
            String code = quality != null ? quality.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_")
                    : "LEVEL_" + (i + 1);
            String label = description != null ? clip(description) : quality != null ? quality : code;
            String marker = (Objects.requireNonNullElse(text(node, "feedback"), "") + " " + code + " " + label)
                    .toLowerCase(Locale.ROOT);
            if (masteryIndex < 0 && marker.contains("mastery")) {
                masteryIndex = i;
            }
            levels.add(new Level(code, label, Math.round(threshold * 1_000_000d) / 1_000_000d, false));
        }
        for (int i = 0; i < levels.size() && masteryIndex < 0; i++) {
            if (levels.get(i).code().contains("PROFICIEN") || levels.get(i).threshold() >= 0.7) {
                masteryIndex = i;
            }
        }
        if (masteryIndex < 0) {
            masteryIndex = levels.size() - 1;
        }
        Level mastery = levels.get(masteryIndex);
        levels.set(masteryIndex, new Level(mastery.code(), mastery.label(), mastery.threshold(), true));
        return new Scale(levels);
    }

    static String suggestedCode(String title) {
        StringBuilder code = new StringBuilder();
        for (String word : title.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                code.append(Character.toUpperCase(word.charAt(0)));
            }
        }
        String result = code.length() == 0 ? "CASE" : code.toString();
        return Character.isLetter(result.charAt(0)) ? result : "C" + result;
    }

    /** {@code value} cut to {@code max} characters (ending in an ellipsis) with a warning when it is longer. */
    private static String limited(String identifier, String field, String value, int max, List<String> warnings) {
        if (value == null || value.length() <= max) {
            return value;
        }
        warnings.add("CFItem " + identifier + ": " + field + " has " + value.length() + " characters; the first "
                + max + " are kept");
        return value.substring(0, max - 1) + "…";
    }

    private static String clip(String text) {
        String stripped = text.strip();
        return stripped.length() <= MAX_TITLE ? stripped : stripped.substring(0, MAX_TITLE - 1).strip() + "…";
    }

    /** A text field, or null when it is absent, not text or blank. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainer()) {
            return null;
        }
        String text = value.asString();
        return text == null || text.isBlank() ? null : text;
    }
}
