package dev.competency.analytics.mastery.web;

import dev.competency.analytics.access.AnalyticsAccessPolicy;
import dev.competency.analytics.mastery.query.LearnerMastery;
import dev.competency.analytics.stream.StateHolder;
import dev.competency.platform.service.security.Caller;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/analytics")
class LearnerMasteryController {

    private final AnalyticsAccessPolicy policy;
    private final StateHolder state;

    LearnerMasteryController(AnalyticsAccessPolicy policy, StateHolder state) {
        this.policy = policy;
        this.state = state;
    }

    /** The current mastery cells of one learner: personal data, for administrators. */
    @GetMapping("/learners/{learnerId}/mastery")
    List<LearnerMastery.Cell> learnerMastery(Caller caller, @PathVariable String learnerId) {
        policy.requireCanReadPersonalData(caller);
        return state.read(current -> LearnerMastery.of(current, learnerId));
    }
}
