package dev.competency.assessments.learners.query;

import dev.competency.platform.service.arrival.StreamArrivals;
import dev.competency.platform.service.arrival.StreamBehind;
import dev.competency.contracts.Topics;
import java.util.Optional;

/**
 * The learner directory for decisions that must not refuse a learner registered a moment ago: learner-profiles
 * publishes {@code learner.registered} and this service reads it a second or two later ({@link StreamArrivals}).
 */
public class LearnerArrivals {

    static final StreamArrivals.Stream LEARNERS = new StreamArrivals.Stream(LearnerDirectory.CONSUMER,
            Topics.LEARNERS);

    private final LearnerDirectory directory;
    private final StreamArrivals arrivals;

    public LearnerArrivals(LearnerDirectory directory, StreamArrivals arrivals) {
        this.directory = directory;
        this.arrivals = arrivals;
    }

    /**
     * The organisation unit of the learner, once this service knows it; a learner not heard of is awaited briefly. A
     * learner registered without a unit is awaited like one not heard of: neither can be graded by an assessor.
     *
     * @return empty when the learner (or their unit) is not known and the learners stream has been read to its end
     * @throws StreamBehind when the learner is not known yet and this service has not read the whole stream
     */
    public Optional<String> organisationUnit(String learnerId) {
        return arrivals.await(LEARNERS, "Learner " + learnerId, () -> directory.organisationUnit(learnerId));
    }

    /**
     * The learner whose e-mail address is the given {@code mailto:} IRI. Not awaited: most addresses an activity
     * provider sends are nobody's on this platform, and an LRS must not hold each of them back.
     *
     * @return empty when no learner has the address and the learners stream has been read to its end
     * @throws StreamBehind when no learner has the address yet and this service has not read the whole stream
     */
    public Optional<String> learnerByMbox(String mbox) {
        return arrivals.find(LEARNERS, "A learner with this e-mail address", () -> directory.learnerByMbox(mbox));
    }

    /** As {@link #learnerByMbox}, for an actor given by the SHA-1 of its {@code mailto:} IRI. */
    public Optional<String> learnerByMboxSha1sum(String mboxSha1sum) {
        return arrivals.find(LEARNERS, "A learner with this e-mail address",
                () -> directory.learnerByMboxSha1sum(mboxSha1sum));
    }
}
