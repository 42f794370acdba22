package dev.competency.analytics.capability.web;

import dev.competency.analytics.access.AnalyticsAccessPolicy;
import dev.competency.analytics.capability.query.CapabilityMap;
import dev.competency.analytics.capability.query.TeamCapability;
import dev.competency.analytics.privacy.Scope;
import dev.competency.analytics.privacy.Viewer;
import dev.competency.analytics.stream.StateHolder;
import dev.competency.analytics.web.Csv;
import dev.competency.analytics.web.QueryParameters;
import dev.competency.platform.service.security.Caller;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/analytics")
class CapabilityController {

    private final AnalyticsAccessPolicy policy;
    private final StateHolder state;
    private final Clock clock;

    CapabilityController(AnalyticsAccessPolicy policy, StateHolder state, Clock clock) {
        this.policy = policy;
        this.state = state;
        this.clock = clock;
    }

    @GetMapping("/capability")
    ResponseEntity<?> capability(Caller caller,
                                 @RequestParam(required = false) String frameworkId,
                                 @RequestParam(required = false) String frameworkVersion,
                                 @RequestParam(required = false) String roleProfileId,
                                 @RequestParam(required = false) String unit,
                                 @RequestParam(required = false) String teamId,
                                 @RequestParam(required = false) String groupBy,
                                 @RequestParam(required = false) String asOf,
                                 @RequestParam(required = false) String format,
                                 @RequestHeader(value = "Accept", required = false) String accept) {
        String team = QueryParameters.id("teamId", teamId);
        Viewer viewer = policy.viewer(caller, team);
        Integer version = QueryParameters.version("frameworkVersion", frameworkVersion);
        String framework = QueryParameters.id("frameworkId", frameworkId);
        if (version != null && framework == null) {
            throw new dev.competency.analytics.web.InvalidParameter("frameworkId", "is required with frameworkVersion");
        }
        CapabilityMap.Question question = new CapabilityMap.Question(framework, version,
                new Scope(QueryParameters.id("unit", unit), team, QueryParameters.id("roleProfileId", roleProfileId),
                        QueryParameters.groupBy(groupBy)), QueryParameters.instant("asOf", asOf));
        boolean csv = Csv.requested(format, accept);
        CapabilityMap.Answer answer = state.read(current -> CapabilityMap.answer(current, viewer, question,
                clock.instant()));
        if (!csv) {
            return ResponseEntity.ok(answer);
        }
        Set<String> levels = new LinkedHashSet<>();
        answer.cells().forEach(cell -> levels.addAll(cell.levels().keySet()));
        List<String> header = new ArrayList<>(List.of("unit", "teamId", "competencyId", "code", "title", "suppressed",
                "rated", "mastered", "masteredShare", "averageScore"));
        levels.forEach(level -> header.add("level:" + level));
        Map<String, CapabilityMap.Competency> competencies = new java.util.HashMap<>();
        answer.competencies().forEach(competency -> competencies.put(competency.competencyId(), competency));
        return Csv.answer("capability", header, sink -> answer.cells().forEach(cell -> {
            CapabilityMap.Competency competency = competencies.get(cell.competencyId());
            List<Object> row = new ArrayList<>(Arrays.asList(cell.unit(), cell.teamId(), cell.competencyId(),
                    competency == null ? null : competency.code(), competency == null ? null : competency.title(),
                    cell.suppressed(), cell.rated(), cell.mastered(), cell.masteredShare(), cell.averageScore()));
            // Empty, not 0, for a level that is not on this competency's scale.
            levels.forEach(level -> row.add(cell.suppressed() ? null : cell.levels().get(level)));
            sink.accept(row);
        }));
    }

    @GetMapping("/teams/{teamId}/capability")
    TeamCapability.Report teamCapability(Caller caller, @PathVariable String teamId) {
        policy.requireCanReadTeam(caller, teamId);
        Viewer viewer = policy.mustSuppressSmallGroups(caller) ? policy.viewer(caller) : policy.adminViewer(caller);
        return state.read(current -> TeamCapability.of(current, viewer, teamId));
    }
}
