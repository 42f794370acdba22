package dev.competency.community.discussion.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.competency.community.discussion.domain.DiscussionAnswered;
import dev.competency.community.discussion.domain.DiscussionStarted;
import dev.competency.community.discussion.domain.PostEdited;
import dev.competency.community.discussion.domain.PostHidden;
import dev.competency.community.discussion.domain.PostReported;
import dev.competency.community.discussion.domain.ReplyPosted;
import dev.competency.community.discussion.domain.Subject;
import dev.competency.community.discussion.domain.SubjectKind;
import dev.competency.community.readmodel.ReadModels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Discussions and their posts as readers see them: the posts' HTML rendered when the event is handled, each post's
 * earlier texts, reports and the reason a post was hidden. Built by the read models' processor and rebuilt by replay
 * (so a new renderer re-renders every post); every write is keyed by the discussion or post id and either sets values
 * or adds to a set, and counts are counted, so applying an event twice changes nothing.
 */
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class Discussions {

    static final String DISCUSSIONS = "discussions";
    static final String POSTS = "discussion_posts";

    private final MongoCollection<Document> discussions;
    private final MongoCollection<Document> posts;
    private final MarkdownRenderer renderer;

    public Discussions(MongoDatabase database, MarkdownRenderer renderer) {
        this.discussions = database.getCollection(DISCUSSIONS);
        this.posts = database.getCollection(POSTS);
        this.renderer = renderer;
        createIndexes();
    }

    private void createIndexes() {
        discussions.createIndex(Indexes.compoundIndex(Indexes.ascending("organisationUnit", "subjectKind",
                "subjectId"), Indexes.descending("lastActivityAt")), new IndexOptions().name("by_subject_newest"));
        discussions.createIndex(Indexes.compoundIndex(Indexes.ascending("organisationUnit"),
                Indexes.descending("lastActivityAt")), new IndexOptions().name("by_unit_newest"));
        posts.createIndex(Indexes.compoundIndex(Indexes.ascending("discussionId"), Indexes.ascending("createdAt")),
                new IndexOptions().name("by_discussion"));
    }

    @ResetHandler
    void reset() {
        discussions.drop();
        posts.drop();
        createIndexes();
    }

    /** A discussion in a list. */
    public record Summary(String discussionId, Subject subject, String title, String authorId, Instant createdAt,
                          Instant lastActivityAt, int replyCount, boolean answered) {
    }

    /** An earlier text of a post, replaced at {@code replacedAt}. */
    public record Revision(String markdown, String editorId, Instant replacedAt) {
    }

    /** A post as stored; {@link PostView} is what a reader gets. */
    public record Post(String postId, String discussionId, String authorId, String markdown, String html,
                       List<String> mentions, Instant createdAt, Instant editedAt, List<Revision> history,
                       boolean hidden, String hiddenReason, String hiddenBy, List<Report> reports) {
    }

    public record Report(String reporterId, String reason, Instant at) {
    }

    /** A discussion with its posts in the order they were written. */
    public record Thread(String discussionId, String organisationUnit, Subject subject, String title,
                         String authorId, Instant createdAt, Instant lastActivityAt, String answerPostId,
                         List<Post> posts) {
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    @EventHandler
    void on(DiscussionStarted event) {
        discussions.updateOne(Filters.eq("_id", event.discussionId()), Updates.combine(
                Updates.set("organisationUnit", event.organisationUnit()),
                Updates.set("subjectKind", event.subject().kind().name()),
                Updates.set("subjectId", event.subject().id()),
                Updates.set("title", event.title()),
                Updates.set("authorId", event.authorId()),
                Updates.set("createdAt", Date.from(event.at())),
                Updates.max("lastActivityAt", Date.from(event.at())),
                Updates.setOnInsert("replyCount", 0)), new UpdateOptions().upsert(true));
        writePost(event.discussionId(), event.postId(), event.authorId(), event.body(), event.mentions(), event.at());
        refreshSearchText(event.discussionId());
    }

    @EventHandler
    void on(ReplyPosted event) {
        writePost(event.discussionId(), event.postId(), event.authorId(), event.body(), event.mentions(), event.at());
        long replies = posts.countDocuments(Filters.eq("discussionId", event.discussionId())) - 1;
        discussions.updateOne(Filters.eq("_id", event.discussionId()), Updates.combine(
                Updates.max("lastActivityAt", Date.from(event.at())),
                Updates.set("replyCount", (int) Math.max(0, replies))));
        refreshSearchText(event.discussionId());
    }

    @EventHandler
    void on(PostEdited event) {
        Document revision = new Document("markdown", event.previousBody())
                .append("editorId", event.editorId()).append("replacedAt", Date.from(event.at()));
        posts.updateOne(Filters.eq("_id", event.postId()), Updates.combine(
                Updates.set("markdown", event.body()),
                Updates.set("html", renderer.render(event.body())),
                Updates.set("mentions", event.mentions()),
                Updates.set("editedAt", Date.from(event.at())),
                Updates.addToSet("history", revision)));
        discussions.updateOne(Filters.eq("_id", event.discussionId()),
                Updates.max("lastActivityAt", Date.from(event.at())));
        refreshSearchText(event.discussionId());
    }

    @EventHandler
    void on(DiscussionAnswered event) {
        discussions.updateOne(Filters.eq("_id", event.discussionId()), Updates.set("answerPostId", event.postId()));
    }

    @EventHandler
    void on(PostReported event) {
        posts.updateOne(Filters.eq("_id", event.postId()), Updates.addToSet("reports",
                new Document("reporterId", event.reporterId()).append("reason", event.reason())
                        .append("at", Date.from(event.at()))));
    }

    @EventHandler
    void on(PostHidden event) {
        posts.updateOne(Filters.eq("_id", event.postId()), Updates.combine(
                Updates.set("hidden", true),
                Updates.set("hiddenReason", event.reason()),
                Updates.set("hiddenBy", event.moderatorId())));
        discussions.updateOne(Filters.and(Filters.eq("_id", event.discussionId()),
                Filters.eq("answerPostId", event.postId())), Updates.unset("answerPostId"));
        refreshSearchText(event.discussionId());
    }

    private void writePost(String discussionId, String postId, String authorId, String markdown,
                           List<String> mentions, Instant at) {
        posts.updateOne(Filters.eq("_id", postId), Updates.combine(
                Updates.set("discussionId", discussionId),
                Updates.set("authorId", authorId),
                Updates.set("markdown", markdown),
                Updates.set("html", renderer.render(markdown)),
                Updates.set("mentions", mentions),
                Updates.set("createdAt", Date.from(at)),
                Updates.setOnInsert("hidden", false)), new UpdateOptions().upsert(true));
    }

    /** The text a search looks in: the title and every visible post, in lower case. */
    private void refreshSearchText(String discussionId) {
        Document discussion = discussions.find(Filters.eq("_id", discussionId)).first();
        if (discussion == null) {
            return;
        }
        StringBuilder text = new StringBuilder(discussion.getString("title"));
        posts.find(Filters.and(Filters.eq("discussionId", discussionId), Filters.ne("hidden", true)))
                .forEach(post -> text.append('\n').append(post.getString("markdown")));
        discussions.updateOne(Filters.eq("_id", discussionId),
                Updates.set("searchText", text.toString().toLowerCase(Locale.ROOT)));
    }

    public Optional<Thread> find(String discussionId) {
        Document discussion = discussions.find(Filters.eq("_id", discussionId)).first();
        if (discussion == null) {
            return Optional.empty();
        }
        List<Post> thread = new ArrayList<>();
        posts.find(Filters.eq("discussionId", discussionId)).sort(Sorts.ascending("createdAt", "_id"))
                .forEach(post -> thread.add(post(post)));
        return Optional.of(new Thread(discussionId, discussion.getString("organisationUnit"), subject(discussion),
                discussion.getString("title"), discussion.getString("authorId"), instant(discussion, "createdAt"),
                instant(discussion, "lastActivityAt"), discussion.getString("answerPostId"), thread));
    }

    /**
     * Discussions of the given units (all units when {@code units} is null), newest activity first.
     *
     * @param subject the competency or assessment, or null for all
     * @param text    words the title or a visible post contains, ignoring case, or null
     */
    public Page<Summary> list(List<String> units, Subject subject, String text, int page, int size) {
        List<Bson> filters = new ArrayList<>();
        if (units != null) {
            filters.add(Filters.in("organisationUnit", units));
        }
        if (subject != null) {
            filters.add(Filters.eq("subjectKind", subject.kind().name()));
            filters.add(Filters.eq("subjectId", subject.id()));
        }
        if (text != null && !text.isBlank()) {
            filters.add(Filters.regex("searchText", Pattern.quote(text.strip().toLowerCase(Locale.ROOT))));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        List<Summary> items = new ArrayList<>();
        discussions.find(filter).sort(Sorts.orderBy(Sorts.descending("lastActivityAt"), Sorts.ascending("_id")))
                .skip(page * size).limit(size).forEach(document -> items.add(summary(document)));
        return new Page<>(items, page, size, discussions.countDocuments(filter));
    }

    private static Summary summary(Document document) {
        return new Summary(document.getString("_id"), subject(document), document.getString("title"),
                document.getString("authorId"), instant(document, "createdAt"), instant(document, "lastActivityAt"),
                document.getInteger("replyCount", 0), document.getString("answerPostId") != null);
    }

    private static Subject subject(Document document) {
        return new Subject(SubjectKind.valueOf(document.getString("subjectKind")), document.getString("subjectId"));
    }

    private static Post post(Document document) {
        List<Revision> history = new ArrayList<>();
        for (Document revision : document.getList("history", Document.class, List.of())) {
            history.add(new Revision(revision.getString("markdown"), revision.getString("editorId"),
                    instant(revision, "replacedAt")));
        }
        history.sort((a, b) -> a.replacedAt().compareTo(b.replacedAt()));
        List<Report> reports = new ArrayList<>();
        for (Document report : document.getList("reports", Document.class, List.of())) {
            reports.add(new Report(report.getString("reporterId"), report.getString("reason"),
                    instant(report, "at")));
        }
        return new Post(document.getString("_id"), document.getString("discussionId"),
                document.getString("authorId"), document.getString("markdown"), document.getString("html"),
                document.getList("mentions", String.class, List.of()), instant(document, "createdAt"),
                instant(document, "editedAt"), history, document.getBoolean("hidden", false),
                document.getString("hiddenReason"), document.getString("hiddenBy"), reports);
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
