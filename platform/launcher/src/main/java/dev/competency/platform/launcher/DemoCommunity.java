package dev.competency.platform.launcher;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The demo's community: a discussion the demo learner started on the second demo competency, with the demo manager's
 * reply mentioning a teammate, and a running team challenge the manager set for the demo team, on the leaderboard.
 * Idempotent: the discussion is found by its title on its competency (and gets the reply only while it has none),
 * the challenge by its title while it runs; a challenge of that title that has ended is followed by a new one.
 */
final class DemoCommunity {

    static final String DISCUSSION_TITLE = "Deprecating a response field without breaking mobile clients";
    static final String CHALLENGE_TITLE = "API craft month: twelve competencies mastered";
    /** The competency the demo discussion is about. */
    static final String DISCUSSION_COMPETENCY = DemoData.COMPETENCIES.get(1);

    private static final Logger log = LoggerFactory.getLogger(DemoCommunity.class);

    private DemoCommunity() {
    }

    static void load(DemoData.Api learner, DemoData.Api manager) throws InterruptedException {
        String discussionId = ensureDiscussion(learner, manager);
        String challengeId = ensureChallenge(manager);
        log.info("Demo community ready: discussion {}, running team challenge {}", discussionId, challengeId);
    }

    private static String ensureDiscussion(DemoData.Api learner, DemoData.Api manager) throws InterruptedException {
        // Until the service has read the demo learner from the learners stream, it answers 503.
        JsonNode page = DemoAssessments.untilAccepted(() -> learner.call("GET",
                "/api/community/discussions?subjectKind=COMPETENCY&subjectId=" + DISCUSSION_COMPETENCY, null));
        String discussionId = null;
        for (JsonNode summary : page.path("items")) {
            if (DISCUSSION_TITLE.equals(summary.path("title").asString())) {
                discussionId = summary.path("discussionId").asString();
            }
        }
        if (discussionId == null) {
            discussionId = DemoAssessments.untilAccepted(() -> learner.call("POST", "/api/community/discussions",
                    Map.of("subjectKind", "COMPETENCY", "subjectId", DISCUSSION_COMPETENCY,
                            "title", DISCUSSION_TITLE,
                            "body", """
                                    Our mobile app still reads `customer.phone`, which the v2 orders API replaces \
                                    with `customer.contacts[]`. How long do you keep the old field, and how do you \
                                    tell clients it is going away?""",
                            "mentions", List.of())))
                    .path("discussionId").asString();
        }
        String path = "/api/community/discussions/" + discussionId;
        if (learner.call("GET", path, null).path("posts").size() < 2) {
            DemoAssessments.untilAccepted(() -> manager.call("POST", path + "/replies", Map.of(
                    "body", """
                            Keep both for two releases and mark the old one `deprecated` in the OpenAPI document; \
                            send a `Sunset` header with the date. Grace did this for the invoices API — worth a look.""",
                    "mentions", List.of("learner-grace"))));
        }
        return discussionId;
    }

    private static String ensureChallenge(DemoData.Api manager) throws InterruptedException {
        for (JsonNode challenge : manager.call("GET", "/api/community/challenges", null)) {
            if (CHALLENGE_TITLE.equals(challenge.path("title").asString())
                    && List.of("UPCOMING", "RUNNING").contains(challenge.path("status").asString())) {
                return challenge.path("challengeId").asString();
            }
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        // Until the service has read the demo framework from the frameworks stream, it refuses the competencies.
        return DemoAssessments.untilAccepted(() -> manager.call("POST", "/api/community/challenges", Map.of(
                "title", CHALLENGE_TITLE,
                "groupKind", "TEAM",
                "groupId", DemoData.TEAM_ID,
                "goal", "MASTERED_COUNT",
                "competencyIds", DemoData.COMPETENCIES,
                "target", 12,
                "startsAt", now.minus(Duration.ofDays(1)).toString(),
                "endsAt", now.plus(Duration.ofDays(30)).toString(),
                "onLeaderboard", true)))
                .path("challengeId").asString();
    }
}
