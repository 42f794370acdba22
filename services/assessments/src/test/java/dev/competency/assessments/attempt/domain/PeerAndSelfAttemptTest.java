package dev.competency.assessments.attempt.domain;

import static dev.competency.assessments.assessment.domain.Definitions.API;
import static dev.competency.assessments.assessment.domain.Definitions.DATA;
import static dev.competency.assessments.assessment.domain.Definitions.FRAMEWORK;
import static dev.competency.assessments.assessment.domain.Definitions.VERSION;
import static dev.competency.assessments.support.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.assessments.assessment.domain.AssessmentKind;
import dev.competency.assessments.assessment.domain.Definitions;
import dev.competency.assessments.assessment.domain.PublishedAssessment;
import dev.competency.assessments.evidence.domain.EvidenceIds;
import dev.competency.assessments.evidence.domain.EvidenceItem;
import dev.competency.assessments.evidence.domain.EvidenceRevocation;
import dev.competency.contracts.evidence.ActorKind;
import dev.competency.contracts.evidence.SourceType;
import dev.competency.platform.service.error.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Self-assessment by the learner, and anonymous peer feedback that counts once enough peers rated. */
class PeerAndSelfAttemptTest {

    private static final Instant NOW = Instant.parse("2026-11-28T11:00:00Z");
    private static final Instant EARLIER = NOW.minusSeconds(3600);
    private static final PublishedAssessment PEER = Definitions.published("as-p", AssessmentKind.PEER,
            Definitions.peer(2));
    private static final PublishedAssessment SELF = Definitions.published("as-s", AssessmentKind.SELF,
            Definitions.self());
    private static final Map<String, String> HIGH = Map.of("design", "FULL", "model", "SOME");
    private static final Map<String, String> LOW = Map.of("design", "SOME", "model", "NONE");

    private AggregateTestFixture<Attempt> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Attempt.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static AttemptStarted started(PublishedAssessment assessment, List<String> nominated) {
        return new AttemptStarted("at-1", "learner-1", assessment, 1, EARLIER, null, nominated);
    }

    private static PeerRated rated(String ratingId, String peerId, Map<String, String> levels) {
        return new PeerRated("at-1", ratingId, peerId, levels, null, EARLIER,
                Scoring.rubric(PEER.definition(), levels));
    }

    private static EvidenceItem evidence(PublishedAssessment assessment, String competencyId, double raw, int revision,
                                         SourceType source, String actorId, ActorKind actorKind, String reason) {
        return new EvidenceItem(EvidenceIds.forAttempt("at-1", competencyId, revision), "learner-1", competencyId,
                FRAMEWORK, VERSION, raw / 4, raw, 4.0, source, actorId, actorKind, NOW, NOW,
                assessment.assessmentId(), "at-1", null, revision, null, null, reason);
    }

    @Test
    void recordsSelfEvidenceByTheLearner_whenLearnerRatesThemself() {
        List<CompetencyResult> results = List.of(new CompetencyResult(API, 4, 4), new CompetencyResult(DATA, 2, 4));

        fixture.given(started(SELF, List.of()))
                .when(new RateSelf("at-1", "learner-1", HIGH, "I designed the orders API"))
                .expectEvents(new AttemptSubmitted("at-1", NOW, false), new AttemptGraded("at-1", 1, "learner-1",
                        HIGH, "I designed the orders API", results, 0.75, true, List.of(
                        evidence(SELF, API, 4, 1, SourceType.SELF, "learner-1", ActorKind.LEARNER, null),
                        evidence(SELF, DATA, 2, 1, SourceType.SELF, "learner-1", ActorKind.LEARNER, null)),
                        List.of()));
    }

