package dev.competency.assessments.assessment.web;

import dev.competency.assessments.access.AssessmentAccessPolicy;
import dev.competency.assessments.assessment.domain.AssessmentDefinition;
import dev.competency.assessments.assessment.domain.AssessmentKind;
import dev.competency.assessments.assessment.domain.CreateAssessment;
import dev.competency.assessments.assessment.domain.DefineAssessment;
import dev.competency.assessments.assessment.domain.PublishAssessment;
import dev.competency.assessments.assessment.domain.RetireAssessment;
import dev.competency.assessments.assessment.query.AssessmentCatalogue;
import dev.competency.assessments.assessment.query.AssessmentCatalogue.AssessmentView;
import dev.competency.platform.service.axon.ReadYourWrites;
import dev.competency.platform.service.security.AllowedRoles;
import dev.competency.platform.service.security.Caller;
import dev.competency.platform.service.security.Role;
import dev.competency.platform.service.web.ResourceNotFound;
import dev.competency.platform.service.web.SingleLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Authors create, define, publish and retire assessments ({@link AssessmentCatalogueController} looks them up). */
@RestController
@RequestMapping("/api/assessments")
class AssessmentController {

    private final CommandGateway commands;
    private final AssessmentCatalogue catalogue;
    private final AssessmentAccessPolicy access;
    private final ReadYourWrites readYourWrites;

    AssessmentController(CommandGateway commands, AssessmentCatalogue catalogue, AssessmentAccessPolicy access,
                         ReadYourWrites readYourWrites) {
        this.commands = commands;
        this.catalogue = catalogue;
        this.access = access;
        this.readYourWrites = readYourWrites;
    }

    record NewAssessment(AssessmentKind kind, @Size(max = AssessmentDefinition.TITLE_MAX) @SingleLine String title,
                         @Size(max = AssessmentDefinition.ID_MAX) @SingleLine String frameworkId,
                         Integer frameworkVersion) {
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    @AllowedRoles({Role.AUTHOR, Role.ADMIN})
    ResponseEntity<AssessmentView> create(@Valid @RequestBody NewAssessment request, Caller caller) {
        access.requireAuthor(caller);
        String assessmentId = UUID.randomUUID().toString();
        CreateAssessment create = new CreateAssessment(assessmentId, request.kind(), request.title(),
                request.frameworkId(), request.frameworkVersion() == null ? 0 : request.frameworkVersion(),
                caller.subject());
        return ResponseEntity.created(URI.create("/api/assessments/" + assessmentId))
                .body(written(assessmentId, create));
    }

    /** The definition's texts and ids are limited by the definition's own rules (every problem listed). */
    @PutMapping("/{assessmentId}/definition")
    @AllowedRoles({Role.AUTHOR, Role.ADMIN})
    AssessmentView define(@PathVariable String assessmentId, @RequestBody AssessmentDefinition definition,
                          Caller caller) {
        access.requireAuthor(caller);
        view(assessmentId);
        return written(assessmentId, new DefineAssessment(assessmentId, definition, caller.subject()));
    }

    @PostMapping("/{assessmentId}/publication")
    @AllowedRoles({Role.AUTHOR, Role.ADMIN})
    AssessmentView publish(@PathVariable String assessmentId, Caller caller) {
        access.requireAuthor(caller);
        view(assessmentId);
        return written(assessmentId, new PublishAssessment(assessmentId, caller.subject()));
    }

    @PostMapping("/{assessmentId}/retirement")
    @AllowedRoles({Role.AUTHOR, Role.ADMIN})
    AssessmentView retire(@PathVariable String assessmentId, Caller caller) {
        access.requireAuthor(caller);
        view(assessmentId);
        return written(assessmentId, new RetireAssessment(assessmentId, caller.subject()));
    }

    /** Sends a command, and answers from the read model once it shows what the command stored. */
    private AssessmentView written(String assessmentId, Object command) {
        readYourWrites.afterWrite(() -> commands.sendAndWait(command));
        return view(assessmentId);
    }

    private AssessmentView view(String assessmentId) {
        return catalogue.find(assessmentId)
                .orElseThrow(() -> new ResourceNotFound("No assessment " + assessmentId));
    }
}
