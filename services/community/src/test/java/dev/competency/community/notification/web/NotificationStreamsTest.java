package dev.competency.community.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.competency.community.notification.query.Notification;
import dev.competency.community.notification.query.NotificationKind;
import dev.competency.community.notification.query.NotificationSettings;
import dev.competency.community.notification.query.Notifications;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

class NotificationStreamsTest {

    private static final Instant OPENED = Instant.parse("2026-03-02T09:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(OPENED);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final Notifications notifications = mock(Notifications.class);
    private final NotificationSettings settings = mock(NotificationSettings.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final NotificationStreams streams = new NotificationStreams(notifications, settings, clock, meters,
            Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofHours(1));

    @AfterEach
    void stop() {
        streams.destroy();
    }

    @Test
    @SuppressWarnings("unchecked")
    void looksOnlyAFewSecondsBack_whenStreamsHaveBeenOpenForLong() {
        when(notifications.storedSince(anyCollection(), any())).thenReturn(List.of());
        streams.open("learner-1");
        await().untilAsserted(() -> verify(notifications, atLeastOnce()).storedSince(anyCollection(), any()));

        now.set(OPENED.plus(Duration.ofMinutes(20)));
        clearInvocations(notifications);
        await().untilAsserted(() -> verify(notifications, atLeast(3)).storedSince(anyCollection(), any()));

        ArgumentCaptor<Instant> from = ArgumentCaptor.forClass(Instant.class);
        verify(notifications, atLeastOnce()).storedSince(any(Collection.class), from.capture());
        assertThat(from.getAllValues().get(from.getAllValues().size() - 1)).isAfterOrEqualTo(now.get().minusSeconds(5));
    }

    @Test
    void readsTheMutedKindsOncePerLook_whenNotificationsComeBackWithinTheOverlap() {
        Notification first = new Notification("n-1", "learner-1", NotificationKind.LEVEL_CHANGED, "text", "/link",
                OPENED, false);
        Notification second = new Notification("n-2", "learner-1", NotificationKind.LEVEL_CHANGED, "text", "/link",
                OPENED, false);
        when(settings.muted("learner-1")).thenReturn(Set.of());
        when(notifications.storedSince(anyCollection(), any())).thenReturn(List.of(first, second));
        streams.open("learner-1");

        await().untilAsserted(() -> verify(notifications, atLeast(3)).storedSince(anyCollection(), any()));

        // Both are new at the first look (one read of the settings); afterwards both were sent already.
        verify(settings, times(1)).muted("learner-1");
    }

    @Test
    void stopsCountingAStream_whenAWriteToItFails() {
        when(notifications.storedSince(anyCollection(), any())).thenReturn(List.of());
        SseEmitter emitter = streams.open("learner-1");
        assertThat(meters.get("community.notification.streams.open").gauge().value()).isEqualTo(1.0);

        // Completed without a container to call back: every later write fails, as on a connection closed under it.
        emitter.complete();

        await().untilAsserted(() -> assertThat(meters.get("community.notification.streams.open").gauge().value())
                .isZero());
    }
}
