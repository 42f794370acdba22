package dev.competency.analytics.privacy;

import java.util.Set;

/**
 * What one caller may see of the analytics: whether small groups are suppressed for them, whether they are limited to
 * the teams they manage, and whose people they may see.
 *
 * @param suppresses       counts of groups under {@code minimumGroupSize} are hidden (analysts)
 * @param minimumGroupSize the configured minimum group size
 * @param seesEveryone     may see every person (administrators)
 * @param managedTeams     the teams the caller manages
 * @param onlyManagedTeams the caller sees only learners of the teams they manage (managers who are not analysts or
 *                         administrators)
 */
public record Viewer(boolean suppresses, int minimumGroupSize, boolean seesEveryone, Set<String> managedTeams,
                     boolean onlyManagedTeams) {

    public Viewer {
        managedTeams = Set.copyOf(managedTeams);
    }

    /** The minimum group size the caller's answers were cut at: 0 for callers who see people. */
    public int shownMinimum() {
        return suppresses ? minimumGroupSize : 0;
    }

    /** Whether a count is too small to show: more than 0 and under the minimum, for a caller who gets suppression. */
    public boolean tooSmall(long count) {
        return suppresses && count > 0 && count < minimumGroupSize;
    }

    /** Whether the caller may see the people of a team (administrators: every team, also learners without one). */
    public boolean seesPeopleOf(String teamId) {
        return seesEveryone || teamId != null && managedTeams.contains(teamId);
    }

    /** Whether a learner of this team is in the caller's view at all. */
    public boolean includes(String teamId) {
        return !onlyManagedTeams || teamId != null && managedTeams.contains(teamId);
    }
}
