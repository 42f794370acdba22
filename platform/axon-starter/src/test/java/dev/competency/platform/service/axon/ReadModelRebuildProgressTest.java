package dev.competency.platform.service.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

class ReadModelRebuildProgressTest {

    private static final long BEFORE_FIRST = 99L;
    private static final long HEAD = 499L;

    @Test
    void reportsTheShareOfTheStoresEventsRead_whenPartwayThrough() {
        assertThat(ReadModelRebuild.percentDone(false, BEFORE_FIRST, 199L, HEAD)).isEqualTo(25.0);
        assertThat(ReadModelRebuild.percentDone(false, BEFORE_FIRST, BEFORE_FIRST, HEAD)).isZero();
    }

    @Test
    void reportsZero_whenNothingIsReadYet() {
        assertThat(ReadModelRebuild.percentDone(false, BEFORE_FIRST, null, HEAD)).isZero();
    }

    @Test
    void reportsAHundred_whenCaughtUpWhateverThePositions() {
        assertThat(ReadModelRebuild.percentDone(true, BEFORE_FIRST, BEFORE_FIRST, HEAD)).isEqualTo(100.0);
        assertThat(ReadModelRebuild.percentDone(true, null, null, null)).isEqualTo(100.0);
    }

    @Test
    void reportsZero_whenStoreIsEmptyAndNotCaughtUp() {
        assertThat(ReadModelRebuild.percentDone(false, null, null, null)).isZero();
    }

    @Test
    void staysWithinZeroAndAHundred_whenTokenIsOutsideTheRebuildsRange() {
        // Events written during the rebuild move the head; a token past the head read at the start stays at 100.
        assertThat(ReadModelRebuild.percentDone(false, BEFORE_FIRST, HEAD + 60, HEAD)).isEqualTo(100.0);
        assertThat(ReadModelRebuild.percentDone(false, BEFORE_FIRST, BEFORE_FIRST - 60, HEAD)).isZero();
    }

    @Test
    void reportsZeroOrAHundred_whenStoreHasNoEventsAfterTheTail() {
        assertThat(ReadModelRebuild.percentDone(false, HEAD, BEFORE_FIRST, HEAD)).isZero();
        assertThat(ReadModelRebuild.percentDone(false, HEAD, HEAD, HEAD)).isEqualTo(100.0);
    }

    @Test
    void readsUpToTheSlowestSegment_whenOneIsReplaying() {
        TrackingToken replaying = ReplayToken.createReplayToken(token(HEAD), token(150L));
        assertThat(ReadModelRebuild.readUpTo(List.of(token(HEAD), token(200L)))).isEqualTo(200L);
        assertThat(ReadModelRebuild.readUpTo(List.of(token(HEAD), replaying))).isEqualTo(150L);
    }

    @Test
    void leavesPositionUnknown_whenASegmentHasNoToken() {
        // A status holding a segment that has not read anything yet must still be answered.
        assertThat(ReadModelRebuild.readUpTo(Arrays.asList(token(HEAD), null))).isNull();
        assertThat(ReadModelRebuild.readUpTo(Collections.singletonList(null))).isNull();
        assertThat(ReadModelRebuild.readUpTo(List.of())).isNull();
    }

    @Test
    void leavesPositionUnknown_whenASegmentReplaysFromTheVeryStart() {
        TrackingToken fromTheStart = ReplayToken.createReplayToken(token(HEAD), null);
        assertThat(ReadModelRebuild.positionOf(fromTheStart)).isNull();
        assertThat(ReadModelRebuild.readUpTo(List.of(token(HEAD), fromTheStart))).isNull();
    }

    @Test
    void countsASegmentCaughtUp_onlyWhenItHasReadToTheHeadWithNoGapBelowIt() {
        assertThat(ReadYourWrites.handled(token(HEAD), -1, HEAD)).isTrue();
        assertThat(ReadYourWrites.handled(token(HEAD + 3), -1, HEAD)).isTrue();
        assertThat(ReadYourWrites.handled(token(HEAD - 1), -1, HEAD)).isFalse();
        assertThat(ReadYourWrites.handled(GapAwareTrackingToken.newInstance(HEAD, List.of(HEAD - 5)), -1, HEAD))
                .isFalse();
        assertThat(ReadYourWrites.handled(null, -1, HEAD)).as("no token stored yet").isFalse();
    }

    @Test
    void findsTheFirstEventASegmentHasNotRead_pastItsPositionOrInAGapAfterTheWrite() {
        assertThat(ReadYourWrites.firstUnread(token(HEAD - 3), -1, HEAD)).isEqualTo(HEAD - 2);
        assertThat(ReadYourWrites.firstUnread(GapAwareTrackingToken.newInstance(HEAD, List.of(HEAD - 5)), -1, HEAD))
                .isEqualTo(HEAD - 5);
        assertThat(ReadYourWrites.firstUnread(GapAwareTrackingToken.newInstance(HEAD, List.of(HEAD - 5)), HEAD - 2,
                HEAD)).as("a gap before the write is another append's").isEqualTo(HEAD + 1);
        assertThat(ReadYourWrites.firstUnread(null, -1, HEAD)).isZero();
    }

    private static TrackingToken token(long position) {
        return GapAwareTrackingToken.newInstance(position, List.of());
    }
}
