package dev.competency.analytics.trend.web;

import dev.competency.analytics.access.AnalyticsAccessPolicy;
import dev.competency.analytics.period.Period;
import dev.competency.analytics.privacy.Scope;
import dev.competency.analytics.privacy.Viewer;
import dev.competency.analytics.stream.StateHolder;
import dev.competency.analytics.trend.query.Trend;
import dev.competency.analytics.web.Csv;
import dev.competency.analytics.web.QueryParameters;
import dev.competency.platform.service.security.Caller;
import java.time.Clock;
import java.time.LocalDate;
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
class TrendController {

    private final AnalyticsAccessPolicy policy;
    private final StateHolder state;
    private final Clock clock;

    TrendController(AnalyticsAccessPolicy policy, StateHolder state, Clock clock) {
        this.policy = policy;
        this.state = state;
        this.clock = clock;
    }

    @GetMapping("/trend")
    ResponseEntity<?> trend(Caller caller,
                            @RequestParam(required = false) String competencyId,
                            @RequestParam(required = false) String frameworkId,
                            @RequestParam(required = false) String unit,
                            @RequestParam(required = false) String teamId,
                            @RequestParam(required = false) String groupBy,
                            @RequestParam(required = false) String from,
                            @RequestParam(required = false) String to,
                            @RequestParam(required = false) String interval,
                            @RequestParam(required = false) String format,
                            @RequestHeader(value = "Accept", required = false) String accept) {
        String team = QueryParameters.id("teamId", teamId);
        Viewer viewer = policy.viewer(caller, team);
        Period.Interval every = QueryParameters.interval(interval);
        LocalDate[] range = QueryParameters.range(from, to, every, clock.instant());
        Trend.Question question = new Trend.Question(QueryParameters.id("competencyId", competencyId),
                QueryParameters.id("frameworkId", frameworkId), new Scope(QueryParameters.id("unit", unit), team,
                null, QueryParameters.groupBy(groupBy)), range[0], range[1], every);
        boolean csv = Csv.requested(format, accept);
        Trend.Answer answer = state.read(current -> Trend.answer(current, viewer, question));
        if (!csv) {
            return ResponseEntity.ok(answer);
        }
        return Csv.answer("trend", List.of("unit", "teamId", "competencyId", "competencyTitle", "frameworkId",
                "periodStart", "periodEnd", "suppressed", "rated", "mastered", "masteredShare"), sink ->
                answer.series().forEach(series -> series.points().forEach(point -> sink.accept(Arrays.asList(
                        series.unit(), series.teamId(), series.competencyId(), series.competencyTitle(),
                        series.frameworkId(), point.periodStart(), point.periodEnd(), point.suppressed(),
                        point.rated(), point.mastered(), point.masteredShare())))));
    }
}
