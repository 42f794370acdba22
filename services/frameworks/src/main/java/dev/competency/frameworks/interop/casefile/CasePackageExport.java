package dev.competency.frameworks.interop.casefile;

import dev.competency.contracts.frameworks.FrameworkPublished.RelationType;
import dev.competency.frameworks.framework.domain.Competency;
import dev.competency.frameworks.framework.domain.DocumentDetails;
import dev.competency.frameworks.framework.domain.FrameworkContent;
import dev.competency.frameworks.framework.domain.ItemDetails;
import dev.competency.frameworks.framework.domain.Level;
import dev.competency.frameworks.framework.domain.Relation;
import dev.competency.frameworks.framework.domain.Scale;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a published framework version as a CASE 1.0 CFPackage: the framework as CFDocument, competencies as CFItems,
 * the tree as {@code isChildOf} and relations as {@code precedes}, {@code isRelatedTo} and {@code exactMatchOf}
 * associations ({@code implies} has no CASE counterpart and is left out), and the scales as a CFRubric whose levels
 * carry the code ({@code quality}), the label ({@code description}) and the threshold ({@code score}); the mastery
 * level says so in its {@code feedback}. Identifiers are UUIDs as CASE 1.0 requires: the external ids where they are
 * UUIDs, the framework and competency ids otherwise; association identifiers kept from an import where they are
 * UUIDs, derived from the association's ends otherwise. What an import kept of the CFDocument and CFItems beyond the
 * frameworks fields (creator, official source, subjects, notes, educational levels, list enumerations, sequence
 * numbers) is written back.
 */
public final class CasePackageExport {

    static final String MASTERY_FEEDBACK = "mastery level";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CasePackageExport() {
    }

    /** What an export needs of a version. */
    public record Source(String frameworkId, int version, boolean retired, Instant publishedAt,
                         FrameworkContent content) {
    }

    /** The CFDocument identifier a version is exported under. */
    public static String documentIdentifier(String frameworkId, FrameworkContent content) {
        if (content.externalId() == null) {
            return frameworkId;
        }
        return CaseIds.isUuid(content.externalId()) ? content.externalId()
                : CaseIds.derived(frameworkId, "document", content.externalId());
    }

    /** Whether {@code identifier} is a UUID, the form CASE 1.0 requires of identifiers. */
    public static boolean isUuid(String identifier) {
        return CaseIds.isUuid(identifier);
    }

    /** The CFItem identifier a competency is exported under. */
    public static String itemIdentifier(Competency competency) {
        return CaseIds.isUuid(competency.externalId()) ? competency.externalId() : competency.id();
    }

    public static ObjectNode export(Source source, String baseUri) {
        FrameworkContent content = source.content();
        String documentId = documentIdentifier(source.frameworkId(), content);
        String changed = source.publishedAt().toString();
        DocumentDetails details = content.details() != null ? content.details()
                : new DocumentDetails(null, null, null, null, null);
        ObjectNode documentLink = link(content.title(), documentId, baseUri + "/CFDocuments/" + documentId);

        ObjectNode document = identified(documentId, baseUri + "/CFDocuments/" + documentId);
        document.put("creator", details.creator() != null ? details.creator() : "Competency platform");
        document.put("title", content.title());
        document.put("lastChangeDateTime", details.changedAt() != null ? details.changedAt() : changed);
        putPresent(document, "officialSourceURL", details.officialSourceUrl());
        if (!details.subject().isEmpty()) {
            ArrayNode subjects = document.putArray("subject");
            details.subject().forEach(subjects::add);
        }
        if (!details.subjectUri().isEmpty()) {
            ArrayNode subjectUri = document.putArray("subjectURI");
            details.subjectUri().forEach(link -> subjectUri.add(link(link.title(), link.identifier(), link.uri())));
        }
        putPresent(document, "description", content.description());
        document.put("version", String.valueOf(source.version()));
        document.put("adoptionStatus", source.retired() ? "Deprecated" : "Implemented");
        document.set("CFPackageURI", link(content.title(), documentId, baseUri + "/CFPackages/" + documentId));

        Map<String, Competency> byCode = new HashMap<>();
        content.competencies().forEach(c -> byCode.put(c.code(), c));
        ArrayNode items = JSON.arrayNode();
        ArrayNode associations = JSON.arrayNode();
        for (Competency competency : content.competencies()) {
            String itemId = itemIdentifier(competency);
            String itemChanged = competency.externalChangedAt() != null ? competency.externalChangedAt() : changed;
            ObjectNode item = identified(itemId, baseUri + "/CFItems/" + itemId);
            item.set("CFDocumentURI", documentLink.deepCopy());
            if (competency.description() != null) {
                item.put("fullStatement", competency.description());
                item.put("abbreviatedStatement", competency.title());
            } else {
                item.put("fullStatement", competency.title());
            }
            item.put("humanCodingScheme", competency.code());
            putPresent(item, "CFItemType", competency.taxonomyLabel());
            ItemDetails itemDetails = competency.details() != null ? competency.details()
                    : new ItemDetails(null, null, null, null, null);
            putPresent(item, "notes", itemDetails.notes());
            if (!itemDetails.educationalLevel().isEmpty()) {
                ArrayNode levels = item.putArray("educationalLevel");
                itemDetails.educationalLevel().forEach(levels::add);
            }
            putPresent(item, "listEnumeration", itemDetails.listEnumeration());
            item.put("lastChangeDateTime", itemChanged);
            items.add(item);

            ObjectNode parent = competency.parentCode() == null ? documentLink
                    : itemLink(byCode.get(competency.parentCode()), baseUri);
            ObjectNode childOf = association(documentId, itemId, "isChildOf", parent.path("identifier").asString(),
                    baseUri, itemChanged, documentLink, itemDetails.parentAssociationId());
            childOf.put("sequenceNumber", itemDetails.sequenceNumber() != null ? itemDetails.sequenceNumber()
                    : competency.position() + 1);
            childOf.set("originNodeURI", itemLink(competency, baseUri));
            childOf.set("destinationNodeURI", parent.deepCopy());
            associations.add(childOf);
        }
        for (Relation relation : content.relations()) {
            String type = caseType(relation.type());
            if (type == null) {
                continue;
            }
            Competency origin = byCode.get(relation.source());
            Competency destination = byCode.get(relation.target());
            ObjectNode association = association(documentId, itemIdentifier(origin), type,
                    itemIdentifier(destination), baseUri, changed, documentLink, relation.externalId());
            association.set("originNodeURI", itemLink(origin, baseUri));
            association.set("destinationNodeURI", itemLink(destination, baseUri));
            associations.add(association);
        }

        ArrayNode criteria = JSON.arrayNode();
        String rubricId = CaseIds.derived(documentId, "rubric", String.valueOf(source.version()));
        criteria.add(criterion(rubricId, null, content.scale(), 0, baseUri, changed));
        int position = 1;
        for (Competency competency : content.competencies()) {
            if (competency.scaleOverride() != null) {
                criteria.add(criterion(rubricId, competency, competency.scaleOverride(), position++, baseUri,
                        changed));
            }
        }
        ObjectNode rubric = identified(rubricId, baseUri + "/CFRubrics/" + rubricId);
        rubric.put("title", content.title() + ": proficiency scales");
        rubric.put("lastChangeDateTime", changed);
        rubric.set("CFRubricCriteria", criteria);

        ObjectNode definitions = JSON.objectNode();
        for (String kind : new String[] {"CFConcepts", "CFSubjects", "CFLicenses", "CFItemTypes",
                "CFAssociationGroupings"}) {
            definitions.set(kind, JSON.arrayNode());
        }
        ObjectNode pkg = JSON.objectNode();
        pkg.set("CFDocument", document);
        pkg.set("CFItems", items);
        pkg.set("CFAssociations", associations);
        pkg.set("CFDefinitions", definitions);
        pkg.set("CFRubrics", JSON.arrayNode().add(rubric));
        return pkg;
    }

