package dev.competency.assessments.attempt.domain;

import dev.competency.assessments.assessment.domain.PublishedAssessment;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Start an attempt of a learner at a published assessment version.
 *
 * @param attemptsSoFar  how many attempts the learner already started at this assessment, for the attempt limit
 * @param nominatedPeers PEER only: the peers asked to rate; empty when any peer may rate
 */
public record StartAttempt(@TargetAggregateIdentifier String attemptId, String learnerId,
                           PublishedAssessment assessment, int attemptsSoFar, List<String> nominatedPeers) {

    public StartAttempt {
        nominatedPeers = nominatedPeers == null ? List.of() : List.copyOf(nominatedPeers);
    }

    public StartAttempt(String attemptId, String learnerId, PublishedAssessment assessment, int attemptsSoFar) {
        this(attemptId, learnerId, assessment, attemptsSoFar, List.of());
    }
}
