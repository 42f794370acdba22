package dev.competency.platform.service.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.junit.jupiter.api.Test;

class ReadModelRebuildProgressTest {

    private static final Instant FIRST = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant HEAD = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void progressIsTheShareOfTheStoresTimeSpanRead() {
        assertThat(ReadModelRebuild.percentDone(false, FIRST, FIRST.plusSeconds(9_000), HEAD)).isEqualTo(25.0);
        assertThat(ReadModelRebuild.percentDone(false, FIRST, FIRST, HEAD)).isZero();
    }

    @Test
    void nothingReadYetIsZero() {
        assertThat(ReadModelRebuild.percentDone(false, FIRST, null, HEAD)).isZero();
    }

    @Test
    void caughtUpIsAHundredWhateverTheTimes() {
        assertThat(ReadModelRebuild.percentDone(true, FIRST, FIRST, HEAD)).isEqualTo(100.0);
        assertThat(ReadModelRebuild.percentDone(true, null, null, null)).isEqualTo(100.0);
    }

    @Test
    void emptyStoreNotCaughtUpIsZero() {
        assertThat(ReadModelRebuild.percentDone(false, null, null, null)).isZero();
    }

    @Test
    void staysWithinZeroAndAHundred() {
        // Events written during the rebuild move the head; a token past the head read at the start stays at 100.
        assertThat(ReadModelRebuild.percentDone(false, FIRST, HEAD.plusSeconds(60), HEAD)).isEqualTo(100.0);
        assertThat(ReadModelRebuild.percentDone(false, FIRST, FIRST.minusSeconds(60), HEAD)).isZero();
    }

    @Test
    void allEventsAtOneInstant() {
        assertThat(ReadModelRebuild.percentDone(false, HEAD, FIRST, HEAD)).isZero();
        assertThat(ReadModelRebuild.percentDone(false, HEAD, HEAD, HEAD)).isEqualTo(100.0);
    }

    @Test
    void readsUpToTheSlowestSegment() {
        assertThat(ReadModelRebuild.readUpTo(List.of(token(HEAD), token(FIRST)))).isEqualTo(FIRST);
    }

    @Test
    void segmentWithoutATokenLeavesTheTimeUnknown() {
        // A status holding a segment that has not read anything yet must still be answered.
        assertThat(ReadModelRebuild.readUpTo(Arrays.asList(token(HEAD), null))).isNull();
        assertThat(ReadModelRebuild.readUpTo(Collections.singletonList(null))).isNull();
        assertThat(ReadModelRebuild.readUpTo(List.of())).isNull();
    }

    private static TrackingToken token(Instant at) {
        return MongoTrackingToken.of(at, Map.of());
    }
}
