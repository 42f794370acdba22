package dev.competency.community.discussion.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.community.discussion.domain.DiscussionAnswered;
import dev.competency.community.discussion.domain.DiscussionStarted;
import dev.competency.community.discussion.domain.PostEdited;
import dev.competency.community.discussion.domain.PostHidden;
import dev.competency.community.discussion.domain.PostReported;
import dev.competency.community.discussion.domain.ReplyPosted;
import dev.competency.community.discussion.domain.Subject;
import dev.competency.community.discussion.domain.SubjectKind;
import dev.competency.platform.test.ScratchDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The discussions read model fed its events directly, on the test store. */
class DiscussionsIT {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    private static final Subject SUBJECT = new Subject(SubjectKind.COMPETENCY, "comp-1");

    private ScratchDatabase scratch;
    private Discussions discussions;

    @BeforeEach
    void setUp() {
        scratch = ScratchDatabase.create("discussions");
        discussions = new Discussions(scratch.database(), new MarkdownRenderer());
    }

    @AfterEach
    void tearDown() {
        scratch.close();
    }

    private void startAndReply() {
        discussions.on(new DiscussionStarted("d-1", "p-1", SUBJECT, "Sales", "Estimating", "How *much*?", List.of(),
                "ada", AT));
        discussions.on(new ReplyPosted("d-1", "p-2", "Use **ranges**", List.of("ada"), "bob", "ada",
                AT.plusSeconds(60)));
    }

    @Test
    void showsSameThread_whenEveryEventIsAppliedTwice() {
        startAndReply();
        Discussions.Thread once = discussions.find("d-1").orElseThrow();
        Discussions.Page<Discussions.Summary> listedOnce = discussions.list(List.of("Sales"), SUBJECT, null, 0, 10);

        startAndReply();
        discussions.on(new PostReported("d-1", "p-2", "carl", "rude", AT.plusSeconds(70)));
        discussions.on(new PostReported("d-1", "p-2", "carl", "rude", AT.plusSeconds(70)));

        Discussions.Thread twice = discussions.find("d-1").orElseThrow();
        assertThat(twice.posts()).hasSize(2);
        assertThat(twice.posts().get(1).html()).isEqualTo(once.posts().get(1).html()).contains("<strong>ranges</strong>");
        assertThat(twice.posts().get(1).reports()).hasSize(1);
        assertThat(discussions.list(List.of("Sales"), SUBJECT, null, 0, 10)).isEqualTo(listedOnce);
        assertThat(listedOnce.items().get(0).replyCount()).isEqualTo(1);
        assertThat(listedOnce.items().get(0).lastActivityAt()).isEqualTo(AT.plusSeconds(60));
    }

    @Test
    void keepsEveryEarlierText_whenPostIsEditedTwice() {
        startAndReply();
        discussions.on(new PostEdited("d-1", "p-2", "Use ranges, always", "Use **ranges**", List.of(), "bob",
                AT.plusSeconds(120)));
        discussions.on(new PostEdited("d-1", "p-2", "Use ranges", "Use ranges, always", List.of(), "bob",
                AT.plusSeconds(180)));

        Discussions.Post post = discussions.find("d-1").orElseThrow().posts().get(1);
        assertThat(post.markdown()).isEqualTo("Use ranges");
        assertThat(post.history()).extracting(Discussions.Revision::markdown)
                .containsExactly("Use **ranges**", "Use ranges, always");
        assertThat(post.editedAt()).isEqualTo(AT.plusSeconds(180));
    }

    @Test
    void dropsAnswerAndSearchText_whenAnsweringPostIsHidden() {
        startAndReply();
        discussions.on(new DiscussionAnswered("d-1", "p-2", "ada", AT.plusSeconds(90)));
        assertThat(discussions.list(List.of("Sales"), SUBJECT, "ranges", 0, 10).total()).isEqualTo(1);

        discussions.on(new PostHidden("d-1", "p-2", "maria", "Spam", AT.plusSeconds(100)));

        Discussions.Thread thread = discussions.find("d-1").orElseThrow();
        assertThat(thread.answerPostId()).isNull();
        assertThat(thread.posts().get(1).hiddenReason()).isEqualTo("Spam");
        assertThat(discussions.list(List.of("Sales"), SUBJECT, "ranges", 0, 10).total()).isZero();
        assertThat(discussions.list(List.of("Sales"), SUBJECT, "estimat", 0, 10).total()).isEqualTo(1);
    }

    @Test
    void listsOnlyGivenUnits_whenUnitsAreGiven() {
        startAndReply();
        discussions.on(new DiscussionStarted("d-2", "p-9", SUBJECT, "Support", "Other unit", "Hello", List.of(),
                "eve", AT));

        assertThat(discussions.list(List.of("Support"), SUBJECT, null, 0, 10).items())
                .extracting(Discussions.Summary::discussionId).containsExactly("d-2");
        assertThat(discussions.list(null, SUBJECT, null, 0, 10).total()).isEqualTo(2);
        assertThat(discussions.list(List.of("Sales"), SUBJECT, ".*", 0, 10).total())
                .as("search text is literal").isZero();
    }

