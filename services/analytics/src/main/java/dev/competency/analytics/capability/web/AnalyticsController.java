package dev.competency.analytics.capability.web;

import dev.competency.analytics.access.AnalyticsAccessPolicy;
import dev.competency.analytics.capability.query.TeamCapability;
import dev.competency.analytics.evidence.query.EvidenceVolume;
import dev.competency.analytics.mastery.query.CurrentMastery;
import dev.competency.contracts.evidence.SourceType;
import dev.competency.platform.service.security.Caller;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read-only views over the analytics read models; {@link AnalyticsAccessPolicy} decides who sees which. */
@RestController
@RequestMapping("/api/analytics")
class AnalyticsController {

    private final AnalyticsAccessPolicy policy;
    private final EvidenceVolume evidenceVolume;
    private final TeamCapability teamCapability;
    private final CurrentMastery currentMastery;

    AnalyticsController(AnalyticsAccessPolicy policy, EvidenceVolume evidenceVolume, TeamCapability teamCapability,
                        CurrentMastery currentMastery) {
        this.policy = policy;
        this.evidenceVolume = evidenceVolume;
        this.teamCapability = teamCapability;
        this.currentMastery = currentMastery;
    }

    /** Evidence not voided, counted by the kind of source it came from. */
    @GetMapping("/evidence/sources")
    Map<SourceType, Long> evidenceBySource(Caller caller) {
        policy.requireCanReadAggregates(caller);
        return evidenceVolume.bySource();
    }

    @GetMapping("/teams/{teamId}/capability")
    TeamCapability.Report teamCapability(Caller caller, @PathVariable String teamId) {
        policy.requireCanReadTeam(caller, teamId);
        return teamCapability.of(teamId, policy.mustSuppressSmallGroups(caller));
    }

    /** The latest mastery cells of one learner: personal data, for administrators. */
    @GetMapping("/learners/{learnerId}/mastery")
    List<Cell> learnerMastery(Caller caller, @PathVariable String learnerId) {
        policy.requireCanReadPersonalData(caller);
        return currentMastery.ofLearners(List.of(learnerId)).stream().map(Cell::of).toList();
    }

    record Cell(String competencyId, String frameworkId, Integer frameworkVersion, String level, Double score,
                Boolean mastered, Instant changedAt) {

        static Cell of(Document cell) {
            Number score = cell.get("score", Number.class);
            Number version = cell.get("frameworkVersion", Number.class);
            return new Cell(cell.getString("competencyId"), cell.getString("frameworkId"),
                    version == null ? null : version.intValue(), cell.getString("level"),
                    score == null ? null : score.doubleValue(), cell.getBoolean("mastered"),
                    cell.getDate("changedAt").toInstant());
        }
    }
}
