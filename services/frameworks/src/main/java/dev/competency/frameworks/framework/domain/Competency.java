package dev.competency.frameworks.framework.domain;

/**
 * One node of the competency tree.
 *
 * @param id                stable across versions; absent in an edit, it is taken from the competency with the same
 *                          code in the previous version, or derived from the framework id and the code
 * @param code              unique within the version, such as {@code DEV.API.3}
 * @param parentCode        code of the parent competency; absent for a root
 * @param position          order among the siblings; absent keeps the order of the list
 * @param taxonomyLabel     classification of the node, such as domain, competency, skill or indicator
 * @param externalId        identifier in an external standard, such as a CASE CFItem identifier
 * @param externalChangedAt when the external source last changed the item (CASE {@code lastChangeDateTime})
 * @param scaleOverride     a scale that replaces the framework's scale for this competency
 * @param policyOverride    a policy that replaces the framework's policy for this competency
 * @param details           what the external source says beyond these fields, kept for a faithful export
 */
public record Competency(String id, String code, String title, String description, String parentCode,
                         Integer position, String taxonomyLabel, String externalId, String externalChangedAt,
                         Scale scaleOverride, Policy policyOverride, ItemDetails details) {

    /** The same competency with its stored id, its position among its siblings, a stripped title and policy. */
    Competency normalized(String newId, int newPosition, Policy policy) {
        return new Competency(newId, code, title.strip(), description, parentCode, newPosition, taxonomyLabel,
                externalId, externalChangedAt, scaleOverride, policy, details);
    }
}
