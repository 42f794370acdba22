package dev.competency.assessments.attempt.domain;

import dev.competency.assessments.assessment.domain.PublishedAssessment;
import java.time.Instant;
import java.util.List;

/**
 * A learner started an attempt; {@code deadline} is null without a time limit. For peer feedback,
 * {@code nominatedPeers} are the peers asked to rate (empty: any peer may rate).
 */
public record AttemptStarted(String attemptId, String learnerId, PublishedAssessment assessment, int attemptNumber,
                             Instant startedAt, Instant deadline, List<String> nominatedPeers) {

    public AttemptStarted {
        nominatedPeers = nominatedPeers == null ? List.of() : List.copyOf(nominatedPeers);
    }

    public AttemptStarted(String attemptId, String learnerId, PublishedAssessment assessment, int attemptNumber,
                          Instant startedAt, Instant deadline) {
        this(attemptId, learnerId, assessment, attemptNumber, startedAt, deadline, List.of());
    }
}
