package dev.competency.analytics.gaps.web;

import dev.competency.analytics.access.AnalyticsAccessPolicy;
import dev.competency.analytics.gaps.query.SkillGaps;
import dev.competency.analytics.privacy.Scope;
import dev.competency.analytics.privacy.Viewer;
import dev.competency.analytics.stream.StateHolder;
import dev.competency.analytics.web.Csv;
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
class GapsController {

    private final AnalyticsAccessPolicy policy;
    private final StateHolder state;

    GapsController(AnalyticsAccessPolicy policy, StateHolder state) {
        this.policy = policy;
        this.state = state;
    }

    @GetMapping("/gaps")
    ResponseEntity<?> gaps(Caller caller,
                           @RequestParam(required = false) String roleProfileId,
                           @RequestParam(required = false) String unit,
                           @RequestParam(required = false) String teamId,
                           @RequestParam(required = false) String groupBy,
                           @RequestParam(required = false) String limit,
                           @RequestParam(required = false) String format,
                           @RequestHeader(value = "Accept", required = false) String accept) {
        String team = QueryParameters.id("teamId", teamId);
        Viewer viewer = policy.viewer(caller, team);
        Scope scope = new Scope(QueryParameters.id("unit", unit), team, QueryParameters.id("roleProfileId",
                roleProfileId), QueryParameters.groupBy(groupBy));
        int top = QueryParameters.integer("limit", limit, 1, 1000, 10);
        boolean csv = Csv.requested(format, accept);
        SkillGaps.Answer answer = state.read(current -> SkillGaps.answer(current, viewer, scope, top));
        if (!csv) {
            return ResponseEntity.ok(answer);
        }
        return Csv.answer("gaps", List.of("roleProfileId", "competencyId", "code", "title", "targetLevel", "weight",
                "assigned", "heldBack", "gapScore", "suppressed"), sink -> answer.gaps().forEach(gap -> sink.accept(
                Arrays.asList(gap.roleProfileId(), gap.competencyId(), gap.code(), gap.title(), gap.targetLevel(),
                        gap.weight(), gap.assigned(), gap.heldBack(), gap.gapScore(), gap.suppressed()))));
    }
}
