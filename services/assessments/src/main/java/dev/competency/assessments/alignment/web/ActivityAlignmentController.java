package dev.competency.assessments.alignment.web;

import dev.competency.assessments.access.AssessmentAccessPolicy;
import dev.competency.assessments.alignment.domain.ActivityAlignment;
import dev.competency.assessments.alignment.query.ActivityAlignments;
import dev.competency.assessments.frameworks.domain.FrameworkVersions;
import dev.competency.platform.service.security.AllowedRoles;
import dev.competency.platform.service.security.Caller;
import dev.competency.platform.service.security.Role;
import dev.competency.platform.service.web.ResourceNotFound;
import dev.competency.platform.service.web.SingleLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Authors align xAPI activities to competencies, so that statements about them become evidence. */
@RestController
@RequestMapping("/api/assessments/activity-alignments")
class ActivityAlignmentController {

    private final ActivityAlignments alignments;
    private final FrameworkVersions frameworks;
    private final AssessmentAccessPolicy access;
    private final Clock clock;

    ActivityAlignmentController(ActivityAlignments alignments, FrameworkVersions frameworks,
                                AssessmentAccessPolicy access, Clock clock) {
        this.alignments = alignments;
        this.frameworks = frameworks;
        this.access = access;
        this.clock = clock;
    }

    /** IRIs up to {@value #IRI_MAX} characters, ids up to {@value #ID_MAX}. */
    record AlignActivity(@Size(max = IRI_MAX) String activityId, @Size(max = IRI_MAX) String activityType,
                         @Size(max = IRI_MAX) String extensionKey,
                         @Size(max = VALUE_MAX) @SingleLine String extensionValue,
                         @Size(max = ID_MAX) @SingleLine String frameworkId, Integer frameworkVersion,
                         @Size(max = MAX_COMPETENCIES)
                         List<@NotNull @Size(max = ID_MAX) @SingleLine String> competencyIds) {
    }

    static final int IRI_MAX = 2_048;
    static final int VALUE_MAX = 512;
    static final int ID_MAX = 128;
    static final int MAX_COMPETENCIES = 200;

    /**
     * Aligns an activity. An alignment to a competency that the framework version rolls up from its children is
     * refused (422, {@code /problems/rolled-up-parent}) unless {@code confirm=true}; confirmed, it carries warnings.
     */
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    @AllowedRoles({Role.AUTHOR, Role.ADMIN})
    ResponseEntity<ActivityAlignment> align(@Valid @RequestBody AlignActivity request,
            @RequestParam(name = "confirm", defaultValue = "false") boolean confirm, Caller caller) {
        access.requireAuthor(caller);
        ActivityAlignment alignment = ActivityAlignment.define(request.activityId(), request.activityType(),
                request.extensionKey(), request.extensionValue(), request.frameworkId(), request.frameworkVersion(),
                request.competencyIds(), confirm, caller.subject(), clock.instant(), frameworks);
        alignments.save(alignment);
        return ResponseEntity.created(URI.create("/api/assessments/activity-alignments/" + alignment.alignmentId()))
                .body(alignment);
    }

    @GetMapping
    List<ActivityAlignment> list(Caller caller) {
        access.requireAuthor(caller);
        return alignments.all();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{alignmentId}")
    ResponseEntity<Void> remove(@PathVariable String alignmentId, Caller caller) {
        access.requireAuthor(caller);
        if (!alignments.delete(alignmentId)) {
            throw new ResourceNotFound("No activity alignment " + alignmentId);
        }
        return ResponseEntity.noContent().build();
    }
}
