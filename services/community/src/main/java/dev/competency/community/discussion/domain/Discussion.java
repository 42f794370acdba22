package dev.competency.community.discussion.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.competency.platform.service.error.Refusal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One discussion: its opening post and replies, the answer, reports and hidden posts. Who may read or moderate is
 * decided by the access policy before a command is sent; the aggregate keeps the rules that depend on its own state
 * (only a post's author edits it, only the discussion's author or a moderator marks the answer, a hidden post is not
 * edited or chosen as the answer). Repeating a report, a hide or an answer changes nothing.
 */
@Aggregate
public class Discussion {

    @AggregateIdentifier
    private String discussionId;
    private String authorId;
    private String openingPostId;
    private String answerPostId;
    private final Map<String, Post> posts = new HashMap<>();

    private static final class Post {
        private final String authorId;
        private String body;
        private boolean hidden;
        private final Set<String> reporters = new HashSet<>();

        private Post(String authorId, String body) {
            this.authorId = authorId;
            this.body = body;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Post post && authorId.equals(post.authorId) && body.equals(post.body)
                    && hidden == post.hidden && reporters.equals(post.reporters);
        }

        @Override
        public int hashCode() {
            return Objects.hash(authorId, body, hidden, reporters);
        }
    }

    protected Discussion() {
        // for Axon
    }

    @CommandHandler
    Discussion(StartDiscussion command) {
        PostRules.requireTitle(command.title());
        PostRules.requireBody(command.body());
        if (command.organisationUnit() == null) {
            throw Refusal.forbidden("A discussion belongs to an organisation unit");
        }
        apply(new DiscussionStarted(command.discussionId(), command.postId(), command.subject(),
                command.organisationUnit(), command.title().strip(), command.body(), mentions(command.mentions()),
                command.authorId(), command.at()));
    }

    @CommandHandler
    void handle(ReplyToDiscussion command) {
        PostRules.requireBody(command.body());
        if (posts.containsKey(command.postId())) {
            return;
        }
        apply(new ReplyPosted(discussionId, command.postId(), command.body(), mentions(command.mentions()),
                command.authorId(), authorId, command.at()));
    }

    @CommandHandler
    void handle(EditPost command) {
        Post post = post(command.postId());
        if (!post.authorId.equals(command.editorId())) {
            throw Refusal.forbidden("Only a post's author edits it");
        }
        if (post.hidden) {
            throw Refusal.conflict("A hidden post is not edited");
        }
        PostRules.requireBody(command.body());
        if (post.body.equals(command.body())) {
            return;
        }
        apply(new PostEdited(discussionId, command.postId(), command.body(), post.body, mentions(command.mentions()),
                command.editorId(), command.at()));
    }

    @CommandHandler
    void handle(MarkAnswered command) {
        if (!command.moderator() && !authorId.equals(command.callerId())) {
            throw Refusal.forbidden("Only the discussion's author and moderators mark its answer");
        }
        Post post = post(command.postId());
        if (command.postId().equals(openingPostId)) {
            throw Refusal.invalid("postId must be a reply: the opening post does not answer itself");
        }
        if (post.hidden) {
            throw Refusal.conflict("A hidden post is not an answer");
        }
        if (command.postId().equals(answerPostId)) {
            return;
        }
        apply(new DiscussionAnswered(discussionId, command.postId(), command.callerId(), command.at()));
    }

    @CommandHandler
    void handle(ReportPost command) {
        PostRules.requireReason(command.reason(), false);
        Post post = post(command.postId());
        if (post.reporters.contains(command.reporterId())) {
            return;
        }
        apply(new PostReported(discussionId, command.postId(), command.reporterId(),
                command.reason() == null ? null : command.reason().strip(), command.at()));
    }

    @CommandHandler
    void handle(HidePost command) {
        PostRules.requireReason(command.reason(), true);
        Post post = post(command.postId());
        if (post.hidden) {
            return;
        }
        apply(new PostHidden(discussionId, command.postId(), command.moderatorId(), command.reason().strip(),
                command.at()));
    }

    private Post post(String postId) {
        Post post = postId == null ? null : posts.get(postId);
        if (post == null) {
            throw Refusal.notFound("No post " + postId + " in discussion " + discussionId);
        }
        return post;
    }

    private static List<String> mentions(List<String> mentions) {
        return mentions == null ? List.of() : mentions.stream().filter(Objects::nonNull).distinct().toList();
    }

    @EventSourcingHandler
    void on(DiscussionStarted event) {
        discussionId = event.discussionId();
        authorId = event.authorId();
        openingPostId = event.postId();
        posts.put(event.postId(), new Post(event.authorId(), event.body()));
    }

    @EventSourcingHandler
    void on(ReplyPosted event) {
        posts.put(event.postId(), new Post(event.authorId(), event.body()));
    }

    @EventSourcingHandler
    void on(PostEdited event) {
        posts.get(event.postId()).body = event.body();
    }

    @EventSourcingHandler
    void on(DiscussionAnswered event) {
        answerPostId = event.postId();
    }

    @EventSourcingHandler
    void on(PostReported event) {
        posts.get(event.postId()).reporters.add(event.reporterId());
    }

    @EventSourcingHandler
    void on(PostHidden event) {
        Post post = posts.get(event.postId());
        post.hidden = true;
        if (event.postId().equals(answerPostId)) {
            answerPostId = null;
        }
    }
}
