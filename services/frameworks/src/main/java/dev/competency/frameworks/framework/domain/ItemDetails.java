package dev.competency.frameworks.framework.domain;

import java.util.List;

/**
 * What an external standard says of a competency beyond the fields frameworks use, kept so that an export gives it
 * back unchanged (CASE: the CFItem's {@code notes}, {@code educationalLevel} and {@code listEnumeration}, and the
 * {@code sequenceNumber} and identifier of its {@code isChildOf} association).
 */
public record ItemDetails(String notes, List<String> educationalLevel, String listEnumeration, Integer sequenceNumber,
                          String parentAssociationId) {

    public ItemDetails {
        educationalLevel = educationalLevel == null ? List.of() : List.copyOf(educationalLevel);
    }
}
