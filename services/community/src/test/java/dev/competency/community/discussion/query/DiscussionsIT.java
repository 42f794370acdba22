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
import java.util.List;
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
}
