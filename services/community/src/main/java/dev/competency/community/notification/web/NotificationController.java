package dev.competency.community.notification.web;

import dev.competency.community.notification.query.Notification;
import dev.competency.community.notification.query.NotificationKind;
import dev.competency.community.notification.query.NotificationSettings;
import dev.competency.community.notification.query.Notifications;
import dev.competency.platform.service.security.Caller;
import dev.competency.platform.service.web.ResourceNotFound;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The caller's own notifications: the feed, marking read, the live stream and which kinds are muted. */
@RestController
class NotificationController {

    private final Notifications notifications;
    private final NotificationSettings settings;
    private final NotificationStreams streams;

    NotificationController(Notifications notifications, NotificationSettings settings, NotificationStreams streams) {
        this.notifications = notifications;
        this.settings = settings;
        this.streams = streams;
    }

    record Feed(List<Notification> items, long unreadCount, int page, int size) {
    }

    record Settings(@NotNull @Size(max = 20) Set<@NotNull NotificationKind> muted) {
    }

    @GetMapping("/api/community/notifications")
    Feed feed(@RequestParam(defaultValue = "false") boolean unreadOnly,
              @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
              @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
        Set<NotificationKind> muted = settings.muted(caller.subject());
        return new Feed(notifications.feed(caller.subject(), muted, unreadOnly, page, size),
                notifications.unread(caller.subject(), muted), page, size);
    }

    @PostMapping("/api/community/notifications/{notificationId}/read")
    ResponseEntity<Void> read(@PathVariable @Size(max = 400) String notificationId, Caller caller) {
        if (!notifications.markRead(caller.subject(), notificationId)) {
            throw new ResourceNotFound("No notification " + notificationId);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/community/notifications/read-all")
    ResponseEntity<Void> readAll(Caller caller) {
        notifications.markAllRead(caller.subject());
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/api/community/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(Caller caller) {
        return streams.open(caller.subject());
    }

    @GetMapping("/api/community/notifications/settings")
    Settings settings(Caller caller) {
        return new Settings(settings.muted(caller.subject()));
    }

    @PutMapping("/api/community/notifications/settings")
    Settings mute(@Valid @RequestBody Settings request, Caller caller) {
        Set<NotificationKind> muted = request.muted().isEmpty() ? EnumSet.noneOf(NotificationKind.class)
                : EnumSet.copyOf(request.muted());
        settings.mute(caller.subject(), muted);
        return new Settings(muted);
    }
}
