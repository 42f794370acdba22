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
import dev.competency.platform.service.mongo.RecordCollections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;
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

    private final MongoCollection<StoredDiscussion> discussions;
    private final MongoCollection<Post> posts;
    private final MarkdownRenderer renderer;

    public Discussions(MongoDatabase database, MarkdownRenderer renderer) {
        this.discussions = RecordCollections.collection(database, DISCUSSIONS, StoredDiscussion.class);
        this.posts = RecordCollections.collection(database, POSTS, Post.class);
        this.renderer = renderer;
        createIndexes();
    }

    /** A discussion as stored, with the text a search looks in; public for the driver's record codec. */
    public record StoredDiscussion(@BsonId String discussionId,
                                   @BsonProperty(ORGANISATION_UNIT) String organisationUnit,
                                   @BsonProperty(SUBJECT_KIND) SubjectKind subjectKind,
                                   @BsonProperty(SUBJECT_ID) String subjectId, @BsonProperty(TITLE) String title,
                                   @BsonProperty(AUTHOR_ID) String authorId,
                                   @BsonProperty(CREATED_AT) Instant createdAt,
                                   @BsonProperty(LAST_ACTIVITY_AT) Instant lastActivityAt,
                                   @BsonProperty(REPLY_COUNT) Integer replyCount,
                                   @BsonProperty(ANSWER_POST_ID) String answerPostId,
                                   @BsonProperty(SEARCH_TEXT) String searchText) {
        static final String ORGANISATION_UNIT = "organisationUnit";
        static final String SUBJECT_KIND = "subjectKind";
        static final String SUBJECT_ID = "subjectId";
        static final String TITLE = "title";
        static final String AUTHOR_ID = "authorId";
        static final String CREATED_AT = "createdAt";
        static final String LAST_ACTIVITY_AT = "lastActivityAt";
        static final String REPLY_COUNT = "replyCount";
        static final String ANSWER_POST_ID = "answerPostId";
        static final String SEARCH_TEXT = "searchText";

        Subject subject() {
            return new Subject(subjectKind, subjectId);
        }

        Summary summary() {
            return new Summary(discussionId, subject(), title, authorId, createdAt, lastActivityAt,
                    replyCount == null ? 0 : replyCount, answerPostId != null);
        }
    }

    private void createIndexes() {
        discussions.createIndex(Indexes.compoundIndex(Indexes.ascending(StoredDiscussion.ORGANISATION_UNIT,
                StoredDiscussion.SUBJECT_KIND, StoredDiscussion.SUBJECT_ID),
                Indexes.descending(StoredDiscussion.LAST_ACTIVITY_AT)), new IndexOptions().name("by_subject_newest"));
        discussions.createIndex(Indexes.compoundIndex(Indexes.ascending(StoredDiscussion.ORGANISATION_UNIT),
                Indexes.descending(StoredDiscussion.LAST_ACTIVITY_AT)), new IndexOptions().name("by_unit_newest"));
        posts.createIndex(Indexes.compoundIndex(Indexes.ascending(Post.DISCUSSION_ID),
                Indexes.ascending(Post.CREATED_AT)), new IndexOptions().name("by_discussion"));
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

    /**
     * A post as stored (and so public for the driver's record codec), its earlier texts oldest first; {@link PostView}
     * is what a reader gets. The constants name the fields that filters, updates and indexes use.
     */
    public record Post(@BsonId String postId, @BsonProperty(DISCUSSION_ID) String discussionId,
                       @BsonProperty(AUTHOR_ID) String authorId, @BsonProperty(MARKDOWN) String markdown,
                       @BsonProperty(HTML) String html, @BsonProperty(MENTIONS) List<String> mentions,
                       @BsonProperty(CREATED_AT) Instant createdAt, @BsonProperty(EDITED_AT) Instant editedAt,
                       @BsonProperty(HISTORY) List<Revision> history, @BsonProperty(HIDDEN) boolean hidden,
                       @BsonProperty(HIDDEN_REASON) String hiddenReason, @BsonProperty(HIDDEN_BY) String hiddenBy,
                       @BsonProperty(REPORTS) List<Report> reports) {
        static final String DISCUSSION_ID = "discussionId";
        static final String AUTHOR_ID = "authorId";
        static final String MARKDOWN = "markdown";
        static final String HTML = "html";
        static final String MENTIONS = "mentions";
        static final String CREATED_AT = "createdAt";
        static final String EDITED_AT = "editedAt";
        static final String HISTORY = "history";
        static final String HIDDEN = "hidden";
        static final String HIDDEN_REASON = "hiddenReason";
        static final String HIDDEN_BY = "hiddenBy";
        static final String REPORTS = "reports";

        public Post {
            mentions = mentions == null ? List.of() : List.copyOf(mentions);
            history = history == null ? List.of()
                    : history.stream().sorted(Comparator.comparing(Revision::replacedAt)).toList();
            reports = reports == null ? List.of() : List.copyOf(reports);
        }
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
                Updates.set(StoredDiscussion.ORGANISATION_UNIT, event.organisationUnit()),
                Updates.set(StoredDiscussion.SUBJECT_KIND, event.subject().kind()),
                Updates.set(StoredDiscussion.SUBJECT_ID, event.subject().id()),
                Updates.set(StoredDiscussion.TITLE, event.title()),
                Updates.set(StoredDiscussion.AUTHOR_ID, event.authorId()),
                Updates.set(StoredDiscussion.CREATED_AT, event.at()),
                Updates.max(StoredDiscussion.LAST_ACTIVITY_AT, event.at()),
                Updates.setOnInsert(StoredDiscussion.REPLY_COUNT, 0)), new UpdateOptions().upsert(true));
        writePost(event.discussionId(), event.postId(), event.authorId(), event.body(), event.mentions(), event.at());
        refreshSearchText(event.discussionId());
    }

    @EventHandler
    void on(ReplyPosted event) {
        writePost(event.discussionId(), event.postId(), event.authorId(), event.body(), event.mentions(), event.at());
        long replies = posts.countDocuments(Filters.eq(Post.DISCUSSION_ID, event.discussionId())) - 1;
        discussions.updateOne(Filters.eq("_id", event.discussionId()), Updates.combine(
                Updates.max(StoredDiscussion.LAST_ACTIVITY_AT, event.at()),
                Updates.set(StoredDiscussion.REPLY_COUNT, (int) Math.max(0, replies))));
        refreshSearchText(event.discussionId());
    }

    @EventHandler
    void on(PostEdited event) {
        posts.updateOne(Filters.eq("_id", event.postId()), Updates.combine(
                Updates.set(Post.MARKDOWN, event.body()),
                Updates.set(Post.HTML, renderer.render(event.body())),
                Updates.set(Post.MENTIONS, event.mentions()),
                Updates.set(Post.EDITED_AT, event.at()),
                Updates.addToSet(Post.HISTORY, new Revision(event.previousBody(), event.editorId(), event.at()))));
        discussions.updateOne(Filters.eq("_id", event.discussionId()),
                Updates.max(StoredDiscussion.LAST_ACTIVITY_AT, event.at()));
        refreshSearchText(event.discussionId());
    }

    @EventHandler
    void on(DiscussionAnswered event) {
        discussions.updateOne(Filters.eq("_id", event.discussionId()), Updates.set(StoredDiscussion.ANSWER_POST_ID,
                event.postId()));
    }

    @EventHandler
    void on(PostReported event) {
        posts.updateOne(Filters.eq("_id", event.postId()), Updates.addToSet(Post.REPORTS,
                new Report(event.reporterId(), event.reason(), event.at())));
    }

    @EventHandler
    void on(PostHidden event) {
        posts.updateOne(Filters.eq("_id", event.postId()), Updates.combine(
                Updates.set(Post.HIDDEN, true),
                Updates.set(Post.HIDDEN_REASON, event.reason()),
                Updates.set(Post.HIDDEN_BY, event.moderatorId())));
        discussions.updateOne(Filters.and(Filters.eq("_id", event.discussionId()),
                Filters.eq(StoredDiscussion.ANSWER_POST_ID, event.postId())),
                Updates.unset(StoredDiscussion.ANSWER_POST_ID));
        refreshSearchText(event.discussionId());
    }

    private void writePost(String discussionId, String postId, String authorId, String markdown,
                           List<String> mentions, Instant at) {
        posts.updateOne(Filters.eq("_id", postId), Updates.combine(
                Updates.set(Post.DISCUSSION_ID, discussionId),
                Updates.set(Post.AUTHOR_ID, authorId),
                Updates.set(Post.MARKDOWN, markdown),
                Updates.set(Post.HTML, renderer.render(markdown)),
                Updates.set(Post.MENTIONS, mentions),
                Updates.set(Post.CREATED_AT, at),
                Updates.setOnInsert(Post.HIDDEN, false)), new UpdateOptions().upsert(true));
    }

    /** The text a search looks in: the title and every visible post, in lower case. */
    private void refreshSearchText(String discussionId) {
        StoredDiscussion discussion = discussions.find(Filters.eq("_id", discussionId)).first();
        if (discussion == null) {
            return;
        }
        StringBuilder text = new StringBuilder(discussion.title());
        posts.find(Filters.and(Filters.eq(Post.DISCUSSION_ID, discussionId), Filters.ne(Post.HIDDEN, true)))
                .forEach(post -> text.append('\n').append(post.markdown()));
        discussions.updateOne(Filters.eq("_id", discussionId),
                Updates.set(StoredDiscussion.SEARCH_TEXT, text.toString().toLowerCase(Locale.ROOT)));
    }

    public Optional<Thread> find(String discussionId) {
        StoredDiscussion discussion = discussions.find(Filters.eq("_id", discussionId)).first();
        if (discussion == null) {
            return Optional.empty();
        }
        List<Post> thread = posts.find(Filters.eq(Post.DISCUSSION_ID, discussionId))
                .sort(Sorts.ascending(Post.CREATED_AT, "_id")).into(new ArrayList<>());
        return Optional.of(new Thread(discussionId, discussion.organisationUnit(), discussion.subject(),
                discussion.title(), discussion.authorId(), discussion.createdAt(), discussion.lastActivityAt(),
                discussion.answerPostId(), thread));
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
            filters.add(Filters.in(StoredDiscussion.ORGANISATION_UNIT, units));
        }
        if (subject != null) {
            filters.add(Filters.eq(StoredDiscussion.SUBJECT_KIND, subject.kind()));
            filters.add(Filters.eq(StoredDiscussion.SUBJECT_ID, subject.id()));
        }
        if (text != null && !text.isBlank()) {
            filters.add(Filters.regex(StoredDiscussion.SEARCH_TEXT,
                    Pattern.quote(text.strip().toLowerCase(Locale.ROOT))));
        }
        Bson filter = filters.isEmpty() ? Filters.empty() : Filters.and(filters);
        List<Summary> items = discussions.find(filter).sort(Sorts.orderBy(
                Sorts.descending(StoredDiscussion.LAST_ACTIVITY_AT), Sorts.ascending("_id"))).skip(page * size)
                .limit(size).map(StoredDiscussion::summary).into(new ArrayList<>());
        return new Page<>(items, page, size, discussions.countDocuments(filter));
    }
}
