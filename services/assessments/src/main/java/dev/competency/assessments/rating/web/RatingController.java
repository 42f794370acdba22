package dev.competency.assessments.rating.web;

import dev.competency.assessments.access.AssessmentAccessPolicy;
import dev.competency.assessments.rating.domain.RateCompetency;
import dev.competency.platform.service.security.AllowedRoles;
import dev.competency.platform.service.security.Caller;
import dev.competency.platform.service.security.Role;
import dev.competency.platform.service.web.SingleLine;
import dev.competency.platform.service.web.ValidLearnerId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Assessors of a learner's organisation unit rate the learner's level on a competency directly. */
@RestController
class RatingController {

    private final CommandGateway commands;
    private final AssessmentAccessPolicy access;

    RatingController(CommandGateway commands, AssessmentAccessPolicy access) {
        this.commands = commands;
        this.access = access;
    }

    record Rating(@Size(max = ID_MAX) @SingleLine String frameworkId, @NotNull @Positive Integer frameworkVersion,
                  @Size(max = ID_MAX) @SingleLine String competencyId, @Size(max = ID_MAX) @SingleLine String level,
                  @Size(max = TEXT_MAX) String reason) {
    }

    /** The id of the rating just recorded. */
    record RatingReceipt(String ratingId) {
    }

    static final int ID_MAX = 128;
    static final int TEXT_MAX = 2_000;

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/assessments/learners/{learnerId}/ratings")
    @AllowedRoles({Role.ASSESSOR, Role.ADMIN})
    ResponseEntity<RatingReceipt> rate(@PathVariable @ValidLearnerId String learnerId,
                                       @Valid @RequestBody Rating request, Caller caller) {
        access.requireAssessorOf(caller, learnerId);
        String ratingId = UUID.randomUUID().toString();
        commands.sendAndWait(new RateCompetency(ratingId, learnerId, request.frameworkId(),
                request.frameworkVersion(), request.competencyId(),
                request.level(), request.reason(), caller.subject()));
        return ResponseEntity.created(URI.create("/api/assessments/learners/" + learnerId + "/ratings/" + ratingId))
                .body(new RatingReceipt(ratingId));
    }
}
