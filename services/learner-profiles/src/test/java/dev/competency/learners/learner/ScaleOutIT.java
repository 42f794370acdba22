package dev.competency.learners.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.competency.learners.LearnerProfilesApplication;
import dev.competency.learners.learner.query.ReadModels;
import dev.competency.platform.service.axon.SegmentShare;
import dev.competency.platform.test.RunningService;
import dev.competency.platform.test.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two instances of the service on one database, as two pods: the read models' processor spreads its segments over
 * both, a rebuild started on one takes the other's segments and hands them back, and when one instance stops the other
 * takes over its segments and nothing is lost.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

    private static final Logger log = LoggerFactory.getLogger(ScaleOutIT.class);
    private static final String DATABASE = "learner-profiles-scale-out-it";
    /** The segments of the Kubernetes base overlay (the service's own default is one tracking segment). */
    private static final int SEGMENTS = 8;
    private static final String ADMIN = TestTokens.token("admin-1", "ADMIN");

    private static RunningService first;
    private static RunningService second;
    private static final List<String> learners = new ArrayList<>();

    @BeforeAll
    static void start() {
        first = scaledOutInstance();
        second = scaledOutInstance();
    }

    /** An instance with the processors of the Kubernetes base overlay: pooled, so that they share the segments. */
    private static RunningService scaledOutInstance() {
        return RunningService.start(LearnerProfilesApplication.class, DATABASE, Examples.EVIDENCE_DRIVEN_ONLY,
                "EVENT_PROCESSOR_MODE=pooled", "EVENT_PROCESSOR_SEGMENTS=" + SEGMENTS, "EVENT_PROCESSOR_THREADS=2");
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
    }

    @Test
    @Order(1)
    void spreadsTheReadModelsOverBothInstances_andBothHandleEvents() {
        awaitHalfTheSegmentsEach();
        register(first, 10);
        register(second, 10);

        awaitEveryProfile(second);
        log.info("Read-model events handled: {} by the first instance, {} by the second", handled(first),
                handled(second));
        assertThat(handled(first)).isPositive();
        assertThat(handled(second)).isPositive();
    }

    @Test
    @Order(2)
    void rebuildsTheReadModels_whenTheOtherInstanceHoldsSegments() {
        awaitHalfTheSegmentsEach();

        assertThat(ServiceClient.post(first.port(), "/api/learners/admin/rebuild", ADMIN, "").statusCode())
                .isEqualTo(202);

        awaitEveryProfile(second);
        awaitHalfTheSegmentsEach();
    }

    @Test
    @Order(3)
    void takesOverTheSegments_whenAnInstanceStopsMidStream() {
        awaitHalfTheSegmentsEach();
        register(first, 10);
        String survivor = second.bean(SegmentShare.class).instanceId();
        long stoppedAt = System.nanoTime();
        first.close();
        register(second, 10);

        await().atMost(Duration.ofSeconds(15)).until(() -> owned(survivor) == SEGMENTS);
        log.info("The survivor held every segment {} ms after the other instance stopped",
                Duration.ofNanos(System.nanoTime() - stoppedAt).toMillis());
        awaitEveryProfile(second);
        assertThat(profiles().countDocuments(Filters.in("_id", learners))).isEqualTo(learners.size());
    }

    private static void register(RunningService instance, int count) {
        for (int i = 0; i < count; i++) {
            String learner = UUID.randomUUID().toString();
            assertThat(ServiceClient.post(instance.port(), "/api/learners", ADMIN, """
                    {"learnerId": "%s", "displayName": "Learner %d", "email": "learner-%s@example.org"}"""
                    .formatted(learner, learners.size(), learner)).statusCode()).isEqualTo(201);
            learners.add(learner);
        }
    }

    private static void awaitEveryProfile(RunningService instance) {
        await().atMost(Duration.ofSeconds(60)).until(() -> learners.stream()
                .allMatch(learner -> instance.get("/api/learners/" + learner, ADMIN).statusCode() == 200));
    }

    private static void awaitHalfTheSegmentsEach() {
        String one = first.bean(SegmentShare.class).instanceId();
        String other = second.bean(SegmentShare.class).instanceId();
        await().atMost(Duration.ofSeconds(30)).until(() -> owned(one) == SEGMENTS / 2 && owned(other) == SEGMENTS / 2);
    }

    private static long owned(String instanceId) {
        return database().getCollection("trackingtokens").countDocuments(Filters.and(
                Filters.eq("processorName", ReadModels.PROCESSING_GROUP), Filters.eq("owner", instanceId)));
    }

    private static MongoCollection<Document> profiles() {
        return database().getCollection("learner_profiles");
    }

    private static MongoDatabase database() {
        return second.bean(MongoDatabase.class);
    }

    /** Events the read models' processor of this instance handled successfully (Axon's counter). */
    private static double handled(RunningService instance) {
        return instance.bean(MeterRegistry.class).get("eventProcessor.ingestedCounter")
                .tag("processorName", ReadModels.PROCESSING_GROUP).counter().count();
    }
}
