package dev.competency.analytics.state;

import static dev.competency.analytics.state.ContractEvents.Event;
import static dev.competency.analytics.state.ContractEvents.erased;
import static dev.competency.analytics.state.ContractEvents.evidence;
import static dev.competency.analytics.state.ContractEvents.mastery;
import static dev.competency.analytics.state.ContractEvents.registered;
import static dev.competency.analytics.state.ContractEvents.team;
import static dev.competency.analytics.state.ContractEvents.voided;
import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.analytics.evidence.query.EvidenceFlow;
import dev.competency.contracts.evidence.SourceType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    @Test
    void voidsEvidence_whenItsVoidWasReadBeforeIt() {
        Event voidFirst = Event.of(voided("ev-1", "ada", "c1", T.plusSeconds(5)));
        Event recorded = Event.of(evidence("ev-1", "ada", "c1", SourceType.ASSESSMENT, T));
        AnalyticsState state = ContractEvents.fold(List.of(voidFirst,
                Event.of(evidence("ev-2", "ada", "c1", SourceType.ASSESSMENT, T)), recorded, voidFirst, recorded));

        EvidenceLog log = state.learner("ada").evidence();
        assertThat(log.size()).isEqualTo(2);
        assertThat(log.voidedAt(0)).isEqualTo(EvidenceLog.NOT_VOIDED);
        assertThat(log.voidedAt(1)).isEqualTo(T.plusSeconds(5).toEpochMilli());
        assertThat(log.pendingVoids()).isZero();
        assertThat(EvidenceFlow.bySource(state)).isEqualTo(Map.of(SourceType.ASSESSMENT, 1L));
    }

    @Test
    void forgetsTheOldestVoidOfUnseenEvidence_whenMoreThanTheBoundAreWaiting() {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i <= EvidenceLog.PENDING_VOIDS_LIMIT; i++) {
            events.add(Event.of(voided("ev-" + i, "ada", "c1", T)));
        }
        events.add(Event.of(evidence("ev-0", "ada", "c1", SourceType.ASSESSMENT, T)));
        events.add(Event.of(evidence("ev-1", "ada", "c1", SourceType.ASSESSMENT, T)));
        AnalyticsState state = ContractEvents.fold(events);

        EvidenceLog log = state.learner("ada").evidence();
        assertThat(log.voided(0)).as("the oldest void, forgotten beyond the bound").isFalse();
        assertThat(log.voided(1)).isTrue();
        assertThat(log.pendingVoids()).isEqualTo(EvidenceLog.PENDING_VOIDS_LIMIT - 1);
    }

    @Test
    void forgetsVoidsOfUnseenEvidence_whenTheLearnerIsErased() {
        AnalyticsState state = ContractEvents.fold(List.of(Event.of(voided("ev-1", "ada", "c1", T)),
                Event.of(erased("ada")), Event.of(evidence("ev-1", "ada", "c1", SourceType.ASSESSMENT, T))));

        assertThat(state.learner("ada")).isNull();
        assertThat(state.learner(0).evidence()).isNull();
    }
}
