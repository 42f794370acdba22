package dev.competency.analytics.capability.query;

import static dev.competency.analytics.state.ContractEvents.framework;
import static dev.competency.analytics.state.ContractEvents.mastery;
import static dev.competency.analytics.state.ContractEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.analytics.privacy.GroupBy;
import dev.competency.analytics.privacy.Scope;
import dev.competency.analytics.privacy.Viewer;
import dev.competency.analytics.state.AnalyticsState;
import dev.competency.analytics.state.ContractEvents;
import dev.competency.analytics.state.ContractEvents.Event;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CapabilityMapTest {

    private static final Instant T = Instant.parse("2026-11-02T09:00:00Z");
    private static final Viewer ADMIN = new Viewer(false, 5, true, Set.of(), false);

    private static CapabilityMap.Cell cell(AnalyticsState state, String competencyId, Long asOf) {
        return CapabilityMap.answer(state, ADMIN, new CapabilityMap.Question(ContractEvents.FRAMEWORK, null,
                        new Scope(null, null, null, GroupBy.UNIT), asOf), T.plusSeconds(60)).cells().stream()
                .filter(cell -> cell.competencyId().equals(competencyId) && "eng".equals(cell.unit()))
                .findFirst().orElseThrow();
    }

    @Test
    void countsOnlyLearnersWithALevelAsRated_whenAFoldOrRollUpGivesNoLevelYet() {
        AnalyticsState state = ContractEvents.fold(List.of(
                Event.of(framework(1, List.of("c1", "c2"))),
                Event.of(registered("ada", "eng")),
                Event.of(registered("bob", "eng")),
                Event.of(mastery("ada", "c1", "COMPETENT", true, 0.7, T)),
                Event.of(mastery("bob", "c1", null, false, 0.0, T)),
                Event.of(mastery("bob", "c2", null, false, 0.0, T))));

        for (Long asOf : new Long[] {null, T.plusSeconds(1).toEpochMilli()}) {
            CapabilityMap.Cell rated = cell(state, "c1", asOf);
            assertThat(rated.rated()).isEqualTo(1);
            assertThat(rated.mastered()).isEqualTo(1);
            assertThat(rated.masteredShare()).isEqualTo(1.0);
            CapabilityMap.Cell noLevel = cell(state, "c2", asOf);
            assertThat(noLevel.rated()).isZero();
            assertThat(noLevel.masteredShare()).isNull();
            assertThat(noLevel.levels()).containsOnlyKeys("NOT_YET", "DEVELOPING", "COMPETENT", "PROFICIENT")
                    .allSatisfy((level, count) -> assertThat(count).isZero());
        }
    }
}
