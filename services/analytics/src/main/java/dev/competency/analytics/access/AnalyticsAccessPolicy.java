package dev.competency.analytics.access;

import dev.competency.platform.service.security.AccessDenied;
import dev.competency.platform.service.security.Caller;
import dev.competency.platform.service.security.Role;
import org.springframework.stereotype.Component;

/**
 * Who may read what in analytics, in one place. Analysts, managers and admins read aggregates; a manager only of the
 * teams they manage; per-learner records are personal data and only admins read them.
 */
@Component
public class AnalyticsAccessPolicy {

    public void requireCanReadAggregates(Caller caller) {
        if (!caller.hasAny(Role.ANALYST, Role.MANAGER, Role.ADMIN)) {
            throw new AccessDenied("Analytics is open to analysts, managers and administrators");
        }
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

    /**
     * Whether groups smaller than the minimum size must be hidden from this caller: an analyst could otherwise
     * single out a person from an aggregate of one or two. Managers see their own team in the learner views anyway.
     */
    public boolean mustSuppressSmallGroups(Caller caller) {
        return !caller.isAdmin() && !caller.has(Role.MANAGER);
    }
}
