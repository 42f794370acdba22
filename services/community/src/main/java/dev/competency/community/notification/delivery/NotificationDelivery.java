package dev.competency.community.notification.delivery;

import dev.competency.community.notification.query.Notification;
import dev.competency.community.notification.query.NotificationKind;
import dev.competency.community.notification.query.NotificationSettings;
import dev.competency.community.notification.query.Notifications;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stores a notification and, when it is new and not muted, hands it to the e-mail port if there is one. */
public class NotificationDelivery {

    private static final Logger log = LoggerFactory.getLogger(NotificationDelivery.class);

    private final Notifications notifications;
    private final NotificationSettings settings;
    private final Optional<NotificationMailer> mailer;

    public NotificationDelivery(Notifications notifications, NotificationSettings settings,
                                Optional<NotificationMailer> mailer) {
        this.notifications = notifications;
        this.settings = settings;
        this.mailer = mailer;
    }

    public void deliver(Notifications.Source source, String notificationId, String recipientId,
                        NotificationKind kind, String text, String link, Instant at) {
        boolean fresh = notifications.store(source, notificationId, recipientId, kind, text, link, at);
        if (fresh && mailer.isPresent() && !settings.muted(recipientId).contains(kind)) {
            try {
                mailer.get().deliver(new Notification(notificationId, recipientId, kind, text, link, at, false));
            } catch (RuntimeException e) {
                log.warn("E-mail for notification {} was not sent; it stays in the feed", notificationId, e);
            }
        }
    }
}
