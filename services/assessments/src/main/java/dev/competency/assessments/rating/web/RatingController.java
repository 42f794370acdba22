package dev.competency.assessments.rating.web;

import dev.competency.assessments.access.AssessmentAccessPolicy;
import dev.competency.assessments.rating.domain.RateCompetency;
import dev.competency.platform.service.security.Caller;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

    record Rating(String frameworkId, Integer frameworkVersion, String competencyId, String level, String reason) {
    }

    @PostMapping("/api/assessments/learners/{learnerId}/ratings")
    ResponseEntity<Map<String, String>> rate(@PathVariable String learnerId, @RequestBody Rating request,
                                             Caller caller) {
        access.requireAssessorOf(caller, learnerId);
        String ratingId = UUID.randomUUID().toString();
        commands.sendAndWait(new RateCompetency(ratingId, learnerId, request.frameworkId(),
                request.frameworkVersion() == null ? 0 : request.frameworkVersion(), request.competencyId(),
                request.level(), request.reason(), caller.subject()));
        return ResponseEntity.created(URI.create("/api/assessments/learners/" + learnerId + "/ratings/" + ratingId))
                .body(Map.of("ratingId", ratingId));
    }
}
