package dev.competency.analytics.state;

import static dev.competency.analytics.state.ContractEvents.Event;
import static dev.competency.analytics.state.ContractEvents.erased;
import static dev.competency.analytics.state.ContractEvents.mastery;
import static dev.competency.analytics.state.ContractEvents.registered;
import static dev.competency.analytics.state.ContractEvents.team;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyticsStateTest {

    private static final Instant T = Instant.parse("2026-03-01T09:00:00.123Z");

    @Test
    void keepsLaterChangeOfStream_whenTwoChangesShareTheMillisecond() {
        AnalyticsState state = ContractEvents.fold(List.of(
                Event.of(mastery("ada", "c1", "DEVELOPING", false, 0.5, T)),
                Event.of(mastery("ada", "c1", "COMPETENT", true, 0.65, T))));

        MasteryCell cell = state.learner("ada").cell(state.competencyIndex("c1"));
        assertThat(state.levelCode(cell.level(cell.current()))).isEqualTo("COMPETENT");
        assertThat(state.levelCode(cell.level(cell.at(T.toEpochMilli())))).isEqualTo("COMPETENT");
        assertThat(cell.at(T.toEpochMilli() - 1)).isEqualTo(-1);
    }

    @Test
    void keepsStreamOrder_whenLaterChangeCarriesOlderTime() {
        AnalyticsState state = ContractEvents.fold(List.of(
                Event.of(mastery("ada", "c1", "COMPETENT", true, 0.65, T)),
                Event.of(mastery("ada", "c1", "DEVELOPING", false, 0.5, T.minusSeconds(60)))));

        MasteryCell cell = state.learner("ada").cell(state.competencyIndex("c1"));
        assertThat(state.levelCode(cell.level(cell.current()))).isEqualTo("DEVELOPING");
    }

    @Test
    void changesNothing_whenSameEventIdArrivesAgainAtAnotherOffset() {
        Event first = Event.of(team("ada", "team-a"));
        Event second = Event.of(team("ada", "team-b"));
        AnalyticsState state = ContractEvents.fold(List.of(first, second, first));

        assertThat(state.team(state.learner("ada").teamIndex())).isEqualTo("team-b");
        assertThat(state.applied()).isEqualTo(2);
    }

    @Test
    void forgetsLearnerForGood_whenErasedAndEventsAreRedeliveredAfterwards() {
        Event change = Event.of(mastery("ada", "c1", "COMPETENT", true, 0.65, T));
        Event registration = Event.of(registered("ada", "eng"));
        AnalyticsState state = ContractEvents.fold(List.of(registration, change, Event.of(erased("ada")),
                change, registration, Event.of(mastery("ada", "c2", "COMPETENT", true, 0.65, T))));

        assertThat(state.learner("ada")).isNull();
        LearnerRecord tombstone = state.learner(0);
        assertThat(tombstone.erased()).isTrue();
        assertThat(tombstone.cellCount()).isZero();
        assertThat(tombstone.evidence()).isNull();
    }
}
