package dev.competency.analytics.privacy;

import dev.competency.analytics.state.AnalyticsState;
import dev.competency.analytics.state.LearnerRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The learners of a question in their groups, with the suppression rules applied for the caller. Groups are resolved
 * from the current directory (unit, team, role profile), whatever order the topics arrived in.
 *
 * <p>The rules, for callers who get suppression (analysts):
 * <ol>
 * <li>a group with fewer members than the minimum (but some) is suppressed;</li>
 * <li>difference rule: a group narrowed by a filter (role profile, or a team within a unit grouped by unit) is shown
 * only if both it and its complement within the unfiltered group (the members the filter left out) are 0 or at least
 * the minimum, so that the filtered and the unfiltered answer cannot be subtracted;</li>
 * <li>complementary suppression: among sibling groups whose total is known (every group of the answer; with
 * {@code groupBy=team} the teams of one unit and the units of one team), when exactly one is suppressed the
 * next-smallest is suppressed too.</li>
 * </ol>
 */
public final class Population {

    private final List<Group> groups;

    private Population(List<Group> groups) {
        this.groups = groups;
    }

    public List<Group> groups() {
        return groups;
    }

    public static Population of(AnalyticsState state, Viewer viewer, Scope scope) {
        int unitFilter = scope.unit() == null ? -2 : state.unitIndex(scope.unit());
        int teamFilter = scope.teamId() == null ? -2 : state.teamIndex(scope.teamId());
        int roleFilter = scope.roleProfileId() == null ? -2 : state.roleProfileIndex(scope.roleProfileId());
        boolean byTeam = scope.groupBy() == GroupBy.TEAM;
        Map<Long, Builder> builders = new HashMap<>();
        for (int i = 0; i < state.learnerSlots(); i++) {
            LearnerRecord learner = state.learner(i);
            if (learner == null || learner.erased()) {
                continue;
            }
            String team = state.team(learner.teamIndex());
            if (!viewer.includes(team)) {
                continue;
            }
            if (unitFilter != -2 && learner.unitIndex() != unitFilter) {
                continue;
            }
            boolean teamMatches = teamFilter == -2 || learner.teamIndex() == teamFilter;
            if (byTeam && !teamMatches) {
                continue;
            }
            long key = ((long) learner.unitIndex() << 32) ^ (byTeam ? learner.teamIndex() & 0xFFFFFFFFL : 0xFFFFFFFFL);
            Builder builder = builders.computeIfAbsent(key, k -> new Builder(state.unit(learner.unitIndex()),
                    byTeam ? team : null));
            builder.base++;
            if (!teamMatches || roleFilter != -2 && learner.roleProfileIndex() != roleFilter) {
                continue;
            }
            builder.add(i);
        }
        List<Group> groups = new ArrayList<>();
        for (Builder builder : builders.values()) {
            if (builder.size == 0) {
                continue;
            }
            int[] members = Arrays.copyOf(builder.members, builder.size);
            boolean suppressed = viewer.tooSmall(members.length) || viewer.tooSmall(builder.base - members.length);
            groups.add(new Group(builder.unit, builder.teamId, members, builder.base, suppressed));
        }
        groups.sort(Group.ORDER);
        if (viewer.suppresses()) {
            if (byTeam) {
                Suppression.complement(groups, Group.ORDER, Group::unit, Group::teamId);
            } else {
                Suppression.complement(groups, Group.ORDER, group -> "all");
            }
        }
        return new Population(List.copyOf(groups));
    }

    private static final class Builder {
        final String unit;
        final String teamId;
        int[] members = new int[8];
        int size;
        int base;

        Builder(String unit, String teamId) {
            this.unit = unit;
            this.teamId = teamId;
        }

        void add(int learner) {
            if (size == members.length) {
                members = Arrays.copyOf(members, size * 2);
            }
            members[size++] = learner;
        }
    }

    /**
     * One group of learners.
     *
     * @param teamId  null when grouped by unit
     * @param members the learners' indices in the state
     * @param base    the members of the unfiltered group (before role-profile and team-within-unit filters)
     */
    public static final class Group extends Suppression.Counted {

        static final Comparator<Group> ORDER = Comparator
                .comparing(Group::unit, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Group::teamId, Comparator.nullsLast(Comparator.naturalOrder()));

        private final String unit;
        private final String teamId;
        private final int[] members;
        private final int base;

        Group(String unit, String teamId, int[] members, int base, boolean suppressed) {
            super(members.length, suppressed);
            this.unit = unit;
            this.teamId = teamId;
            this.members = members;
            this.base = base;
        }

        public String unit() {
            return unit;
        }

        public String teamId() {
            return teamId;
        }

        public int[] members() {
            return members;
        }

        public int base() {
            return base;
        }
    }
}
