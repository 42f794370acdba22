package dev.competency.community.notification.web;

import dev.competency.community.notification.query.Notification;
import dev.competency.community.notification.query.NotificationKind;
import dev.competency.community.notification.query.NotificationSettings;
import dev.competency.community.notification.query.Notifications;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open Server-Sent Events streams of this instance. A notification may be stored by any instance (whichever reads
 * its stream or event), so each instance looks in the store for new notifications of its connected people every
 * {@code community.notifications.poll} and sends each once per stream ({@code event: notification}, {@code id} the
 * notification id), leaving out muted kinds. A comment line every {@code community.notifications.heartbeat} keeps
 * proxies from closing an idle stream.
 */
@Component
class NotificationStreams implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NotificationStreams.class);
    /** Notifications stored this long before a look are looked for again: stores of other instances land late. */
    private static final Duration OVERLAP = Duration.ofSeconds(5);

    private final Notifications notifications;
    private final NotificationSettings settings;
    private final Clock clock;
    private final Duration timeout;
    private final Map<String, List<Connection>> connections = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "notification-streams");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * One open stream. {@code lookedUntil} is the start of the last look that included it (at first, when it opened):
     * the next look goes back {@link #OVERLAP} before the oldest of these, not to when the stream opened, so what
     * each look reads stays a few seconds' worth however long the streams stay open. {@code sent} keeps the ids sent
     * with the look that sent them, and forgets those no look can bring back.
     */
    private static final class Connection {
        private final String personId;
        private final SseEmitter emitter;
        private volatile Instant lookedUntil;
        private final Map<String, Instant> sent = new HashMap<>();

        private Connection(String personId, SseEmitter emitter, Instant since) {
            this.personId = personId;
            this.emitter = emitter;
            this.lookedUntil = since;
        }
    }

    NotificationStreams(Notifications notifications, NotificationSettings settings, Clock clock, MeterRegistry meters,
                        @Value("${community.notifications.poll:PT1S}") Duration poll,
                        @Value("${community.notifications.heartbeat:PT15S}") Duration heartbeat,
                        @Value("${community.notifications.stream-timeout:PT30M}") Duration timeout) {
        this.notifications = notifications;
        this.settings = settings;
        this.clock = clock;
        this.timeout = timeout;
        Gauge.builder("community.notification.streams.open", connections,
                        open -> open.values().stream().mapToInt(List::size).sum())
                .description("Notification streams open on this instance").register(meters);
        scheduler.scheduleWithFixedDelay(this::sendNew, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** A new stream for the person: notifications stored from now on. */
    SseEmitter open(String personId) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        Connection connection = new Connection(personId, emitter, clock.instant());
        connections.computeIfAbsent(personId, id -> new CopyOnWriteArrayList<>()).add(connection);
        Runnable close = () -> remove(personId, connection);
        emitter.onCompletion(close);
        emitter.onTimeout(close);
        emitter.onError(error -> close.run());
        try {
            emitter.send(SseEmitter.event().comment("connected"));
        } catch (IOException e) {
            remove(personId, connection);
        }
        return emitter;
    }

    private void remove(String personId, Connection connection) {
        connections.computeIfPresent(personId, (id, list) -> {
            list.remove(connection);
            return list.isEmpty() ? null : list;
        });
    }

    private void sendNew() {
        try {
            if (connections.isEmpty()) {
                return;
            }
            Instant now = clock.instant();
            Map<String, List<Connection>> looked = new HashMap<>();
            connections.forEach((personId, list) -> looked.put(personId, List.copyOf(list)));
            Instant from = looked.values().stream().flatMap(List::stream).map(c -> c.lookedUntil)
                    .min(Instant::compareTo).orElse(now).minus(OVERLAP);
            Map<String, Set<NotificationKind>> muted = new HashMap<>();
            for (Notification notification : notifications.storedSince(looked.keySet(), from)) {
                for (Connection connection : looked.getOrDefault(notification.recipientId(), List.of())) {
                    if (notification.at() == null || connection.sent.containsKey(notification.notificationId())
                            || muted.computeIfAbsent(notification.recipientId(), settings::muted)
                                    .contains(notification.kind())) {
                        continue;
                    }
                    connection.sent.put(notification.notificationId(), now);
                    send(connection, SseEmitter.event().name("notification").id(notification.notificationId())
                            .data(notification, MediaType.APPLICATION_JSON));
                }
            }
            looked.values().forEach(list -> list.forEach(connection -> {
                connection.lookedUntil = now;
                connection.sent.values().removeIf(sentAt -> sentAt.isBefore(from));
            }));
        } catch (RuntimeException e) {
            log.warn("Looking for new notifications failed; trying again at the next look", e);
        }
    }

    private void send(Connection connection, SseEmitter.SseEventBuilder event) {
        try {
            connection.emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            closeBroken(connection, e);
        }
    }

    private void heartbeat() {
        connections.values().forEach(list -> list.forEach(connection ->
                send(connection, SseEmitter.event().comment("heartbeat"))));
    }

    /**
     * A stream whose write failed (the browser or a proxy went away) is dropped here at once: the emitter's own
     * completion callbacks come from the container's dispatch, which a connection closed under a write does not always
     * get, and a stream left in the map would be written to, looked for and counted as open until its timeout.
     */
    private void closeBroken(Connection connection, Exception cause) {
        remove(connection.personId, connection);
        connection.emitter.completeWithError(cause);
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
        connections.values().forEach(list -> list.forEach(connection -> connection.emitter.complete()));
        connections.clear();
    }
}
