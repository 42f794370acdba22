package dev.competency.analytics.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.analytics.capability.query.CapabilityMap;
import dev.competency.analytics.state.AnalyticsState;
import dev.competency.analytics.state.ContractEvents;
import dev.competency.analytics.state.ContractEvents.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** An analyst can neither read a small group nor derive it by subtracting two answers. */
class SuppressionTest {

    private static final Viewer ANALYST = new Viewer(true, 5, false, Set.of(), false);
    private static final Instant T = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void suppressesRoleFilteredGroup_whenTheLearnersItLeavesOutAreTooFewToShow() {
        // eng: 12 learners, 9 of them assigned rp1: the 3 left out would be the difference of two answers.
        AnalyticsState state = organisation(Map.of("team-a", 12), 9);

        CapabilityMap.Answer all = capability(state, new Scope("eng", null, null, GroupBy.UNIT));
        CapabilityMap.Answer role = capability(state, new Scope("eng", null, "rp1", GroupBy.UNIT));

        assertThat(all.groups().get(0).members()).isEqualTo(12);
        assertThat(role.groups().get(0).suppressed()).isTrue();
        assertThat(role.groups().get(0).members()).isNull();
        assertThat(role.cells()).allSatisfy(cell -> assertThat(cell.rated()).isNull());
    }

    @Test
    void showsRoleFilteredGroup_whenItAndTheRestAreBothLargeEnough() {
        AnalyticsState state = organisation(Map.of("team-a", 12), 6);

        CapabilityMap.Answer role = capability(state, new Scope("eng", null, "rp1", GroupBy.UNIT));

        assertThat(role.groups().get(0).members()).isEqualTo(6);
        assertThat(role.cells().get(0).rated()).isEqualTo(6);
    }

    @Test
    void suppressesNextSmallestTeam_whenExactlyOneTeamOfAShownUnitIsSuppressed() {
        AnalyticsState state = organisation(Map.of("team-a", 6, "team-b", 7, "team-c", 2), 0);

        CapabilityMap.Answer unit = capability(state, new Scope(null, null, null, GroupBy.UNIT));
        CapabilityMap.Answer teams = capability(state, new Scope(null, null, null, GroupBy.TEAM));

        assertThat(unit.groups().get(0).members()).isEqualTo(15);
        Map<String, Boolean> suppressed = teams.groups().stream()
                .collect(Collectors.toMap(GroupView::teamId, GroupView::suppressed));
        assertThat(suppressed).isEqualTo(Map.of("team-a", true, "team-b", false, "team-c", true));
        // The unit's total minus every shown team is team-a and team-c together, never team-c alone.
        int shown = teams.groups().stream().filter(group -> !group.suppressed()).mapToInt(GroupView::members).sum();
        assertThat(unit.groups().get(0).members() - shown).isEqualTo(8);
    }

    @Test
    void suppressesTeamWithinUnit_whenTheRestOfTheUnitIsTooSmall() {
        AnalyticsState state = organisation(Map.of("team-a", 8, "team-b", 3), 0);

        CapabilityMap.Answer narrowed = capability(state, new Scope("eng", "team-a", null, GroupBy.UNIT));

        assertThat(narrowed.groups().get(0).suppressed()).isTrue();
    }

    /**
     * Whatever the organisation, no sibling set of an analyst's answer has exactly one suppressed group, and a group
     * narrowed by the role profile is shown only when what it leaves out is 0 or at least the minimum: subtracting
     * two answers never yields one suppressed group's count.
     */
    @Property(tries = 300)
    void leavesNoSuppressedGroupToSubtract_whenAnyGroupsAreShown(@ForAll long seed,
                                                                 @ForAll @IntRange(min = 1, max = 60) int learners) {
        Random random = new Random(seed);
        List<Event> events = new ArrayList<>();
        events.add(Event.of(ContractEvents.framework(1, List.of("c1"))));
        events.add(Event.of(ContractEvents.roleProfile("rp1", 1, Map.of("c1", "COMPETENT"))));
        for (int i = 0; i < learners; i++) {
            String id = "l" + i;
            events.add(Event.of(ContractEvents.registered(id, List.of("eng", "ops", "hr").get(random.nextInt(3)))));
            events.add(Event.of(ContractEvents.team(id, "team-" + random.nextInt(5))));
            if (random.nextBoolean()) {
                events.add(Event.of(ContractEvents.role(id, "rp1")));
            }
        }
        AnalyticsState state = ContractEvents.fold(events);

        for (String role : new String[] {null, "rp1"}) {
            for (GroupBy groupBy : GroupBy.values()) {
                Population population = Population.of(state, ANALYST, new Scope(null, null, role, groupBy));
                List<Population.Group> groups = population.groups();
                for (Population.Group group : groups) {
                    if (!group.suppressed()) {
                        assertThat(group.size()).isGreaterThanOrEqualTo(5);
                        long rest = group.base() - group.size();
                        assertThat(rest == 0 || rest >= 5).as("complement of a shown group").isTrue();
                    }
                }
                List<Map<Object, List<Population.Group>>> siblingSets = groupBy == GroupBy.TEAM
                        ? List.of(bySet(groups, group -> String.valueOf(group.unit())),
                        bySet(groups, group -> String.valueOf(group.teamId())))
                        : List.of(bySet(groups, group -> "all"));
                siblingSets.forEach(sets -> sets.values().forEach(siblings -> {
                    long suppressed = siblings.stream().filter(Population.Group::suppressed).count();
                    assertThat(siblings.size() < 2 || suppressed != 1).as("one suppressed sibling").isTrue();
                }));
            }
        }
    }

    private static Map<Object, List<Population.Group>> bySet(List<Population.Group> groups,
                                                           java.util.function.Function<Population.Group, Object> key) {
        return groups.stream().collect(Collectors.groupingBy(key));
    }

    private static CapabilityMap.Answer capability(AnalyticsState state, Scope scope) {
        return CapabilityMap.answer(state, ANALYST, new CapabilityMap.Question(null, null, scope, null), T);
    }

    /** Unit eng with teams of the given sizes; the first {@code assigned} learners hold rp1; everyone rated on c1. */
    private static AnalyticsState organisation(Map<String, Integer> teams, int assigned) {
        List<Event> events = new ArrayList<>();
        events.add(Event.of(ContractEvents.framework(1, List.of("c1"))));
        events.add(Event.of(ContractEvents.roleProfile("rp1", 1, Map.of("c1", "COMPETENT"))));
        int n = 0;
        for (Map.Entry<String, Integer> team : new java.util.TreeMap<>(teams).entrySet()) {
            for (int i = 0; i < team.getValue(); i++, n++) {
                String id = "l" + n;
                events.add(Event.of(ContractEvents.registered(id, "eng")));
                events.add(Event.of(ContractEvents.team(id, team.getKey())));
                if (n < assigned) {
                    events.add(Event.of(ContractEvents.role(id, "rp1")));
                }
                events.add(Event.of(ContractEvents.mastery(id, "c1", "COMPETENT", true, 0.7, T)));
            }
        }
        return ContractEvents.fold(events);
    }
}
