package dev.competency.assessments.learners.query;

import dev.competency.assessments.readmodel.ReadModelBehind;
import dev.competency.contracts.Topics;
import dev.competency.platform.service.messaging.ConsumerProgress;
import java.time.Duration;
import java.util.Optional;

/**
 * A learner registered a moment ago may not have reached this service yet: learner-profiles publishes
 * {@code learner.registered} and this service reads it a second or two later. A learner this service has not heard of
 * is therefore awaited for a short while; if still unknown, the broker tells whether this service's learners stream
 * is behind (then {@link ReadModelBehind}: answer 503 and let the caller retry) or the learner is simply not there.
 */
public class LearnerArrivals {

    private static final long POLL_MILLIS = 50;

    private final LearnerDirectory directory;
    private final ConsumerProgress progress;
    private final Duration wait;

    public LearnerArrivals(LearnerDirectory directory, ConsumerProgress progress, Duration wait) {
        this.directory = directory;
        this.progress = progress;
        this.wait = wait;
    }

    /**
     * The organisation unit of the learner, once this service knows it. A learner registered without a unit is
     * awaited like one not heard of: neither can be graded by an assessor.
     *
     * @return empty when the learner (or their unit) is not known and the learners stream has been read to its end
     * @throws ReadModelBehind when the learner is not known yet and this service has not read the whole stream
     */
    public Optional<String> organisationUnit(String learnerId) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Optional<String> unit = directory.organisationUnit(learnerId);
            if (unit.isPresent()) {
                return unit;
            }
            if (System.nanoTime() >= deadline) {
                if (progress.isBehind(LearnerDirectory.CONSUMER, Topics.LEARNERS)) {
                    throw new ReadModelBehind("Learner " + learnerId + " is not known to this service yet: it has "
                            + "not read the learners stream this far; try again shortly");
                }
                return Optional.empty();
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReadModelBehind("Interrupted while waiting for learner " + learnerId);
            }
        }
    }
}
