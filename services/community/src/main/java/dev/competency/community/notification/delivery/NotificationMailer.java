package dev.competency.community.notification.delivery;

import dev.competency.community.notification.query.Notification;

/**
 * Sends a notification to its person by e-mail. The service has no implementation: a deployment that wants e-mail
 * provides a bean of this type (its own module, with the mail server's settings and the people's addresses, which this
 * service does not hold). It is called once per new notification whose kind the person has not muted, on the instance
 * that stored it; a failure is logged and the notification stays in the feed.
 */
public interface NotificationMailer {

    void deliver(Notification notification);
}
