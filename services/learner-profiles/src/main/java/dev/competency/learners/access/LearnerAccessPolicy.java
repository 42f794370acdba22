package dev.competency.learners.access;

import dev.competency.learners.learner.query.LearnerProfiles;
import dev.competency.platform.service.security.AccessDenied;
import dev.competency.platform.service.security.Caller;
import dev.competency.platform.service.security.Role;
import org.springframework.stereotype.Component;

/**
 * Who may see what in this service, in one place. A learner reads only their own data; a manager reads the learners
 * of the teams they manage and those teams' views; an admin reads and changes everything. Analysts get no personal
 * data from this service (they read the public streams), and the other roles get none either. The reasons never
 * say whether the learner exists.
 */
@Component
public class LearnerAccessPolicy {

    private final LearnerProfiles profiles;

    LearnerAccessPolicy(LearnerProfiles profiles) {
        this.profiles = profiles;
    }

    public void requireCanRead(Caller caller, String learnerId) {
        if (caller.isAdmin()) {
            return;
        }
        if (caller.has(Role.LEARNER) && caller.subject().equals(learnerId)) {
            return;
        }
        if (caller.has(Role.MANAGER) && profiles.find(learnerId)
                .map(LearnerProfiles.Profile::teamId).filter(caller::manages).isPresent()) {
            return;
        }
        throw new AccessDenied("You may read only your own data or that of the teams you manage");
    }

    public void requireCanReadTeam(Caller caller, String teamId) {
        if (caller.isAdmin() || (caller.has(Role.MANAGER) && caller.manages(teamId))) {
            return;
        }
        throw new AccessDenied("You may view only the teams you manage");
    }

    public void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw new AccessDenied("Only administrators may do this");
        }
    }

    /**
     * A policy preview is for the authors who write policies and for admins; only admins see which learners would
     * change ({@link #seesLearnersInPolicyPreview}).
     */
    public void requireCanPreviewPolicy(Caller caller) {
        if (!caller.hasAny(Role.ADMIN, Role.AUTHOR)) {
            throw new AccessDenied("Only authors and administrators may preview a policy");
        }
    }

    public boolean seesLearnersInPolicyPreview(Caller caller) {
        return caller.isAdmin();
    }

    /** The calculator handles no personal data: any authenticated caller may use it. */
    public void requireCanCalculate(Caller caller) {
        if (caller.roles().isEmpty()) {
            throw new AccessDenied("A platform role is required");
        }
    }
}
