package dev.competency.assessments.assessment.web;

import dev.competency.assessments.assessment.domain.AssessmentDefinition;
import dev.competency.assessments.assessment.domain.AssessmentKind;
import dev.competency.assessments.assessment.domain.AssessmentStatus;
import dev.competency.assessments.assessment.domain.ChecklistItem;
import dev.competency.assessments.assessment.domain.CompetencyWeight;
import dev.competency.assessments.assessment.domain.ItemType;
import dev.competency.assessments.assessment.domain.PublishedAssessment;
import dev.competency.assessments.assessment.domain.QuizItem;
import dev.competency.assessments.assessment.domain.RubricCriterion;
import dev.competency.assessments.assessment.query.AssessmentCatalogue.AssessmentView;
import java.util.List;

/**
 * An assessment as everyone but its authors sees it: the shape of the authoring view, without anything that tells
 * the answers. Fields are listed, not removed, so that a field added to the definition stays hidden until it is
 * added here. Left out: the draft (unpublished content, always null here), each quiz item's {@code correct} options
 * and order, and a numeric item's {@code answer} and {@code tolerance}. An ordering item's options are listed in
 * their natural order rather than as the author wrote them, which is often the correct order. Rubric criteria,
 * checklists, points and the pass mark are shown: they say how work is judged, not what the answers are.
 */
record AssessmentToTake(String assessmentId, AssessmentKind kind, String title, String frameworkId,
                        int frameworkVersion, AssessmentStatus status, int draftVersion, int publishedVersion,
                        List<String> competencyIds, Content draft, Version published) {

    static AssessmentToTake of(AssessmentView view) {
        return new AssessmentToTake(view.assessmentId(), view.kind(), view.title(), view.frameworkId(),
                view.frameworkVersion(), view.status(), view.draftVersion(), view.publishedVersion(),
                view.competencyIds(), null, view.published() == null ? null : Version.of(view.published()));
    }

    /** The published version attempts are taken against. */
    record Version(String assessmentId, int version, AssessmentKind kind, String title, String frameworkId,
                   int frameworkVersion, Content definition) {

        static Version of(PublishedAssessment published) {
            return new Version(published.assessmentId(), published.version(), published.kind(), published.title(),
                    published.frameworkId(), published.frameworkVersion(), Content.of(published.definition()));
        }
    }

    /** A definition without its answer keys. */
    record Content(List<CompetencyWeight> alignments, Double weightTotal, Double passMark, Integer maxAttempts,
                   String timeLimit, Boolean acceptLate, List<Item> items, List<RubricCriterion> criteria,
                   List<ChecklistItem> checklist, Integer minPeers) {

        static Content of(AssessmentDefinition definition) {
            return new Content(definition.alignments(), definition.weightTotal(), definition.passMark(),
                    definition.maxAttempts(), definition.timeLimit(), definition.acceptLate(),
                    definition.items().stream().map(Item::of).toList(), definition.criteria(),
                    definition.checklist(), definition.minPeers());
        }
    }

    /** A quiz item as the learner answers it. */
    record Item(String itemId, ItemType type, String prompt, List<String> options, Double points,
                Boolean partialCredit, List<String> competencyIds) {

        static Item of(QuizItem item) {
            List<String> options = item.type() == ItemType.ORDERING
                    ? item.options().stream().sorted().toList() : item.options();
            return new Item(item.itemId(), item.type(), item.prompt(), options, item.points(), item.partialCredit(),
                    item.competencyIds());
        }
    }
}
