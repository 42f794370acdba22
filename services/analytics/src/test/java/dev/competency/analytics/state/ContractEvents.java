package dev.competency.analytics.state;

import dev.competency.contracts.IntegrationEvent;
import dev.competency.contracts.evidence.Actor;
import dev.competency.contracts.evidence.ActorKind;
import dev.competency.contracts.evidence.EvidenceRecorded;
import dev.competency.contracts.evidence.EvidenceVoided;
import dev.competency.contracts.evidence.SourceType;
import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.contracts.frameworks.MasteryMethod;
import dev.competency.contracts.frameworks.MethodType;
import dev.competency.contracts.frameworks.RoleProfilePublished;
import dev.competency.contracts.learners.LearnerErased;
import dev.competency.contracts.learners.LearnerRegistered;
import dev.competency.contracts.learners.LearnerRoleAssigned;
import dev.competency.contracts.learners.LearnerTeamChanged;
import dev.competency.contracts.mastery.MasteryChanged;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Contract events for tests, with the fields analytics reads and plausible values for the rest. */
public final class ContractEvents {

    public static final String FRAMEWORK = "fw-dev";
    public static final List<String> LEVELS = List.of("NOT_YET", "DEVELOPING", "COMPETENT", "PROFICIENT");

    private ContractEvents() {
    }

    /** An event with its {@code ce_id}. */
    public record Event(String id, IntegrationEvent payload) {

        public static Event of(IntegrationEvent payload) {
            return new Event(UUID.randomUUID().toString(), payload);
        }
    }

    public static FrameworkPublished framework(int version, List<String> competencyIds) {
        List<FrameworkPublished.ProficiencyLevel> levels = List.of(
                new FrameworkPublished.ProficiencyLevel("NOT_YET", "Not yet", 0.0, false),
                new FrameworkPublished.ProficiencyLevel("DEVELOPING", "Developing", 0.4, false),
                new FrameworkPublished.ProficiencyLevel("COMPETENT", "Competent", 0.6, true),
                new FrameworkPublished.ProficiencyLevel("PROFICIENT", "Proficient", 0.8, true));
        List<FrameworkPublished.Competency> competencies = new java.util.ArrayList<>();
        for (int i = 0; i < competencyIds.size(); i++) {
            competencies.add(new FrameworkPublished.Competency(competencyIds.get(i), "DEV." + (i + 1),
                    "Competency " + (i + 1), null, null, i, null, null, null, null));
        }
        return new FrameworkPublished(FRAMEWORK, version, "DEV", "Development", null, null,
                Instant.parse("2026-01-01T00:00:00Z"), null, competencies, List.of(),
                new FrameworkPublished.ProficiencyScale(null, levels),
                new FrameworkPublished.MasteryPolicy(1, new MasteryMethod(MethodType.HIGHEST, null, null, null, null),
                        Map.of(), 0, FrameworkPublished.ManualRatingPrecedence.UNTIL_NEWER_EVIDENCE, null, null,
                        null));
    }

    public static RoleProfilePublished roleProfile(String id, int version, Map<String, String> targets) {
        return new RoleProfilePublished(id, version, "Role " + id, null, FRAMEWORK, 1,
                targets.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(target -> new RoleProfilePublished.RoleRequirement(target.getKey(), target.getValue(), 1.0))
                        .toList(), Instant.parse("2026-01-01T00:00:00Z"));
    }

    public static LearnerRegistered registered(String learnerId, String unit) {
        return new LearnerRegistered(learnerId, null, unit, Instant.parse("2026-01-01T00:00:00Z"));
    }

    public static LearnerTeamChanged team(String learnerId, String teamId) {
        return new LearnerTeamChanged(learnerId, teamId, null, null, Instant.parse("2026-01-01T00:00:00Z"));
    }

    public static LearnerRoleAssigned role(String learnerId, String roleProfileId) {
        return new LearnerRoleAssigned(learnerId, roleProfileId, null, Instant.parse("2026-01-01T00:00:00Z"));
    }

    public static LearnerErased erased(String learnerId) {
        return new LearnerErased(learnerId, Instant.parse("2026-06-01T00:00:00Z"));
    }

    public static MasteryChanged mastery(String learnerId, String competencyId, String level, boolean mastered,
                                         double score, Instant changedAt) {
        return mastery(learnerId, competencyId, level, mastered, score, changedAt, null);
    }

    public static MasteryChanged mastery(String learnerId, String competencyId, String level, boolean mastered,
                                         double score, Instant changedAt, Instant expiresAt) {
        return new MasteryChanged(learnerId, competencyId, FRAMEWORK, 1, 1, MethodType.HIGHEST, level, null, score,
                null, mastered, false, 1, changedAt, changedAt, expiresAt, MasteryChanged.ChangeCause.EVIDENCE_RECORDED,
                null);
    }

    public static EvidenceRecorded evidence(String evidenceId, String learnerId, String competencyId, SourceType source,
                                            Instant occurredAt) {
        return new EvidenceRecorded(evidenceId, learnerId, competencyId, FRAMEWORK, 1, 0.7, null, null, source,
                new Actor("system", ActorKind.SYSTEM), occurredAt, occurredAt,
                new EvidenceRecorded.Provenance(null, null, null, null, null), null, null);
    }

    public static EvidenceVoided voided(String evidenceId, String learnerId, String competencyId, Instant at) {
        return new EvidenceVoided(evidenceId, learnerId, competencyId, at, new Actor("system", ActorKind.SYSTEM),
                "wrong learner");
    }

    public static AnalyticsState fold(List<Event> events) {
        AnalyticsState state = new AnalyticsState();
        events.forEach(event -> state.apply(event.id(), event.payload()));
        return state;
    }
}
