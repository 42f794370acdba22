package dev.competency.analytics.coaching.web;

import dev.competency.analytics.access.AnalyticsAccessPolicy;
import dev.competency.analytics.coaching.query.CoachingList;
import dev.competency.analytics.privacy.Viewer;
import dev.competency.analytics.stream.StateHolder;
import dev.competency.analytics.web.Csv;
import dev.competency.analytics.web.QueryParameters;
import dev.competency.platform.service.security.Caller;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/analytics")
class CoachingController {

    private final AnalyticsAccessPolicy policy;
    private final StateHolder state;
    private final Clock clock;
    private final double defaultThreshold;

    CoachingController(AnalyticsAccessPolicy policy, StateHolder state, Clock clock,
                       @Value("${analytics.close-threshold:0.8}") double defaultThreshold) {
        this.policy = policy;
        this.state = state;
        this.clock = clock;
        this.defaultThreshold = defaultThreshold;
    }

    @GetMapping("/coaching")
    ResponseEntity<?> coaching(Caller caller,
                               @RequestParam(required = false) String teamId,
                               @RequestParam(required = false) String unit,
                               @RequestParam(required = false) String stalledWeeks,
                               @RequestParam(required = false) String expiringDays,
                               @RequestParam(required = false) String closeThreshold,
                               @RequestParam(required = false) String format,
                               @RequestHeader(value = "Accept", required = false) String accept) {
        String team = QueryParameters.id("teamId", teamId);
        Viewer viewer = policy.peopleViewer(caller, team);
        CoachingList.Question question = new CoachingList.Question(QueryParameters.id("unit", unit), team,
                QueryParameters.integer("stalledWeeks", stalledWeeks, 1, 520, 4),
                QueryParameters.integer("expiringDays", expiringDays, 0, 3650, 30),
                QueryParameters.threshold("closeThreshold", closeThreshold, defaultThreshold));
        boolean csv = Csv.requested(format, accept);
        CoachingList.Answer answer = state.read(current -> CoachingList.answer(current, viewer, question,
                clock.instant()));
        if (!csv) {
            return ResponseEntity.ok(answer);
        }
        return Csv.answer("coaching", List.of("learnerId", "teamId", "kind", "competencyId",
                "roleProfileId", "reason", "since", "expiresAt"), sink -> answer.entries().forEach(entry ->
                sink.accept(Arrays.asList(entry.learnerId(), entry.teamId(), entry.kind(),
                        entry.competencyId(), entry.roleProfileId(), entry.reason(), entry.since(),
                        entry.expiresAt()))));
    }
}
