package dev.competency.community.notification.delivery;

import dev.competency.community.notification.domain.ExpiryWindow;
import dev.competency.community.notification.domain.MasteryExpiry;
import dev.competency.community.notification.query.MasteryExpiries;
import dev.competency.community.notification.query.NotificationKind;
import dev.competency.community.notification.query.Notifications;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Warns learners of a mastery that lapses soon: when its change arrives already within the window, and by a sweep
 * every {@code community.notifications.expiry-sweep} for expiries that entered the window since, with no event. The
 * warning's id comes from the expiry, so several instances sweeping and a replay of the stream keep one warning.
 */
public class ExpiryWarnings {

    private final Clock clock;
    private final ExpiryWindow window;
    private final MasteryExpiries expiries;
    private final NotificationDelivery delivery;

    public ExpiryWarnings(Clock clock, ExpiryWindow window, MasteryExpiries expiries, NotificationDelivery delivery) {
        this.clock = clock;
        this.window = window;
        this.expiries = expiries;
        this.delivery = delivery;
    }

    /** Warns of the expiry now if it is within the window. */
    public void warnIfDue(MasteryExpiry expiry) {
        if (window.warns(expiry, clock.instant())) {
            warn(expiry);
        }
    }

    @Scheduled(fixedDelayString = "${community.notifications.expiry-sweep:PT1H}",
            initialDelayString = "${community.notifications.expiry-sweep:PT1H}")
    public void sweep() {
        Instant now = clock.instant();
        expiries.between(now, window.horizon(now)).forEach(this::warn);
    }

    private void warn(MasteryExpiry expiry) {
        delivery.deliver(Notifications.Source.STREAM, expiry.warningId(), expiry.learnerId(),
                NotificationKind.MASTERY_EXPIRING, "Your mastery of a competency expires on "
                        + expiry.expiresAt().atZone(ZoneOffset.UTC).toLocalDate() + " (UTC) unless renewed",
                "/api/learners/" + expiry.learnerId() + "/mastery/" + expiry.competencyId(), window.warnedAt(expiry));
    }
}