    private static ObjectNode criterion(String rubricId, Competency competency, Scale scale, int position,
                                        String baseUri, String changed) {
        String criterionId = CaseIds.derived(rubricId, competency == null ? "framework" : competency.id());
        ObjectNode criterion = identified(criterionId, baseUri + "/CFRubricCriteria/" + criterionId);
        criterion.put("description", competency == null ? "Scale of every competency without its own"
                : "Scale of " + competency.code());
        if (competency != null) {
            criterion.set("CFItemURI", itemLink(competency, baseUri));
        }
        criterion.put("position", position);
        criterion.put("rubricId", rubricId);
        criterion.put("lastChangeDateTime", changed);
        ArrayNode levels = JSON.arrayNode();
        for (int i = 0; i < scale.levels().size(); i++) {
            Level level = scale.levels().get(i);
            String levelId = CaseIds.derived(criterionId, level.code());
            ObjectNode node = identified(levelId, baseUri + "/CFRubricCriterionLevels/" + levelId);
            node.put("quality", level.code());
            node.put("description", level.label());
            node.put("score", level.threshold());
            if (level.mastery()) {
                node.put("feedback", MASTERY_FEEDBACK);
            }
            node.put("position", i);
            node.put("rubricCriterionId", criterionId);
            node.put("lastChangeDateTime", changed);
            levels.add(node);
        }
        criterion.set("CFRubricCriterionLevels", levels);
        return criterion;
    }

    /** An association under its kept identifier where that is a UUID, else under one derived from its ends. */
    private static ObjectNode association(String documentId, String origin, String type, String destination,
                                          String baseUri, String changed, ObjectNode documentLink, String keptId) {
        String id = CaseIds.isUuid(keptId) ? keptId : CaseIds.derived(documentId, origin, type, destination);
        ObjectNode association = identified(id, baseUri + "/CFAssociations/" + id);
        association.set("CFDocumentURI", documentLink.deepCopy());
        association.put("associationType", type);
        association.put("lastChangeDateTime", changed);
        return association;
    }

    private static String caseType(RelationType type) {
        return switch (type) {
            case PRECEDES -> "precedes";
            case IS_RELATED_TO -> "isRelatedTo";
            case EXACT_MATCH_OF -> "exactMatchOf";
            case IMPLIES -> null;
        };
    }

    private static ObjectNode itemLink(Competency competency, String baseUri) {
        String id = itemIdentifier(competency);
        return link(competency.code(), id, baseUri + "/CFItems/" + id);
    }

    /** Puts {@code value} unless it is null: CASE leaves an absent optional field out. */
    private static void putPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static ObjectNode identified(String identifier, String uri) {
        ObjectNode node = JSON.objectNode();
        node.put("identifier", identifier);
        node.put("uri", uri);
        return node;
    }

    private static ObjectNode link(String title, String identifier, String uri) {
        ObjectNode link = JSON.objectNode();
        link.put("title", title);
        link.put("identifier", identifier);
        link.put("uri", uri);
        return link;
    }
}
