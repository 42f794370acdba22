package dev.competency.assessments.access;

import dev.competency.assessments.learners.query.LearnerArrivals;
import dev.competency.assessments.learners.query.LearnerDirectory;
import dev.competency.assessments.provider.query.ActivityProviderClient;
import dev.competency.platform.service.security.AccessDenied;
import dev.competency.platform.service.security.Caller;
import dev.competency.platform.service.security.Role;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Every access rule of the assessments service, in one place.
 *
 * <ul>
 *   <li>Authors (and admins) define assessments and activity alignments, and alone see drafts, retired
 *       assessments in lists and answer keys; everyone else signed in sees published assessments without them.</li>
 *   <li>Admins register activity-provider clients.</li>
 *   <li>xAPI statements are written and read by registered activity providers (HTTP Basic) and by admins.</li>
 *   <li>Assessors grade, observe and rate only learners of their own organisation unit, as the learners stream
 *       says; a learner whose unit is not known cannot be graded by an assessor (only by an admin). A learner
 *       this service has not heard of yet is awaited briefly, then answered as "not yet" (503) while the learners
 *       stream is behind ({@link LearnerArrivals}).</li>
 *   <li>Learners start, answer and submit their own attempts and see their own attempts and results.</li>
 * </ul>
 */
@Component
public class AssessmentAccessPolicy {

    private final LearnerDirectory learners;
    private final LearnerArrivals arrivals;

    public AssessmentAccessPolicy(LearnerDirectory learners, LearnerArrivals arrivals) {
        this.learners = learners;
        this.arrivals = arrivals;
    }

    public void requireAuthor(Caller caller) {
        if (!caller.hasAny(Role.AUTHOR, Role.ADMIN)) {
            throw new AccessDenied("Only authors define assessments and alignments");
        }
    }

    /** Whether the caller sees assessments as their authors do: drafts, retired ones and answer keys. */
    public boolean seesAuthoringView(Caller caller) {
        return caller.hasAny(Role.AUTHOR, Role.ADMIN);
    }

    public void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw new AccessDenied("Only admins manage activity-provider clients");
        }
    }

    /** Writing or reading xAPI statements: an activity provider, or an admin with a bearer token. */
    public void requireStatementAccess(ActivityProviderClient client, Caller caller) {
        if (client != null && !client.revoked()) {
            return;
        }
        if (caller != null && caller.isAdmin()) {
            return;
        }
        throw new AccessDenied("Statements are written and read by registered activity providers and admins");
    }

    /** Starting, answering and submitting an attempt: the learner themself. */
    public void requireLearnerThemself(Caller caller, String learnerId) {
        if (!(caller.has(Role.LEARNER) && Objects.equals(caller.subject(), learnerId))) {
            throw new AccessDenied("Only the learner themself works on their attempts");
        }
    }

    /** Reading a learner's attempts: the learner, an assessor of their unit, or an admin. */
    public void requireReaderOfLearner(Caller caller, String learnerId) {
        if (Objects.equals(caller.subject(), learnerId) || caller.isAdmin()) {
            return;
        }
        requireAssessorOf(caller, learnerId);
    }

    /** Grading, observing or rating a learner: an assessor of the learner's organisation unit, or an admin. */
    public void requireAssessorOf(Caller caller, String learnerId) {
        if (!caller.isAdmin() && !caller.has(Role.ASSESSOR)) {
            throw new AccessDenied("Only assessors grade, observe and rate learners");
        }
        if (caller.isAdmin()) {
            return;
        }
        String unit = arrivals.organisationUnit(learnerId).orElse(null);
        if (unit == null || !unit.equals(caller.organisationUnit())) {
            throw new AccessDenied("Assessors grade only learners of their own organisation unit");
        }
    }

    /**
     * Whether the caller may grade, observe or rate the learner (see {@link #requireAssessorOf}), as far as this
     * service knows now: for filtering lists, so it does not wait for learners not heard of yet.
     */
    public boolean mayAssess(Caller caller, String learnerId) {
        return caller.isAdmin() || caller.has(Role.ASSESSOR) && sharesUnitWith(caller, learnerId);
    }

    /** Rating a learner's peer feedback: anyone signed in but the learner themself. */
    public void requirePeerOf(Caller caller, String learnerId) {
        if (Objects.equals(caller.subject(), learnerId)) {
            throw new AccessDenied("Learners do not rate their own peer feedback");
        }
    }

    /** Whether the caller works in the same organisation unit as the learner (as far as this service knows). */
    public boolean sharesUnitWith(Caller caller, String learnerId) {
        String unit = learners.organisationUnit(learnerId).orElse(null);
        return unit != null && unit.equals(caller.organisationUnit());
    }

    /** The grading queue: assessors (who see their unit's submissions) and admins (who see all). */
    public void requireGradingQueueReader(Caller caller) {
        if (!caller.hasAny(Role.ASSESSOR, Role.ADMIN)) {
            throw new AccessDenied("Only assessors see the grading queue");
        }
    }
}
