package dev.competency.learners.team.web;

import dev.competency.learners.access.LearnerAccessPolicy;
import dev.competency.learners.learner.query.GapAnalysis;
import dev.competency.learners.learner.query.LearnerProfiles;
import dev.competency.learners.learner.query.MasteryQueries;
import dev.competency.learners.learner.query.MasteryQueries.CompetencyMastery;
import dev.competency.learners.mastery.MasteryResult;
import dev.competency.platform.service.web.ResourceNotFound;
import dev.competency.platform.service.web.SingleLine;
import dev.competency.platform.service.security.Caller;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A team's mastery in one answer, for the manager's heatmap: every member with their readiness and the level of each
 * competency they have evidence on. Computed at the moment of the request with {@link MasteryQueries}, as each
 * member's own {@code GET /api/learners/{id}/mastery} is, so decay and expiry agree with what the member sees. Each
 * member's evidence is read once; the cost grows with the team, which suits teams of tens.
 */
@RestController
class TeamMasteryController {

    static final int ID_MAX = 128;

    private final LearnerAccessPolicy access;
    private final LearnerProfiles profiles;
    private final MasteryQueries mastery;
    private final GapAnalysis gaps;
    private final Clock clock;

    TeamMasteryController(LearnerAccessPolicy access, LearnerProfiles profiles, MasteryQueries mastery,
                          GapAnalysis gaps, Clock clock) {
        this.access = access;
        this.profiles = profiles;
        this.mastery = mastery;
        this.gaps = gaps;
        this.clock = clock;
    }

    @GetMapping("/api/teams/{teamId}/mastery")
    TeamMastery mastery(@PathVariable @Size(max = ID_MAX) @SingleLine String teamId, Caller caller) {
        access.requireCanReadTeam(caller, teamId);
        Instant now = clock.instant();
        return new TeamMastery(teamId, now, profiles.membersOf(teamId).stream()
                .map(profile -> member(profile, now)).toList());
    }

    private Member member(LearnerProfiles.Profile profile, Instant now) {
        List<CompetencyMastery> masteries = mastery.masteryOf(profile.learnerId(), now, now);
        Double readiness = null;
        if (profile.roleProfileId() != null) {
            try {
                readiness = gaps.gapsFrom(profile, masteries).readiness();
            } catch (ResourceNotFound e) {
                // The role profile or its framework has not arrived yet: readiness stays unknown (null).
            }
        }
        Instant lastEvidenceAt = masteries.stream().map(CompetencyMastery::result).filter(Objects::nonNull)
                .map(MasteryResult::lastEvidenceAt).filter(Objects::nonNull).max(Comparator.naturalOrder())
                .orElse(null);
        List<Competency> competencies = masteries.stream()
                .sorted(Comparator.comparing(CompetencyMastery::competencyId)).map(Competency::of).toList();
        return new Member(profile.learnerId(), profile.displayName(), profile.roleProfileId(), readiness,
                lastEvidenceAt, competencies);
    }

    /** @param asOf the instant the mastery was computed for */
    record TeamMastery(String teamId, Instant asOf, List<Member> members) {
    }

    /**
     * One member, in learner id order.
     *
     * @param readiness      the weighted share of the role's requirements met; null without a role, or while the
     *                       role profile or its framework has not arrived
     * @param lastEvidenceAt when the latest evidence that counts towards any of the member's competencies occurred
     * @param competencies   every competency the member has evidence on (and parents rolled up from them), in
     *                       competency id order
     */
    record Member(String learnerId, String displayName, String roleProfileId, Double readiness,
                  Instant lastEvidenceAt, List<Competency> competencies) {
    }

    /**
     * A member's mastery of one competency, as {@code GET /api/learners/{id}/mastery} shows it.
     *
     * @param level     null while none is reached or while the framework version is pending; an expired level is
     *                  still shown, with {@code mastered} false
     * @param score     after decay; null for a parent rolled up from its children and while pending
     * @param expiresAt when the level expires, if the policy has a validity period
     */
    record Competency(String competencyId, String frameworkId, int frameworkVersion, String level, Double score,
                      boolean mastered, Instant expiresAt) {

        static Competency of(CompetencyMastery m) {
            if (m.rollup() != null) {
                return new Competency(m.competencyId(), m.frameworkId(), m.frameworkVersion(),
                        m.rollup().levelCode(), null, m.rollup().mastered(), null);
            }
            MasteryResult result = m.result();
            return result == null
                    ? new Competency(m.competencyId(), m.frameworkId(), m.frameworkVersion(), null, null, false, null)
                    : new Competency(m.competencyId(), m.frameworkId(), m.frameworkVersion(), result.levelCode(),
                            result.score(), result.mastered(), result.expiresAt());
        }
    }
}
