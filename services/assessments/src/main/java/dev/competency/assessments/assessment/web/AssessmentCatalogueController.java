package dev.competency.assessments.assessment.web;

import dev.competency.assessments.access.AssessmentAccessPolicy;
import dev.competency.assessments.assessment.domain.AssessmentDefinition;
import dev.competency.assessments.assessment.domain.AssessmentKind;
import dev.competency.assessments.assessment.domain.AssessmentStatus;
import dev.competency.assessments.assessment.query.AssessmentCatalogue;
import dev.competency.assessments.assessment.query.AssessmentCatalogue.AssessmentView;
import dev.competency.platform.service.id.CompetencyId;
import dev.competency.platform.service.security.AccessDenied;
import dev.competency.platform.service.security.Caller;
import dev.competency.platform.service.web.ResourceNotFound;
import dev.competency.platform.service.web.SingleLine;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Looking assessments up. Authors and admins see every assessment as it is written, drafts and answer keys
 * included; everyone else signed in sees only published assessments, without answer keys ({@link AssessmentToTake}),
 * and an assessment never published is not found for them.
 */
@RestController
@RequestMapping("/api/assessments")
class AssessmentCatalogueController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    static final int QUERY_MAX = 200;

    private final AssessmentCatalogue catalogue;
    private final AssessmentAccessPolicy access;

    AssessmentCatalogueController(AssessmentCatalogue catalogue, AssessmentAccessPolicy access) {
        this.catalogue = catalogue;
        this.access = access;
    }

    @GetMapping("/{assessmentId}")
    Object get(@PathVariable String assessmentId, Caller caller) {
        boolean authoring = access.seesAuthoringView(caller);
        AssessmentView view = catalogue.find(assessmentId)
                .filter(found -> authoring || found.published() != null)
                .orElseThrow(() -> new ResourceNotFound("No assessment " + assessmentId));
        return authoring ? view : AssessmentToTake.of(view);
    }

    /**
     * Assessments newest first, a page at a time ({@code offset} skipped, at most {@code limit} returned), with every
     * filter optional; {@code X-Total-Count} gives how many match in all. Callers who do not author see published
     * assessments only: asking them for another status is refused.
     */
    @GetMapping
    ResponseEntity<List<?>> list(
            @RequestParam(required = false) @Size(max = AssessmentDefinition.ID_MAX) @SingleLine String competencyId,
            @RequestParam(required = false) AssessmentStatus status,
            @RequestParam(required = false) AssessmentKind kind,
            @RequestParam(required = false) @Size(max = QUERY_MAX) @SingleLine String q,
            @RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(1) @Max(MAX_LIMIT) int limit,
            Caller caller) {
        boolean authoring = access.seesAuthoringView(caller);
        if (!authoring && status != null && status != AssessmentStatus.PUBLISHED) {
            throw new AccessDenied("Only authors and admins see " + status + " assessments");
        }
        AssessmentCatalogue.Page page = catalogue.search(new AssessmentCatalogue.Search(
                blankToNull(competencyId) == null ? null : new CompetencyId(competencyId),
                authoring ? status : AssessmentStatus.PUBLISHED, kind, blankToNull(q)), offset, limit);
        Function<AssessmentView, Object> shown = authoring ? view -> view : AssessmentToTake::of;
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(page.total()))
                .body(page.assessments().stream().map(shown).toList());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