    @Test
    void storesDiscussionAndPostsFieldByField_whenStartedRepliedEditedReportedAndAnswered() {
        startAndReply();
        discussions.on(new PostEdited("d-1", "p-2", "Use ranges", "Use **ranges**", List.of(), "bob",
                AT.plusSeconds(120)));
        discussions.on(new PostReported("d-1", "p-2", "carl", "rude", AT.plusSeconds(130)));
        discussions.on(new DiscussionAnswered("d-1", "p-2", "ada", AT.plusSeconds(140)));

        assertThat(scratch.database().getCollection(Discussions.DISCUSSIONS).find().first()).isEqualTo(
                new Document("_id", "d-1").append("organisationUnit", "Sales").append("subjectKind", "COMPETENCY")
                        .append("subjectId", "comp-1").append("title", "Estimating").append("authorId", "ada")
                        .append("createdAt", Date.from(AT)).append("lastActivityAt", Date.from(AT.plusSeconds(120)))
                        .append("replyCount", 1).append("searchText", "estimating\nhow *much*?\nuse ranges")
                        .append("answerPostId", "p-2"));
        Document reply = scratch.database().getCollection(Discussions.POSTS).find(new Document("_id", "p-2")).first();
        assertThat(reply).isEqualTo(new Document("_id", "p-2").append("discussionId", "d-1").append("authorId", "bob")
                .append("markdown", "Use ranges").append("html", new MarkdownRenderer().render("Use ranges"))
                .append("mentions", List.of()).append("createdAt", Date.from(AT.plusSeconds(60)))
                .append("hidden", false)
                .append("editedAt", Date.from(AT.plusSeconds(120)))
                .append("history", List.of(new Document("markdown", "Use **ranges**").append("editorId", "bob")
                        .append("replacedAt", Date.from(AT.plusSeconds(120)))))
                .append("reports", List.of(new Document("reporterId", "carl").append("reason", "rude")
                        .append("at", Date.from(AT.plusSeconds(130))))));
        List<Document> indexes = new ArrayList<>();
        scratch.database().getCollection(Discussions.DISCUSSIONS).listIndexes().forEach(index -> indexes.add(
                new Document("name", index.getString("name")).append("key", index.get("key"))));
        scratch.database().getCollection(Discussions.POSTS).listIndexes().forEach(index -> indexes.add(
                new Document("name", index.getString("name")).append("key", index.get("key"))));
        assertThat(indexes).contains(
                new Document("name", "by_subject_newest").append("key", new Document("organisationUnit", 1)
                        .append("subjectKind", 1).append("subjectId", 1).append("lastActivityAt", -1)),
                new Document("name", "by_unit_newest").append("key", new Document("organisationUnit", 1)
                        .append("lastActivityAt", -1)),
                new Document("name", "by_discussion").append("key", new Document("discussionId", 1)
                        .append("createdAt", 1)));
    }

    @Test
    void readsEmptyHistoryAndReports_whenPostWasStoredWithoutThem() {
        scratch.database().getCollection(Discussions.DISCUSSIONS).insertOne(new Document("_id", "d-3")
                .append("organisationUnit", "Sales").append("subjectKind", "COMPETENCY").append("subjectId", "comp-1")
                .append("title", "Old").append("authorId", "ada").append("createdAt", Date.from(AT))
                .append("lastActivityAt", Date.from(AT)).append("answerPostId", null));
        scratch.database().getCollection(Discussions.POSTS).insertOne(new Document("_id", "p-3")
                .append("discussionId", "d-3").append("authorId", "ada").append("markdown", "Hi")
                .append("html", "<p>Hi</p>")
                .append("createdAt", Date.from(AT)).append("hidden", false).append("hiddenReason", null));

        Discussions.Thread thread = discussions.find("d-3").orElseThrow();
        assertThat(thread.answerPostId()).isNull();
        assertThat(thread.posts()).singleElement().satisfies(post -> {
            assertThat(post.history()).isEmpty();
            assertThat(post.reports()).isEmpty();
            assertThat(post.mentions()).isEmpty();
        });
        assertThat(discussions.list(null, null, null, 0, 10).items()).singleElement()
                .satisfies(summary -> assertThat(summary.replyCount()).isZero());
    }

    @Test
    void storesNameAndTimeUnderPersonId_whenAuthorWrites() {
        AuthorNames names = new AuthorNames(scratch.database());

        names.remember("ada", "Ada\nLovelace", AT);

        assertThat(scratch.database().getCollection(AuthorNames.COLLECTION).find().first()).isEqualTo(
                new Document("_id", "ada").append("name", "Ada Lovelace").append("updatedAt", Date.from(AT)));
        assertThat(names.names(List.of("ada", "bob"))).isEqualTo(Map.of("ada", "Ada Lovelace"));
        names.erase("ada");
        assertThat(names.names(List.of("ada"))).isEmpty();
    }
}
