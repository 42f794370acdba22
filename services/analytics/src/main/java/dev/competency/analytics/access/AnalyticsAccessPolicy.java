package dev.competency.analytics.access;

import dev.competency.analytics.privacy.Viewer;
import dev.competency.platform.service.security.AccessDenied;
import dev.competency.platform.service.security.Caller;
import dev.competency.platform.service.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who may read what in analytics, in one place. Analysts read aggregates of everyone, with small groups suppressed
 * and never a person; managers read their own teams, people included; administrators read everything. A caller who
 * is both analyst and manager gets the analyst's view, with the people of the teams they manage.
 */
@Component
public class AnalyticsAccessPolicy {

    private final int minimumGroupSize;

    public AnalyticsAccessPolicy(@Value("${analytics.minimum-group-size:5}") int minimumGroupSize) {
        this.minimumGroupSize = minimumGroupSize;
    }

    /** The caller's view of the aggregates; refuses callers who are neither analyst, manager nor admin. */
    public Viewer viewer(Caller caller) {
        if (caller.isAdmin()) {
            return adminViewer(caller);
        }
        if (caller.has(Role.ANALYST)) {
            return new Viewer(true, minimumGroupSize, false, caller.has(Role.MANAGER) ? caller.managedTeams()
                    : java.util.Set.of(), false);
        }
        if (caller.has(Role.MANAGER)) {
            return new Viewer(false, minimumGroupSize, false, caller.managedTeams(), true);
        }
        throw new AccessDenied("Analytics is open to analysts, managers and administrators");
    }

    /** A manager limited to their teams may not name another team. */
    public Viewer viewer(Caller caller, String teamId) {
        Viewer viewer = viewer(caller);
        if (teamId != null && viewer.onlyManagedTeams() && !caller.manages(teamId)) {
            throw new AccessDenied("You may view only the teams you manage");
        }
        return viewer;
    }

    /** The coaching list names people: managers (their teams) and administrators only. */
    public Viewer peopleViewer(Caller caller, String teamId) {
        if (!caller.isAdmin() && !caller.has(Role.MANAGER)) {
            throw new AccessDenied("The coaching list names people; it is open to managers and administrators");
        }
        if (teamId != null && !caller.isAdmin() && !caller.manages(teamId)) {
            throw new AccessDenied("You may view only the teams you manage");
        }
        return caller.isAdmin() ? adminViewer(caller)
                : new Viewer(false, minimumGroupSize, false, caller.managedTeams(), true);
    }

    /** Everything, people included, with no group suppressed. */
    public Viewer adminViewer(Caller caller) {
        return new Viewer(false, minimumGroupSize, true, caller.managedTeams(), false);
    }

    public void requireCanReadAggregates(Caller caller) {
        viewer(caller);
    }

    public void requireCanReadTeam(Caller caller, String teamId) {
        if (caller.hasAny(Role.ANALYST, Role.ADMIN) || (caller.has(Role.MANAGER) && caller.manages(teamId))) {
            return;
        }
        throw new AccessDenied("You may view only the teams you manage");
    }

    public void requireCanReadPersonalData(Caller caller) {
        if (!caller.isAdmin()) {
            throw new AccessDenied("Per-learner records are personal data; only administrators read them here");
        }
    }

    public void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw new AccessDenied("Rebuilding the analytics state is for administrators");
        }
    }

    /** Whether groups smaller than the minimum size must be hidden from this caller. */
    public boolean mustSuppressSmallGroups(Caller caller) {
        return !caller.isAdmin() && !(caller.has(Role.MANAGER) && !caller.has(Role.ANALYST));
    }
}
