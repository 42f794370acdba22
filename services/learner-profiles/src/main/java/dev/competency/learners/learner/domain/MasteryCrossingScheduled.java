package dev.competency.learners.learner.domain;

import java.time.Instant;

/**
 * The learner's next time-driven check was scheduled with the deadline manager, or (both null) the one pending was
 * handled and none is needed. Internal: it is not published.
 *
 * @param dueAt      the earliest instant at which decay or expiry changes one of the learner's masteries
 * @param scheduleId the deadline manager's id of the schedule, to cancel it when an earlier one replaces it
 */
public record MasteryCrossingScheduled(String learnerId, Instant dueAt, String scheduleId) {
}
