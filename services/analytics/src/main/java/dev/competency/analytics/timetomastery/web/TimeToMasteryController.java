package dev.competency.analytics.timetomastery.web;

import dev.competency.analytics.access.AnalyticsAccessPolicy;
import dev.competency.analytics.privacy.Scope;
import dev.competency.analytics.privacy.Viewer;
import dev.competency.analytics.stream.StateHolder;
import dev.competency.analytics.timetomastery.query.TimeToMastery;
import dev.competency.analytics.web.Csv;
import dev.competency.analytics.web.InvalidParameter;
import dev.competency.analytics.web.QueryParameters;
import dev.competency.platform.service.security.Caller;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/analytics")
class TimeToMasteryController {

    private final AnalyticsAccessPolicy policy;
    private final StateHolder state;

    TimeToMasteryController(AnalyticsAccessPolicy policy, StateHolder state) {
        this.policy = policy;
        this.state = state;
    }

    @GetMapping("/time-to-mastery")
    ResponseEntity<?> timeToMastery(Caller caller,
                                    @RequestParam(required = false) String frameworkId,
                                    @RequestParam(required = false) String competencyId,
                                    @RequestParam(required = false) String unit,
                                    @RequestParam(required = false) String teamId,
                                    @RequestParam(required = false) String groupBy,
                                    @RequestParam(required = false) String view,
                                    @RequestParam(required = false) String format,
                                    @RequestHeader(value = "Accept", required = false) String accept) {
        String team = QueryParameters.id("teamId", teamId);
        Viewer viewer = policy.viewer(caller, team);
        if (view != null && !view.isBlank() && !"rows".equals(view) && !"source-mix".equals(view)) {
            throw new InvalidParameter("view", "must be rows or source-mix");
        }
        TimeToMastery.Question question = new TimeToMastery.Question(QueryParameters.id("frameworkId", frameworkId),
                QueryParameters.id("competencyId", competencyId), new Scope(QueryParameters.id("unit", unit), team,
                null, QueryParameters.groupBy(groupBy)));
        boolean csv = Csv.requested(format, accept);
        TimeToMastery.Answer answer = state.read(current -> TimeToMastery.answer(current, viewer, question));
        if (!csv) {
            return ResponseEntity.ok(answer);
        }
        if ("source-mix".equals(view)) {
            return Csv.answer("time-to-mastery-source-mix", List.of("competencyId", "mix", "suppressed", "learners",
                    "medianDays", "p75Days"), sink -> answer.bySourceMix().forEach(row -> sink.accept(Arrays.asList(
                    row.competencyId(), row.mix(), row.suppressed(), row.learners(), row.medianDays(),
                    row.p75Days()))));
        }
        return Csv.answer("time-to-mastery", List.of("unit", "teamId", "competencyId", "suppressed", "learners",
                "medianDays", "p75Days"), sink -> answer.rows().forEach(row -> sink.accept(Arrays.asList(row.unit(),
                row.teamId(), row.competencyId(), row.suppressed(), row.learners(), row.medianDays(),
                row.p75Days()))));
    }
}
