package dev.competency.community.discussion.domain;

import dev.competency.platform.service.error.Refusal;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DiscussionTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    private static final Subject SUBJECT = new Subject(SubjectKind.COMPETENCY, "comp-1");

    private FixtureConfiguration<Discussion> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Discussion.class);
    }

    private static DiscussionStarted started() {
        return new DiscussionStarted("d-1", "p-1", SUBJECT, "Sales", "How to estimate?", "Any tips?", List.of(),
                "ada", AT);
    }

    private static ReplyPosted reply(String postId, String author) {
        return new ReplyPosted("d-1", postId, "Break it down.", List.of(), author, "ada", AT.plusSeconds(60));
    }

    @Test
    void startsDiscussion_whenTitleAndBodyGiven() {
        fixture.givenNoPriorActivity()
                .when(new StartDiscussion("d-1", "p-1", SUBJECT, "Sales", " How to estimate? ", "Any tips?",
                        List.of("bob", "bob"), "ada", AT))
                .expectEvents(new DiscussionStarted("d-1", "p-1", SUBJECT, "Sales", "How to estimate?", "Any tips?",
                        List.of("bob"), "ada", AT));
    }

    @Test
    void refusesDiscussion_whenBodyExceedsLimit() {
        fixture.givenNoPriorActivity()
                .when(new StartDiscussion("d-1", "p-1", SUBJECT, "Sales", "Title", "x".repeat(PostRules.MAX_BODY + 1),
                        List.of(), "ada", AT))
                .expectException(Refusal.class).expectExceptionMessage("body must be at most 20000 characters")
                .expectNoEvents();
    }

    @Test
    void postsReply_whenDiscussionIsStarted() {
        fixture.given(started())
                .when(new ReplyToDiscussion("d-1", "p-2", "Break it down.", null, "bob", AT.plusSeconds(60)))
                .expectEvents(reply("p-2", "bob"));
    }

    @Test
    void keepsPreviousText_whenAuthorEdits() {
        fixture.given(started(), reply("p-2", "bob"))
                .when(new EditPost("d-1", "p-2", "Break it into tasks.", List.of(), "bob", AT.plusSeconds(90)))
                .expectEvents(new PostEdited("d-1", "p-2", "Break it into tasks.", "Break it down.", List.of(), "bob",
                        AT.plusSeconds(90)));
    }

    @Test
    void refusesEdit_whenCallerIsNotTheAuthor() {
        fixture.given(started(), reply("p-2", "bob"))
                .when(new EditPost("d-1", "p-2", "Mine now.", List.of(), "ada", AT.plusSeconds(90)))
                .expectException(Refusal.class).expectNoEvents();
    }

    @Test
    void refusesEdit_whenPostIsHidden() {
        fixture.given(started(), reply("p-2", "bob"),
                        new PostHidden("d-1", "p-2", "maria", "Off topic", AT.plusSeconds(70)))
                .when(new EditPost("d-1", "p-2", "Back again.", List.of(), "bob", AT.plusSeconds(90)))
                .expectException(Refusal.class).expectNoEvents();
    }

    @Test
    void marksAnswer_whenDiscussionAuthorChoosesReply() {
        fixture.given(started(), reply("p-2", "bob"))
                .when(new MarkAnswered("d-1", "p-2", "ada", false, AT.plusSeconds(120)))
                .expectEvents(new DiscussionAnswered("d-1", "p-2", "ada", AT.plusSeconds(120)));
    }

    @Test
    void marksAnswer_whenModeratorChoosesReply() {
        fixture.given(started(), reply("p-2", "bob"))
                .when(new MarkAnswered("d-1", "p-2", "maria", true, AT.plusSeconds(120)))
                .expectEvents(new DiscussionAnswered("d-1", "p-2", "maria", AT.plusSeconds(120)));
    }

    @Test
    void refusesAnswer_whenCallerIsNeitherAuthorNorModerator() {
        fixture.given(started(), reply("p-2", "bob"))
                .when(new MarkAnswered("d-1", "p-2", "bob", false, AT.plusSeconds(120)))
                .expectException(Refusal.class).expectNoEvents();
    }

    @Test
    void refusesAnswer_whenPostIsNotInDiscussion() {
        fixture.given(started())
                .when(new MarkAnswered("d-1", "p-9", "ada", false, AT.plusSeconds(120)))
                .expectException(Refusal.class).expectNoEvents();
    }

    @Test
    void reportsOnce_whenSamePersonReportsTwice() {
        fixture.given(started(), reply("p-2", "bob"),
                        new PostReported("d-1", "p-2", "carl", "rude", AT.plusSeconds(100)))
                .when(new ReportPost("d-1", "p-2", "carl", "still rude", AT.plusSeconds(110)))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void hidesPostWithReason_whenModeratorHides() {
        fixture.given(started(), reply("p-2", "bob"))
                .when(new HidePost("d-1", "p-2", "maria", " Off topic ", AT.plusSeconds(100)))
                .expectEvents(new PostHidden("d-1", "p-2", "maria", "Off topic", AT.plusSeconds(100)));
    }

    @Test
    void refusesHide_whenReasonIsMissing() {
        fixture.given(started(), reply("p-2", "bob"))
                .when(new HidePost("d-1", "p-2", "maria", " ", AT.plusSeconds(100)))
                .expectException(Refusal.class).expectNoEvents();
    }

    @Test
    void dropsAnswer_whenAnsweringPostIsHidden() {
        fixture.given(started(), reply("p-2", "bob"), reply("p-3", "carl"),
                        new DiscussionAnswered("d-1", "p-2", "ada", AT.plusSeconds(120)),
                        new PostHidden("d-1", "p-2", "maria", "Wrong advice", AT.plusSeconds(130)))
                .when(new MarkAnswered("d-1", "p-3", "ada", false, AT.plusSeconds(140)))
                .expectEvents(new DiscussionAnswered("d-1", "p-3", "ada", AT.plusSeconds(140)));
    }
}
