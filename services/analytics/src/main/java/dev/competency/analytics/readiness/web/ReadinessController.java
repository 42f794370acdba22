package dev.competency.analytics.readiness.web;

import dev.competency.analytics.access.AnalyticsAccessPolicy;
import dev.competency.analytics.privacy.Scope;
import dev.competency.analytics.privacy.Viewer;
import dev.competency.analytics.readiness.query.Readiness;
import dev.competency.analytics.stream.StateHolder;
import dev.competency.analytics.web.Csv;
import dev.competency.analytics.web.QueryParameters;
import dev.competency.platform.service.security.Caller;
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
class ReadinessController {

    private final AnalyticsAccessPolicy policy;
    private final StateHolder state;
    private final double defaultThreshold;

    ReadinessController(AnalyticsAccessPolicy policy, StateHolder state,
                        @Value("${analytics.close-threshold:0.8}") double defaultThreshold) {
        this.policy = policy;
        this.state = state;
        this.defaultThreshold = defaultThreshold;
    }

    @GetMapping("/readiness")
    ResponseEntity<?> readiness(Caller caller,
                                @RequestParam(required = false) String roleProfileId,
                                @RequestParam(required = false) String unit,
                                @RequestParam(required = false) String teamId,
                                @RequestParam(required = false) String groupBy,
                                @RequestParam(required = false) String closeThreshold,
                                @RequestParam(required = false) String format,
                                @RequestHeader(value = "Accept", required = false) String accept) {
        String team = QueryParameters.id("teamId", teamId);
        Viewer viewer = policy.viewer(caller, team);
        Scope scope = new Scope(QueryParameters.id("unit", unit), team,
                QueryParameters.requiredId("roleProfileId", roleProfileId), QueryParameters.groupBy(groupBy));
        double threshold = QueryParameters.threshold("closeThreshold", closeThreshold, defaultThreshold);
        boolean csv = Csv.requested(format, accept);
        Readiness.Answer answer = state.read(current -> Readiness.answer(current, viewer, scope, threshold));
        if (!csv) {
            return ResponseEntity.ok(answer);
        }
        boolean people = answer.groups().stream().anyMatch(group -> group.people() != null);
        if (people) {
            return Csv.answer("readiness", List.of("unit", "teamId", "learnerId", "status", "metWeight"),
                    sink -> answer.groups().forEach(group -> {
                        if (group.people() != null) {
                            group.people().forEach(person -> sink.accept(Arrays.asList(group.unit(), group.teamId(),
                                    person.learnerId(), person.status(), person.metWeight())));
                        }
                    }));
        }
        return Csv.answer("readiness", List.of("unit", "teamId", "members", "suppressed", "ready", "close", "far"),
                sink -> answer.groups().forEach(group -> sink.accept(Arrays.asList(group.unit(), group.teamId(),
                        group.members(), group.suppressed(), group.ready(), group.close(), group.far()))));
    }
}
