package dev.competency.community.notification.query;

import dev.competency.community.challenge.domain.ChallengeDecided;
import dev.competency.community.challenge.domain.ChallengeProgressed;
import dev.competency.community.challenge.domain.Progress;
import dev.competency.community.discussion.domain.DiscussionStarted;
import dev.competency.community.discussion.domain.ReplyPosted;
import dev.competency.community.notification.delivery.NotificationDelivery;
import dev.competency.community.readmodel.ReadModels;
import dev.competency.contracts.community.ChallengeEnded.Outcome;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;

/**
 * Notifications from this service's own events: replies to a person's discussion, mentions in new discussions and
 * replies (not in edits), and the progress and end of the challenges a person counts in. Part of the read models'
 * processor, so a rebuild rebuilds them too (keeping what was read).
 */
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class EventStoreNotifier {

    private final NotificationDelivery delivery;
    private final Notifications notifications;

    public EventStoreNotifier(NotificationDelivery delivery, Notifications notifications) {
        this.delivery = delivery;
        this.notifications = notifications;
    }

    @ResetHandler
    void reset() {
        notifications.markStale();
    }

    @EventHandler
    void on(DiscussionStarted event) {
        mentions(event.mentions(), event.authorId(), event.postId(), event.discussionId(),
                "mentioned you in the discussion \"" + event.title() + "\"", event.at());
    }

    @EventHandler
    void on(ReplyPosted event) {
        if (!event.authorId().equals(event.discussionAuthorId())) {
            delivery.deliver(Notifications.Source.EVENT_STORE, "reply:" + event.postId(), event.discussionAuthorId(),
                    NotificationKind.REPLY, event.authorId() + " replied to your discussion",
                    link(event.discussionId()), event.at());
        }
        mentions(event.mentions(), event.authorId(), event.postId(), event.discussionId(),
                "mentioned you in a reply", event.at());
    }

    @EventHandler
    void on(ChallengeProgressed event, EventMessage<?> message) {
        members(event.progress(), message.getIdentifier(), NotificationKind.CHALLENGE_PROGRESSED,
                "Your group's challenge stands at " + event.progress().total() + " of " + event.progress().target(),
                event.challengeId(), event.at());
    }

    @EventHandler
    void on(ChallengeDecided event, EventMessage<?> message) {
        members(event.progress(), message.getIdentifier(), NotificationKind.CHALLENGE_ENDED,
                "Your group's challenge ended: " + (event.outcome() == Outcome.MET ? "met" : "missed") + " with "
                        + event.progress().total() + " of " + event.progress().target(),
                event.challengeId(), event.at());
    }

    private void mentions(List<String> mentions, String authorId, String postId, String discussionId, String what,
                          Instant at) {
        for (String mentioned : mentions) {
            if (!mentioned.equals(authorId)) {
                delivery.deliver(Notifications.Source.EVENT_STORE, "mention:" + postId + ":" + mentioned, mentioned,
                        NotificationKind.MENTION, authorId + " " + what, link(discussionId), at);
            }
        }
    }

    private void members(Progress progress, String eventId, NotificationKind kind, String text, String challengeId,
                         Instant at) {
        for (Progress.Contribution member : progress.contributions()) {
            delivery.deliver(Notifications.Source.EVENT_STORE, kind.name().toLowerCase() + ":" + eventId + ":"
                    + member.learnerId(), member.learnerId(), kind, text, "/api/community/challenges/" + challengeId,
                    at);
        }
    }

    private static String link(String discussionId) {
        return "/api/community/discussions/" + discussionId;
    }
}
