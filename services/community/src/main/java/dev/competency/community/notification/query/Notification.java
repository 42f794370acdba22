package dev.competency.community.notification.query;

import java.time.Instant;

/**
 * One thing a person is told.
 *
 * @param link the portal-relative place it is about, e.g. {@code /api/community/discussions/{id}}
 * @param at   when what it tells happened
 */
public record Notification(String notificationId, String recipientId, NotificationKind kind, String text,
                           String link, Instant at, boolean read) {
}
