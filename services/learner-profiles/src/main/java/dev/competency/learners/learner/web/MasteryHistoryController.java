package dev.competency.learners.learner.web;

import dev.competency.learners.access.LearnerAccessPolicy;
import dev.competency.learners.learner.query.MasteryHistory;
import dev.competency.platform.service.security.Caller;
import java.time.Clock;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A learner's growth: how the level on one competency changed over time, for the learner and their manager. */
@RestController
class MasteryHistoryController {

    private final LearnerAccessPolicy access;
    private final MasteryHistory history;
    private final Clock clock;

    MasteryHistoryController(LearnerAccessPolicy access, MasteryHistory history, Clock clock) {
        this.access = access;
        this.history = history;
        this.clock = clock;
    }

    /**
     * Every change of level (or of mastered) on one competency over valid time, as known now, with the evidence
     * that caused it, or {@code TIME} for decay and expiry.
     */
    @GetMapping("/api/learners/{learnerId}/mastery/{competencyId}/history")
    List<MasteryHistory.LevelChange> history(@PathVariable String learnerId, @PathVariable String competencyId,
                                             Caller caller) {
        access.requireCanRead(caller, learnerId);
        return history.historyOf(learnerId, competencyId, clock.instant());
    }
}
