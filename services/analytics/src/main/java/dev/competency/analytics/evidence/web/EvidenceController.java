package dev.competency.analytics.evidence.web;

import dev.competency.analytics.access.AnalyticsAccessPolicy;
import dev.competency.analytics.evidence.query.EvidenceFlow;
import dev.competency.analytics.period.Period;
import dev.competency.analytics.privacy.Viewer;
import dev.competency.analytics.stream.StateHolder;
import dev.competency.analytics.web.Csv;
import dev.competency.analytics.web.QueryParameters;
import dev.competency.contracts.evidence.SourceType;
import dev.competency.platform.service.security.Caller;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/analytics")
class EvidenceController {

    private final AnalyticsAccessPolicy policy;
    private final StateHolder state;
    private final Clock clock;

    EvidenceController(AnalyticsAccessPolicy policy, StateHolder state, Clock clock) {
        this.policy = policy;
        this.state = state;
        this.clock = clock;
    }

    /** Evidence not voided, counted by the kind of source it came from. */
    @GetMapping("/evidence/sources")
    ResponseEntity<?> evidenceBySource(Caller caller, @RequestParam(required = false) String format,
                                       @RequestHeader(value = "Accept", required = false) String accept) {
        policy.requireCanReadAggregates(caller);
        boolean csv = Csv.requested(format, accept);
        Map<SourceType, Long> counts = state.read(EvidenceFlow::bySource);
        if (!csv) {
            return ResponseEntity.ok(counts);
        }
        return Csv.answer("evidence-sources", List.of("sourceType", "count"),
                sink -> counts.forEach((source, count) -> sink.accept(Arrays.asList(source, count))));
    }

    @GetMapping("/evidence-flow")
    ResponseEntity<?> evidenceFlow(Caller caller,
                                   @RequestParam(required = false) String from,
                                   @RequestParam(required = false) String to,
                                   @RequestParam(required = false) String interval,
                                   @RequestParam(required = false) String unit,
                                   @RequestParam(required = false) String teamId,
                                   @RequestParam(required = false) String format,
                                   @RequestHeader(value = "Accept", required = false) String accept) {
        String team = QueryParameters.id("teamId", teamId);
        Viewer viewer = policy.viewer(caller, team);
        Period.Interval every = QueryParameters.interval(interval);
        LocalDate[] range = QueryParameters.range(from, to, every, clock.instant());
        EvidenceFlow.Question question = new EvidenceFlow.Question(range[0], range[1], every,
                QueryParameters.id("unit", unit), team);
        boolean csv = Csv.requested(format, accept);
        EvidenceFlow.Answer answer = state.read(current -> EvidenceFlow.answer(current, viewer, question));
        if (!csv) {
            return ResponseEntity.ok(answer);
        }
        return Csv.answer("evidence-flow", List.of("periodStart", "sourceType", "recorded", "voided"),
                sink -> answer.points().forEach(point -> sink.accept(Arrays.asList(point.periodStart(),
                        point.sourceType(), point.recorded(), point.voided()))));
    }
}
