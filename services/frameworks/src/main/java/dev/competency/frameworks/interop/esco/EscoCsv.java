package dev.competency.frameworks.interop.esco;

import dev.competency.frameworks.interop.casefile.UnusableCasePackage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns an ESCO skills CSV export (columns {@code conceptUri, preferredLabel, skillType, description,
 * broaderConceptUri, broaderConceptPT}, several broader concepts separated by {@code |}) into a CASE package, so that
 * it is imported, re-imported and reported like any CASE package. A skill becomes a CFItem (the concept URI its
 * identifier, the preferred label its abbreviated statement, the description its full statement, the skill type its
 * item type); its first broader concept becomes its parent: a skill of the file, or else a group item made from the
 * broader concept's URI and label.
 */
public final class EscoCsv {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> REQUIRED = List.of("conceptUri", "preferredLabel");

    private EscoCsv() {
    }

    /**
     * @param documentIdentifier the CFDocument identifier the skills are imported under (re-import with the same one
     *                           to update)
     * @param title              the framework title
     */
    public static ObjectNode toCasePackage(String csv, String documentIdentifier, String title) {
        List<List<String>> rows = parse(csv);
        if (rows.isEmpty()) {
            throw new UnusableCasePackage("the CSV is empty");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = rows.get(0);
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip(), i);
        }
        for (String column : REQUIRED) {
            if (!columns.containsKey(column)) {
                throw new UnusableCasePackage("the CSV has no column " + column + "; an ESCO skills export has "
                        + "conceptUri, preferredLabel, skillType, description and broaderConceptUri");
            }
        }
        Map<String, List<String>> skills = new LinkedHashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            String uri = cell(row, columns, "conceptUri");
            if (uri != null) {
                skills.put(uri, row);
            }
        }
        ArrayNode items = JSON.arrayNode();
        ArrayNode associations = JSON.arrayNode();
        Map<String, String> groups = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> skill : skills.entrySet()) {
            List<String> row = skill.getValue();
            String label = cell(row, columns, "preferredLabel");
            String description = cell(row, columns, "description");
            ObjectNode item = JSON.objectNode();
            item.put("identifier", skill.getKey());
            item.put("uri", skill.getKey());
            if (label != null) {
                item.put("abbreviatedStatement", label);
            }
            String statement = description != null ? description : label;
            if (statement != null) {
                item.put("fullStatement", statement);
            }
            item.put("humanCodingScheme", code(skill.getKey()));
            String type = cell(row, columns, "skillType");
            if (type != null) {
                item.put("CFItemType", type);
            }
            items.add(item);

            String[] broader = split(cell(row, columns, "broaderConceptUri"));
            String[] broaderLabels = split(cell(row, columns, "broaderConceptPT"));
            String parent = documentIdentifier;
            for (String candidate : broader) {
                if (skills.containsKey(candidate)) {
                    parent = candidate;
                    break;
                }
            }
            if (parent.equals(documentIdentifier) && broader.length > 0) {
                parent = broader[0];
                groups.putIfAbsent(parent, broaderLabels.length > 0 ? broaderLabels[0] : parent);
            }
            associations.add(childOf(documentIdentifier, skill.getKey(), parent, associations.size() + 1));
        }
        for (Map.Entry<String, String> group : groups.entrySet()) {
            ObjectNode item = JSON.objectNode();
            item.put("identifier", group.getKey());
            item.put("uri", group.getKey());
            item.put("fullStatement", group.getValue());
            item.put("humanCodingScheme", code(group.getKey()));
            item.put("CFItemType", "skill group");
            items.add(item);
            associations.add(childOf(documentIdentifier, group.getKey(), documentIdentifier,
                    associations.size() + 1));
        }
        ObjectNode document = JSON.objectNode();
        document.put("identifier", documentIdentifier);
        document.put("uri", documentIdentifier);
        document.put("creator", "ESCO");
        document.put("title", title);
        ObjectNode pkg = JSON.objectNode();
        pkg.set("CFDocument", document);
        pkg.set("CFItems", items);
        pkg.set("CFAssociations", associations);
        return pkg;
    }

    /** A readable, stable code: {@code ESCO.} and the first block of the concept's UUID, or a hash of its URI. */
    static String code(String uri) {
        String last = uri.substring(uri.lastIndexOf('/') + 1);
        String block = last.matches("[0-9a-fA-F]{8}-.*") ? last.substring(0, 8)
                : last.matches("[A-Za-z0-9._-]{1,20}") ? last
                : UUID.nameUUIDFromBytes(uri.getBytes(StandardCharsets.UTF_8)).toString().substring(0, 8);
        return "ESCO." + block.toUpperCase(Locale.ROOT);
    }

    /** An isChildOf association; its sequence number keeps the order of the file among siblings. */
    private static ObjectNode childOf(String documentIdentifier, String child, String parent, int sequenceNumber) {
        ObjectNode association = JSON.objectNode();
        association.put("identifier", UUID.nameUUIDFromBytes((documentIdentifier + "|" + child + "|" + parent)
                .getBytes(StandardCharsets.UTF_8)).toString());
        association.put("associationType", "isChildOf");
        association.put("originNodeIdentifier", child);
        association.put("destinationNodeIdentifier", parent);
        association.put("sequenceNumber", sequenceNumber);
        return association;
    }

    private static String[] split(String value) {
        if (value == null) {
            return new String[0];
        }
        return java.util.Arrays.stream(value.split("\\|")).map(String::strip).filter(s -> !s.isEmpty())
                .toArray(String[]::new);
    }

    private static String cell(List<String> row, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        if (index == null || index >= row.size()) {
            return null;
        }
        String value = row.get(index).strip();
        return value.isEmpty() ? null : value;
    }

    /** RFC 4180: fields separated by commas, quoted fields may hold commas, line breaks and doubled quotes. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || field.length() > 0) {
                    row.add(field.toString());
                    rows.add(row);
                }
                row = new ArrayList<>();
                field.setLength(0);
                any = false;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (any || field.length() > 0) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
