package dev.competency.assessments.assessment.domain;

/** One item of an observation checklist, aligned to one competency. */
public record ChecklistItem(String itemId, String text, String competencyId) {
}
