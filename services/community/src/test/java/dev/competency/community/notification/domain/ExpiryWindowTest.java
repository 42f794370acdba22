package dev.competency.community.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ExpiryWindowTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    private static final ExpiryWindow FORTNIGHT = new ExpiryWindow(Duration.ofDays(14));

    private static MasteryExpiry expiringIn(Duration ahead, Duration grantedAgo) {
        Instant now = CLOCK.instant();
        return new MasteryExpiry("learner-1", "comp-1", now.plus(ahead), now.minus(grantedAgo));
    }

    @Test
    void warns_whenExpiryIsWithinWindow() {
        assertThat(FORTNIGHT.warns(expiringIn(Duration.ofDays(3), Duration.ofDays(300)), CLOCK.instant())).isTrue();
    }

    @Test
    void warns_whenExpiryIsExactlyAtTheWindowsFarEnd() {
        assertThat(FORTNIGHT.warns(expiringIn(Duration.ofDays(14), Duration.ofDays(1)), CLOCK.instant())).isTrue();
    }

    @Test
    void doesNotWarn_whenExpiryIsBeyondWindow() {
        assertThat(FORTNIGHT.warns(expiringIn(Duration.ofDays(14).plusSeconds(1), Duration.ofDays(1)),
                CLOCK.instant())).isFalse();
    }

    @Test
    void doesNotWarn_whenMasteryLapsedAlready() {
        MasteryExpiry lapsed = expiringIn(Duration.ofDays(-1), Duration.ofDays(300));

        assertThat(FORTNIGHT.warns(lapsed, CLOCK.instant())).isFalse();
        assertThat(FORTNIGHT.warns(expiringIn(Duration.ZERO, Duration.ofDays(300)), CLOCK.instant())).isFalse();
    }

    @Test
    void warnsLater_whenClockReachesTheWindow() {
        MasteryExpiry expiry = expiringIn(Duration.ofDays(20), Duration.ofDays(1));
        Clock sixDaysOn = Clock.offset(CLOCK, Duration.ofDays(6));
        Clock fiveDaysOn = Clock.offset(CLOCK, Duration.ofDays(5));

        assertThat(FORTNIGHT.warns(expiry, fiveDaysOn.instant())).isFalse();
        assertThat(FORTNIGHT.warns(expiry, sixDaysOn.instant())).isTrue();
        assertThat(FORTNIGHT.horizon(sixDaysOn.instant())).isEqualTo(expiry.expiresAt());
    }

    @Test
    void datesWarningAtWindowOpeningOrAtGrant_whenMasteryWasGrantedInsideWindow() {
        MasteryExpiry longHeld = expiringIn(Duration.ofDays(3), Duration.ofDays(300));
        MasteryExpiry justGranted = expiringIn(Duration.ofDays(3), Duration.ofHours(1));

        assertThat(FORTNIGHT.warnedAt(longHeld)).isEqualTo(longHeld.expiresAt().minus(Duration.ofDays(14)));
        assertThat(FORTNIGHT.warnedAt(justGranted)).isEqualTo(justGranted.changedAt());
    }

    @Test
    void givesNewWarningIdOnlyToNewExpiry_whenMasteryIsRenewedOrSeenAgain() {
        MasteryExpiry expiry = expiringIn(Duration.ofDays(3), Duration.ofDays(300));
        MasteryExpiry sameAgain = new MasteryExpiry("learner-1", "comp-1", expiry.expiresAt(), CLOCK.instant());
        MasteryExpiry renewed = new MasteryExpiry("learner-1", "comp-1", expiry.expiresAt().plus(Duration.ofDays(365)),
                CLOCK.instant());

        assertThat(sameAgain.warningId()).isEqualTo(expiry.warningId());
        assertThat(renewed.warningId()).isNotEqualTo(expiry.warningId());
        assertThat(new MasteryExpiry("learner-1/comp", "1", expiry.expiresAt(), CLOCK.instant()).warningId())
                .isNotEqualTo(new MasteryExpiry("learner-1", "comp/1", expiry.expiresAt(), CLOCK.instant()).warningId());
    }

    @Test
    void refusesWindow_whenNotPositive() {
        assertThatThrownBy(() -> new ExpiryWindow(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
