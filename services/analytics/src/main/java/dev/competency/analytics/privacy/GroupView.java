package dev.competency.analytics.privacy;

/**
 * A group as answers show it: its members' count is null when the group is suppressed.
 *
 * @param teamId null when grouped by unit
 */
public record GroupView(String unit, String teamId, Integer members, boolean suppressed) {

    public static GroupView of(Population.Group group) {
        return new GroupView(group.unit(), group.teamId(), group.suppressed() ? null : group.members().length,
                group.suppressed());
    }
}
