package dev.competency.learners.team.web;

import dev.competency.learners.access.LearnerAccessPolicy;
import dev.competency.learners.learner.query.CurrentMastery;
import dev.competency.learners.learner.query.GapAnalysis;
import dev.competency.learners.learner.query.LearnerProfiles;
import dev.competency.platform.service.web.ResourceNotFound;
import dev.competency.platform.service.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The team view for managers: each member's readiness for their role, open gaps and mastered competencies. */
@RestController
class TeamController {

    private final LearnerAccessPolicy access;
    private final LearnerProfiles profiles;
    private final CurrentMastery mastery;
    private final GapAnalysis gaps;
    private final Clock clock;

    TeamController(LearnerAccessPolicy access, LearnerProfiles profiles, CurrentMastery mastery, GapAnalysis gaps,
                   Clock clock) {
        this.access = access;
        this.profiles = profiles;
        this.mastery = mastery;
        this.gaps = gaps;
        this.clock = clock;
    }

    @GetMapping("/api/teams/{teamId}")
    TeamView team(@PathVariable String teamId, Caller caller) {
        access.requireCanReadTeam(caller, teamId);
        Instant now = clock.instant();
        List<Member> members = new ArrayList<>();
        for (LearnerProfiles.Profile profile : profiles.membersOf(teamId)) {
            Double readiness = null;
            Integer openGaps = null;
            if (profile.roleProfileId() != null) {
                try {
                    GapAnalysis.GapReport report = gaps.gapsKnownNow(profile, now);
                    readiness = report.readiness();
                    openGaps = (int) report.requirements().stream().filter(r -> !r.met()).count();
                } catch (ResourceNotFound e) {
                    // The role profile or its framework has not arrived yet: readiness stays unknown (null).
                }
            }
            int mastered = (int) mastery.effectiveOf(profile.learnerId()).stream()
                    .filter(CurrentMastery.Entry::mastered).count();
            members.add(new Member(profile.learnerId(), profile.displayName(), profile.roleProfileId(), readiness,
                    openGaps, mastered));
        }
        Double average = members.stream().filter(m -> m.readiness() != null)
                .mapToDouble(Member::readiness).average().stream().boxed().findFirst().orElse(null);
        return new TeamView(teamId, members.size(), average, members);
    }

    record TeamView(String teamId, int memberCount, Double averageReadiness, List<Member> members) {
    }

    /** readiness and openGaps are null when the member has no role or it is not known yet. */
    record Member(String learnerId, String displayName, String roleProfileId, Double readiness, Integer openGaps,
                  int masteredCompetencies) {
    }
}