    @Test
    void rejectsSelfRating_whenAnotherLearnerSendsItOrAttemptIsNotASelfAssessment() {
        fixture.given(started(SELF, List.of()))
                .when(new RateSelf("at-1", "learner-2", HIGH, null))
                .expectException(refusal(Refusal.Kind.FORBIDDEN))
                .expectNoEvents();
        fixture.given(started(PEER, List.of()))
                .when(new RateSelf("at-1", "learner-1", HIGH, null))
                .expectException(refusal(Refusal.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void countsNoEvidence_whenFewerThanTheMinimumNumberOfPeersRated() {
        fixture.given(started(PEER, List.of()))
                .when(new RatePeer("at-1", "r-1", "peer-1", HIGH, "Clear resource model"))
                .expectEvents(new PeerRated("at-1", "r-1", "peer-1", HIGH, "Clear resource model", NOW,
                        List.of(new CompetencyResult(API, 4, 4), new CompetencyResult(DATA, 2, 4))));
    }

    @Test
    void recordsOneAnonymousMeanPerCompetency_whenMinimumNumberOfPeersRated() {
        String reason = "Mean of 2 peer ratings: r-1, r-2";

        fixture.given(started(PEER, List.of()), rated("r-2", "peer-2", HIGH))
                .when(new RatePeer("at-1", "r-1", "peer-1", LOW, null))
                .expectEvents(new PeerRated("at-1", "r-1", "peer-1", LOW, null, NOW,
                                List.of(new CompetencyResult(API, 2, 4), new CompetencyResult(DATA, 0, 4))),
                        new PeerFeedbackCounted("at-1", 1, List.of("r-1", "r-2"),
                                List.of(new CompetencyResult(API, 3, 4), new CompetencyResult(DATA, 1, 4)), 0.5, true,
                                List.of(evidence(PEER, API, 3, 1, SourceType.PEER, Attempt.PEERS, ActorKind.PEER,
                                                reason),
                                        evidence(PEER, DATA, 1, 1, SourceType.PEER, Attempt.PEERS, ActorKind.PEER,
                                                reason)),
                                List.of()))
                .expectState(attempt -> assertThat(attempt.evidence()).allSatisfy(item -> {
                    assertThat(item.actorId()).isEqualTo("anonymous-peers");
                    assertThat(item.reason()).doesNotContain("peer-1", "peer-2");
                }));
    }

    @Test
    void revokesAndReplacesTheMean_whenAnotherPeerRatesAfterTheMinimum() {
        PeerFeedbackCounted first = new PeerFeedbackCounted("at-1", 1, List.of("r-1", "r-2"),
                List.of(new CompetencyResult(API, 3, 4), new CompetencyResult(DATA, 1, 4)), 0.5, true,
                List.of(evidence(PEER, API, 3, 1, SourceType.PEER, Attempt.PEERS, ActorKind.PEER, "first"),
                        evidence(PEER, DATA, 1, 1, SourceType.PEER, Attempt.PEERS, ActorKind.PEER, "first")),
                List.of());
        String reason = "Mean of 3 peer ratings: r-1, r-2, r-3";

        fixture.given(started(PEER, List.of()), rated("r-1", "peer-1", LOW), rated("r-2", "peer-2", HIGH), first)
                .when(new RatePeer("at-1", "r-3", "peer-3", HIGH, null))
                .expectEvents(new PeerRated("at-1", "r-3", "peer-3", HIGH, null, NOW,
                        Scoring.rubric(PEER.definition(), HIGH)), new PeerFeedbackCounted("at-1", 2,
                        List.of("r-1", "r-2", "r-3"),
                        List.of(new CompetencyResult(API, 10.0 / 3, 4), new CompetencyResult(DATA, 4.0 / 3, 4)),
                        (0.5 * (10.0 / 3 / 4) + 0.5 * (4.0 / 3 / 4)) / 1.0, true,
                        List.of(evidence(PEER, API, 10.0 / 3, 2, SourceType.PEER, Attempt.PEERS, ActorKind.PEER,
                                        reason),
                                evidence(PEER, DATA, 4.0 / 3, 2, SourceType.PEER, Attempt.PEERS, ActorKind.PEER,
                                        reason)),
                        first.recordedEvidence().stream().map(item -> EvidenceRevocation.of(item, NOW, Attempt.PEERS,
                                ActorKind.PEER, "another peer rated attempt at-1 (revision 2)")).toList()));
    }

    @Test
    void rejectsRating_whenLearnerRatesThemselfOrPeerRatesTwiceOrIsNotNominated() {
        fixture.given(started(PEER, List.of()))
                .when(new RatePeer("at-1", "r-1", "learner-1", HIGH, null))
                .expectException(refusal(Refusal.Kind.FORBIDDEN))
                .expectNoEvents();
        fixture.given(started(PEER, List.of()), rated("r-1", "peer-1", HIGH))
                .when(new RatePeer("at-1", "r-9", "peer-1", LOW, null))
                .expectException(refusal(Refusal.Kind.CONFLICT))
                .expectExceptionMessage("this peer already rated attempt at-1")
                .expectNoEvents();
        fixture.given(started(PEER, List.of("peer-1", "peer-2")))
                .when(new RatePeer("at-1", "r-1", "peer-3", HIGH, null))
                .expectException(refusal(Refusal.Kind.FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void rejectsStart_whenLearnerNominatesThemselfOrNominatesForAnotherKind() {
        fixture.givenNoPriorActivity()
                .when(new StartAttempt("at-1", "learner-1", PEER, 0, List.of("peer-1", "learner-1")))
                .expectException(refusal(Refusal.Kind.INVALID))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new StartAttempt("at-1", "learner-1", SELF, 0, List.of("peer-1")))
                .expectException(refusal(Refusal.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void startsPeerFeedbackWithNoDeadline_whenLearnerNominatesPeers() {
        fixture.givenNoPriorActivity()
                .when(new StartAttempt("at-1", "learner-1", PEER, 0, List.of("peer-1", "peer-2")))
                .expectEvents(new AttemptStarted("at-1", "learner-1", PEER, 1, NOW, null, List.of("peer-1", "peer-2")))
                .expectNoScheduledDeadlines();
    }
}
