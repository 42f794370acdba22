package dev.competency.community.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.competency.community.notification.delivery.ExpiryWarnings;
import dev.competency.community.notification.delivery.NotificationDelivery;
import dev.competency.community.notification.domain.ExpiryWindow;
import dev.competency.community.notification.query.MasteryExpiries;
import dev.competency.community.notification.query.Notification;
import dev.competency.community.notification.query.NotificationKind;
import dev.competency.community.notification.query.Notifications;
import dev.competency.platform.test.ServiceHttp;
import dev.competency.community.support.SharedService;
import dev.competency.community.support.Streams;
import dev.competency.contracts.EventTypes;
import dev.competency.contracts.assessments.PeerRatingRequested;
import dev.competency.contracts.mastery.MasteryChanged;
import dev.competency.platform.test.KafkaTestClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Expiry warnings and peer rating requests on the real broker and store. */
class ExpiryAndPeerRequestNotificationIT {

    private static List<Notification> stored(String recipientId, NotificationKind kind) {
        return SharedService.get().bean(Notifications.class).feed(recipientId, Set.of(), false, 0, 50).stream()
                .filter(notification -> notification.kind() == kind).toList();
    }

    private static MasteryChanged mastery(String learnerId, String competencyId, boolean mastered, Instant expiresAt) {
        MasteryChanged base = Streams.mastery(learnerId, competencyId, mastered ? "PROFICIENT" : "NOVICE", mastered,
                Instant.now());
        return new MasteryChanged(base.learnerId(), base.competencyId(), base.frameworkId(), base.frameworkVersion(),
                base.policyVersion(), base.method(), base.level(), base.previousLevel(), base.score(),
                base.previousScore(), base.mastered(), base.previouslyMastered(), base.evidenceCount(),
                base.changedAt(), base.validAt(), expiresAt, base.cause(), base.triggeringEvidenceId());
    }

    private static void sendTwice(MasteryChanged changed) {
        var record = KafkaTestClient.contractRecord(EventTypes.MASTERY_CHANGED, changed.learnerId(),
                SharedService.JSON.writeValueAsBytes(changed));
        SharedService.kafka().send(record);
        SharedService.kafka().send(record);
    }

    /** A sweep as another instance would run it, at a later time. */
    private static void sweepAt(Clock clock) {
        new ExpiryWarnings(clock, new ExpiryWindow(Duration.ofDays(14)),
                SharedService.get().bean(MasteryExpiries.class), SharedService.get().bean(NotificationDelivery.class))
                .sweep();
    }

    @Test
    void warnsOnceOfMasteryExpiringInThreeDays_whenRecordArrivesTwiceAndSweepsRun() {
        String ada = SharedService.registerLearner("Expiring " + UUID.randomUUID());
        Instant expiresAt = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MILLIS);

        sendTwice(mastery(ada, "comp-e1", true, expiresAt));

        await().atMost(Duration.ofSeconds(30)).until(() -> !stored(ada, NotificationKind.MASTERY_EXPIRING).isEmpty());
        SharedService.get().bean(ExpiryWarnings.class).sweep();
        sweepAt(Clock.offset(Clock.systemUTC(), Duration.ofDays(1)));
        List<Notification> warnings = stored(ada, NotificationKind.MASTERY_EXPIRING);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).link()).isEqualTo("/api/learners/" + ada + "/mastery/comp-e1");
        assertThat(warnings.get(0).at()).isBefore(Instant.now().plusSeconds(1));
        ServiceHttp asAda = SharedService.asLearner(ada);
        assertThat(asAda.json(asAda.get("/api/community/notifications")).get("items").valueStream()
                .filter(item -> item.get("kind").asString().equals("MASTERY_EXPIRING")).count()).isEqualTo(1);
    }

    @Test
    void warnsBySweepButNeverOfLapsedOrLostMastery_whenExpiryEntersWindowWithoutEvent() {
        String bob = SharedService.registerLearner("Expiring " + UUID.randomUUID());
        Instant inTwentyDays = Instant.now().plus(Duration.ofDays(20));
        sendTwice(mastery(bob, "comp-later", true, inTwentyDays));
        sendTwice(mastery(bob, "comp-lost", true, inTwentyDays));
        sendTwice(mastery(bob, "comp-lost", false, null));
        sendTwice(mastery(bob, "comp-marker", true, Instant.now().plus(Duration.ofDays(2))));
        await().atMost(Duration.ofSeconds(30)).until(() -> !stored(bob, NotificationKind.MASTERY_EXPIRING).isEmpty());
        assertThat(stored(bob, NotificationKind.MASTERY_EXPIRING)).hasSize(1);

        sweepAt(Clock.offset(Clock.systemUTC(), Duration.ofDays(10)));

        assertThat(stored(bob, NotificationKind.MASTERY_EXPIRING)).extracting(Notification::link)
                .containsExactlyInAnyOrder("/api/learners/" + bob + "/mastery/comp-marker",
                        "/api/learners/" + bob + "/mastery/comp-later");
        sweepAt(Clock.offset(Clock.systemUTC(), Duration.ofDays(25)));
        assertThat(stored(bob, NotificationKind.MASTERY_EXPIRING)).hasSize(2);
    }

    @Test
    void notifiesEachNominatedPeerOnceAndNobodyForOpenRequest_whenRequestsArrive() {
        String learner = SharedService.registerLearner("Peers " + UUID.randomUUID());
        String cleo = "peer-" + UUID.randomUUID();
        String dan = "peer-" + UUID.randomUUID();
        ServiceHttp asDan = SharedService.asLearner(dan);
        assertThat(asDan.put("/api/community/notifications/settings", "{\"muted\":[\"PEER_RATING_REQUESTED\"]}")
                .statusCode()).isEqualTo(200);
        PeerRatingRequested open = new PeerRatingRequested("attempt-" + UUID.randomUUID(), "assessment-1", learner,
                List.of(), List.of("comp-p1"), Instant.now());
        PeerRatingRequested nominated = new PeerRatingRequested("attempt-" + UUID.randomUUID(), "assessment-1",
                learner, List.of(cleo, dan), List.of("comp-p1"), Instant.now());
        var record = KafkaTestClient.contractRecord(EventTypes.PEER_RATING_REQUESTED, learner,
                SharedService.JSON.writeValueAsBytes(nominated));

        SharedService.publish(open);
        SharedService.kafka().send(record);
        SharedService.kafka().send(record);

        await().atMost(Duration.ofSeconds(30)).until(() -> !stored(cleo, NotificationKind.PEER_RATING_REQUESTED)
                .isEmpty() && !stored(dan, NotificationKind.PEER_RATING_REQUESTED).isEmpty());
        assertThat(stored(cleo, NotificationKind.PEER_RATING_REQUESTED)).hasSize(1).first()
                .satisfies(notification -> assertThat(notification.link()).isEqualTo("/api/assessments/peer-requests"));
        assertThat(stored(dan, NotificationKind.PEER_RATING_REQUESTED)).hasSize(1);
        assertThat(stored(learner, NotificationKind.PEER_RATING_REQUESTED)).isEmpty();
        ServiceHttp asCleo = SharedService.asLearner(cleo);
        assertThat(asCleo.json(asCleo.get("/api/community/notifications")).get("items")).hasSize(1);
        assertThat(asDan.json(asDan.get("/api/community/notifications")).get("items")).as("muted").isEmpty();
    }
}
