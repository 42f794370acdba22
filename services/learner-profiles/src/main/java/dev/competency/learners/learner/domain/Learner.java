package dev.competency.learners.learner.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.competency.learners.mastery.DecidingRule;
import dev.competency.learners.mastery.MasteryFold;
import dev.competency.learners.mastery.MasteryPolicy;
import dev.competency.learners.mastery.MasteryResult;
import dev.competency.learners.mastery.MasteryRollup;
import dev.competency.learners.mastery.RollupResult;
import dev.competency.learners.mastery.SourceType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One learner: who they are, their role and team, every piece of evidence about them and the mastery it adds up
 * to per competency. Evidence can arrive before the learner is registered, so the first evidence creates the
 * aggregate. Snapshots every {@code learner.snapshot-every} events keep loading a learner with a long history fast;
 * the state is plain fields so the snapshot is plain JSON.
 */
@Aggregate(snapshotTriggerDefinition = "learnerSnapshotTrigger", cache = "learnerCache",
        commandTargetResolver = "learnerCommandTargets")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Learner {

    /** The name of the learner's deadline for the next time-driven change (decay or expiry) of a mastery. */
    public static final String CROSSING_DEADLINE = "mastery-crossing";

    /**
     * How many voids of evidence not received yet a learner keeps; past it the oldest is forgotten. A void normally
     * precedes its evidence only by a redelivery or a producer's retry, so a handful are pending at any time; one
     * that never meets its evidence (a void for evidence published under another learner, or never published) would
     * otherwise stay for good. An entry is about 150 bytes in the snapshot and the cache, so the bound caps that at
     * about 150 KB for a learner, and learners without such voids carry nothing.
     */
    static final int MAX_EARLY_VOIDS = 1_000;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @AggregateIdentifier
    private String learnerId;
    private boolean registered;
    private boolean erased;
    /** Sealed, as in the event (see {@link PersonalData}). */
    private String displayName;
    private String organisationUnit;
    private Instant registeredAt;
    private String roleProfileId;
    private Integer roleProfileVersion;
    private String teamId;
    private String managerId;
    /** Competency of every evidence id seen, voided ones included. */
    private Map<String, String> competencyOfEvidence = new HashMap<>();
    private TreeMap<String, CompetencyTrack> tracks = new TreeMap<>();
    /** Voids of evidence not received yet, oldest first, at most {@link #MAX_EARLY_VOIDS}. */
    private LinkedHashMap<String, EarlyVoid> earlyVoids = new LinkedHashMap<>();
    /** The last roll-up of every parent rolled up so far. */
    private TreeMap<String, ParentTrack> parents = new TreeMap<>();
    /** The last time-driven check: masteries are folded at least as of it. */
    private Instant timeCheckedAt;
    /** When the pending time-driven check is due, and its schedule; null when none is pending. */
    private Instant crossingDueAt;
    private String crossingScheduleId;

    /** The earliest time-driven change the folds of the current command found; never stored. */
    @JsonIgnore
    private transient Instant crossingCandidate;

    /** Running folds per competency, derived from {@link #tracks}; rebuilt on demand, never stored. */
    @JsonIgnore
    private transient Map<String, LiveFold> folds;

    protected Learner() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterLearner command, Clock clock, PersonalData personalData) {
        if (command.learnerId() == null || command.learnerId().isBlank()) {
            throw new InvalidLearnerException("learnerId is required");
        }
        if (command.displayName() == null || command.displayName().isBlank()) {
            throw new InvalidLearnerException("displayName is required");
        }
        if (command.email() != null && !EMAIL.matcher(command.email()).matches()) {
            throw new InvalidLearnerException("email is not an e-mail address: '" + command.email() + "'");
        }
        if (registered) {
            throw new LearnerAlreadyRegistered(command.learnerId());
        }
        // The name and address enter the event store sealed with the learner's key (see PersonalData).
        apply(new LearnerRegistered(command.learnerId(),
                personalData.seal(command.learnerId(), command.displayName().strip()),
                personalData.seal(command.learnerId(), command.email()), command.organisationUnit(), clock.instant()));
    }

    @CommandHandler
    void handle(AssignRole command, Clock clock) {
        if (erased) {
            return;
        }
        if (command.roleProfileId() == null || command.roleProfileId().isBlank()) {
            throw new InvalidLearnerException("roleProfileId is required");
        }
        if (command.roleProfileVersion() != null && command.roleProfileVersion() < 1) {
            throw new InvalidLearnerException("roleProfileVersion must be at least 1");
        }
        if (command.roleProfileId().equals(roleProfileId)
                && Objects.equals(command.roleProfileVersion(), roleProfileVersion)) {
            return;
        }
        apply(new RoleAssigned(learnerId, command.roleProfileId(), command.roleProfileVersion(), clock.instant()));
    }

    @CommandHandler
    void handle(ChangeTeam command, Clock clock) {
        if (erased) {
            return;
        }
        if (command.teamId() != null && command.teamId().isBlank()) {
            throw new InvalidLearnerException("teamId must not be blank");
        }
        if (Objects.equals(command.teamId(), teamId) && Objects.equals(command.managerId(), managerId)) {
            return;
        }
        apply(new TeamChanged(learnerId, command.teamId(), teamId, command.managerId(), clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordEvidence command, PolicyLookup policies, Clock clock, DeadlineManager deadlines) {
        EvidenceItem item = Objects.requireNonNull(command.evidence(), "evidence");
        item.toEvidence(); // validates the item as the fold will see it
        if (item.frameworkVersion() < 1) {
            throw new InvalidLearnerException("frameworkVersion must be at least 1");
        }
        if (erased || competencyOfEvidence.containsKey(item.evidenceId())) {
            return;
        }
        EarlyVoid earlyVoid = earlyVoids.get(item.evidenceId());
        if (earlyVoid != null) {
            acceptVoided(item, earlyVoid, policies, clock);
            scheduleCrossing(deadlines);
            return;
        }
        apply(new EvidenceAccepted(command.learnerId(), item, clock.instant()));
        RecalculationCause cause = item.sourceType() == SourceType.MANUAL_RATING
                ? RecalculationCause.MANUAL_RATING : RecalculationCause.EVIDENCE_RECORDED;
        recalculateWithParents(item.competencyId(), policies, cause, item.evidenceId(), item.occurredAt());
        scheduleCrossing(deadlines);
    }

    /**
     * Evidence whose void arrived first: accepted and voided at once, so it is listed voided and never counts. The
     * learner ends as it would have had the void come after the evidence, without the change in between; a
     * competency that had no recorded mastery gets none from evidence that never counted.
     */
    private void acceptVoided(EvidenceItem item, EarlyVoid earlyVoid, PolicyLookup policies, Clock clock) {
        CompetencyTrack before = tracks.get(item.competencyId());
        boolean recorded = before != null && before.computed;
        apply(new EvidenceAccepted(learnerId, item, clock.instant()));
        apply(new EvidenceVoided(learnerId, item.evidenceId(), item.competencyId(), earlyVoid.voidedAt(),
                earlyVoid.reason()));
        if (recorded) {
            recalculateWithParents(item.competencyId(), policies, RecalculationCause.EVIDENCE_VOIDED,
                    item.evidenceId(), null);
        }
    }

    /** Erasing twice changes nothing. */
    @CommandHandler
    void handle(EraseLearner command, Clock clock, PersonalData personalData) {
        // Again on a repeated erasure: forgetting is idempotent, and a crash between the event and the key must not
        // leave the key behind for good.
        personalData.forget(learnerId);
        if (erased) {
            return;
        }
        apply(new LearnerErased(learnerId, clock.instant(), command.erasedBy()));
    }

    /**
     * Voids evidence the learner holds. A void of evidence not received yet is kept (the first void of it wins) and
     * applied when the evidence arrives; the first such void creates the learner, as the first evidence does.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(VoidEvidence command, PolicyLookup policies, DeadlineManager deadlines) {
        if (erased) {
            return;
        }
        String competencyId = competencyOfEvidence.get(command.evidenceId());
        if (competencyId == null) {
            if (!earlyVoids.containsKey(command.evidenceId())) {
                apply(new EarlyVoidKept(command.learnerId(), command.evidenceId(), command.voidedAt(),
                        command.reason()));
            }
            return;
        }
        if (tracks.get(competencyId).voidedIds.contains(command.evidenceId())) {
            return;
        }
        apply(new EvidenceVoided(learnerId, command.evidenceId(), competencyId, command.voidedAt(),
                command.reason()));
        recalculateWithParents(competencyId, policies, RecalculationCause.EVIDENCE_VOIDED, command.evidenceId(), null);
        scheduleCrossing(deadlines);
    }

    @CommandHandler
    void handle(AdoptFrameworkVersion command, PolicyLookup policies, DeadlineManager deadlines) {
        if (erased) {
            return;
        }
        List<String> moving = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        for (CompetencyTrack track : tracks.values()) {
            if (!track.frameworkId.equals(command.frameworkId())) {
                continue;
            }
            if (track.frameworkVersion < command.version()) {
                moving.add(track.competencyId);
            } else if (track.frameworkVersion == command.version() && !track.computed) {
                waiting.add(track.competencyId);
            }
        }
        if (!moving.isEmpty()) {
            apply(new FrameworkVersionAdopted(learnerId, command.frameworkId(), command.version(), moving));
        }
        List<String> recalculated = new ArrayList<>(moving);
        recalculated.addAll(waiting);
        for (String competencyId : recalculated) {
            recalculate(competencyId, policies, RecalculationCause.POLICY_CHANGED, null, null);
        }
        if (!recalculated.isEmpty()) {
            // Once, after every child moved: rolling up after each one would mix old and new children's levels.
            rollUpParents(command.frameworkId(), command.version(), policies, RecalculationCause.POLICY_CHANGED, null,
                    null, null);
        }
        if (!moving.isEmpty()) {
            endRollupsDroppedBy(command.frameworkId(), command.version(), policies);
        }
        scheduleCrossing(deadlines);
    }

    /**
     * The pending time-driven check. Every computed competency is folded at the check's instant; each whose level,
     * mastered flag or expiry changed by time alone is recorded with cause {@code EXPIRED} (the validity period ran
     * out) or {@code DECAYED}, its parents are rolled up again, and the next check is scheduled. A deadline that an
     * earlier one replaced, or that was handled already, changes nothing.
     */
    @DeadlineHandler(deadlineName = CROSSING_DEADLINE)
    void on(MasteryCrossingDue due, PolicyLookup policies, Clock clock, DeadlineManager deadlines) {
        if (erased || !due.dueAt().equals(crossingDueAt)) {
            return;
        }
        Instant now = clock.instant();
        Instant at = now.isBefore(due.dueAt()) ? due.dueAt() : now;
        apply(new MasteryTimeChecked(learnerId, at));
        for (CompetencyTrack track : List.copyOf(tracks.values())) {
            if (!track.computed) {
                continue;
            }
            Optional<MasteryPolicy> policy = policies.policyFor(track.frameworkId, track.frameworkVersion,
                    track.competencyId);
            if (policy.isEmpty()) {
                continue;
            }
            MasteryFold fold = liveFold(track, policy.get());
            MasteryResult result = fold.result(at);
            noteCrossing(result.nextChangeAt());
            boolean expired = result.rule() == DecidingRule.EXPIRED;
            if (Objects.equals(result.levelCode(), track.level) && result.mastered() == track.mastered
                    && expired == track.expired) {
                continue;
            }
            RecalculationCause cause = expired && !track.expired ? RecalculationCause.EXPIRED
                    : RecalculationCause.DECAYED;
            // When time crossed the threshold: the next change of the mastery as last recorded.
            Instant crossedAt = fold.result(track.latestOccurredAt).nextChangeAt();
            Instant validAt = crossedAt == null || crossedAt.isAfter(at) ? due.dueAt() : crossedAt;
            record(track, result, cause, null, validAt);
            rollUpParents(track.frameworkId, track.frameworkVersion, policies, cause, track.competencyId, null,
                    validAt);
        }
        scheduleCrossing(deadlines);
    }

    /** Keeps the earliest time-driven change found by the folds of the current command. */
    private void noteCrossing(Instant nextChangeAt) {
        if (nextChangeAt != null && (crossingCandidate == null || nextChangeAt.isBefore(crossingCandidate))) {
            crossingCandidate = nextChangeAt;
        }
    }

    /**
     * Schedules the learner's next time-driven check when a fold of this command found a change earlier than the
     * one pending (or none is pending), and cancels the one it replaces. A later change never moves the pending
     * check: it runs early, folds every competency and schedules the true next one. So at most one schedule per
     * learner exists, and intake rarely touches the deadline manager.
     */
    private void scheduleCrossing(DeadlineManager deadlines) {
        Instant candidate = crossingCandidate;
        crossingCandidate = null;
        if (candidate == null || (crossingDueAt != null && !candidate.isBefore(crossingDueAt))) {
            return;
        }
        if (crossingScheduleId != null) {
            deadlines.cancelSchedule(CROSSING_DEADLINE, crossingScheduleId);
        }
        String scheduleId = deadlines.schedule(candidate, CROSSING_DEADLINE, new MasteryCrossingDue(candidate));
        apply(new MasteryCrossingScheduled(learnerId, candidate, scheduleId));
    }

    /**
     * Ends the roll-up of every parent of the framework that was rolled up under an earlier version and that the
     * adopted one does not roll up: without this, its last rolled-up level would stay recorded for good.
     */
    private void endRollupsDroppedBy(String frameworkId, int version, PolicyLookup policies) {
        Set<String> stillRolledUp = new HashSet<>();
        policies.rollupsOf(frameworkId, version).orElse(List.of())
                .forEach(parent -> stillRolledUp.add(parent.parentId()));
        List<Map.Entry<String, ParentTrack>> ended = parents.entrySet().stream()
                .filter(p -> p.getValue().frameworkId.equals(frameworkId) && p.getValue().frameworkVersion < version
                        && !stillRolledUp.contains(p.getKey()))
                .toList();
        for (Map.Entry<String, ParentTrack> parent : ended) {
            ParentTrack last = parent.getValue();
            apply(new ParentRollupEnded(learnerId, parent.getKey(), frameworkId, version, last.frameworkVersion,
                    last.level, last.mastered, last.points));
        }
    }

    /**
     * Folds the competency's evidence under the policy of its framework version and records the result when its
     * level, score or mastered flag differs from the last one. Without the policy (its framework version has not
     * arrived yet) the mastery stays pending until {@link AdoptFrameworkVersion}.
     *
     * @return whether a change was recorded
     */
    private boolean recalculate(String competencyId, PolicyLookup policies, RecalculationCause cause,
            String triggeringEvidenceId, Instant validAt) {
        CompetencyTrack track = tracks.get(competencyId);
        Optional<MasteryPolicy> policy = policies.policyFor(track.frameworkId, track.frameworkVersion, competencyId);
        if (policy.isEmpty()) {
            return false;
        }
        MasteryResult result = liveFold(track, policy.get()).result(asOf(track));
        noteCrossing(result.nextChangeAt());
        boolean expired = result.rule() == DecidingRule.EXPIRED;
        if (track.computed && Objects.equals(result.levelCode(), track.level)
                && Objects.equals(result.score(), track.score) && result.mastered() == track.mastered
                && expired == track.expired) {
            return false;
        }
        record(track, result, cause, triggeringEvidenceId, validAt);
        return true;
    }

    private void record(CompetencyTrack track, MasteryResult result, RecalculationCause cause,
            String triggeringEvidenceId, Instant validAt) {
        apply(new MasteryRecalculated(learnerId, track.competencyId, track.frameworkId, track.frameworkVersion,
                result.policyVersion(), result.method().toString(), result.method().kind().name(),
                result.levelCode(), track.level, result.score(), track.score, result.mastered(), track.mastered,
                result.evidenceCount(), validAt, result.expiresAt(), cause, triggeringEvidenceId,
                result.rule() == DecidingRule.EXPIRED));
    }

    private void recalculateWithParents(String competencyId, PolicyLookup policies, RecalculationCause cause,
            String triggeringEvidenceId, Instant validAt) {
        if (recalculate(competencyId, policies, cause, triggeringEvidenceId, validAt)) {
            CompetencyTrack track = tracks.get(competencyId);
            rollUpParents(track.frameworkId, track.frameworkVersion, policies, cause, competencyId,
                    triggeringEvidenceId, validAt);
        }
    }

    /**
     * Rolls up again the parents of the framework version that have {@code childId} among their children (every
     * parent of the version when {@code childId} is null), from the children's recorded mastery under that version,
     * and records each parent whose level, mastered flag or points differ from its last roll-up. As with children,
     * whose change is recorded only when their level, score or flag change, a new rule giving the same values
     * records nothing. A parent none of whose children has a recorded mastery yet is not rolled up. A child whose
     * level is not on the parent's scale leaves the parent as it was (queries report the mismatch).
     */
    private void rollUpParents(String frameworkId, int frameworkVersion, PolicyLookup policies,
            RecalculationCause cause, String childId, String triggeringEvidenceId, Instant validAt) {
        for (PolicyLookup.ParentRollup parent : policies.rollupsOf(frameworkId, frameworkVersion).orElse(List.of())) {
            if (childId != null && !parent.rule().children().contains(childId)) {
                continue;
            }
            List<MasteryRollup.ChildState> states = new ArrayList<>();
            for (String child : parent.rule().children()) {
                CompetencyTrack track = tracks.get(child);
                if (track != null && track.computed && track.frameworkId.equals(frameworkId)
                        && track.frameworkVersion == frameworkVersion) {
                    states.add(new MasteryRollup.ChildState(child, track.level, track.mastered, track.expired));
                }
            }
            Optional<RollupResult> rolledUp = MasteryRollup.rollUpIfAny(parent.parentId(), parent.rule(),
                    parent.scale(), states);
            if (rolledUp.isEmpty()) {
                continue;
            }
            RollupResult rolled = rolledUp.get();
            ParentTrack last = parents.get(parent.parentId());
            if (last != null && Objects.equals(last.level, rolled.levelCode()) && last.mastered == rolled.mastered()
                    && last.points == rolled.points()) {
                continue;
            }
            apply(new ParentMasteryRolledUp(learnerId, parent.parentId(), frameworkId, frameworkVersion,
                    parent.rule().ruleName(), rolled.levelCode(), last == null ? null : last.level,
                    rolled.mastered(), last != null && last.mastered, rolled.points(),
                    last == null ? null : last.points, parent.rule().pointsTargetOrNull(),
                    rolled.children().stream().map(c -> new ParentMasteryRolledUp.Child(c.competencyId(),
                            c.levelCode(), c.mastered(), c.points(), c.required())).toList(),
                    validAt, cause, childId, triggeringEvidenceId));
        }
    }

    /**
     * The write side records mastery as of the latest evidence, or as of the last time-driven check when that is
     * later, so the recorded values never depend on when a command happens to run. Changes that time alone makes
     * after that instant are found by the fold ({@link MasteryResult#nextChangeAt()}), scheduled, and recorded by
     * the {@value #CROSSING_DEADLINE} deadline.
     */
    private Instant asOf(CompetencyTrack track) {
        Instant latest = track.latestOccurredAt == null ? Instant.EPOCH : track.latestOccurredAt;
        return timeCheckedAt != null && timeCheckedAt.isAfter(latest) ? timeCheckedAt : latest;
    }

    private MasteryFold liveFold(CompetencyTrack track, MasteryPolicy policy) {
        if (folds == null) {
            folds = new HashMap<>();
        }
        LiveFold live = folds.get(track.competencyId);
        if (live == null || !live.policy.equals(policy)) {
            live = new LiveFold(policy, new MasteryFold(track.competencyId, policy));
            folds.put(track.competencyId, live);
        }
        while (live.itemsFolded < track.items.size()) {
            live.fold.add(track.items.get(live.itemsFolded++).toEvidence());
        }
        while (live.voidsFolded < track.voidedIds.size()) {
            live.fold.voidEvidence(track.voidedIds.get(live.voidsFolded++));
        }
        return live.fold;
    }

    @EventSourcingHandler
    void on(LearnerRegistered event) {
        learnerId = event.learnerId();
        registered = true;
        displayName = event.displayName();
        organisationUnit = event.organisationUnit();
        registeredAt = event.registeredAt();
    }

    @EventSourcingHandler
    void on(LearnerErased event) {
        erased = true;
        displayName = null;
        organisationUnit = null;
        roleProfileId = null;
        roleProfileVersion = null;
        teamId = null;
        managerId = null;
        tracks.clear();
        parents.clear();
        earlyVoids.clear();
        folds = null;
        crossingDueAt = null;
        crossingScheduleId = null;
    }

    @EventSourcingHandler
    void on(MasteryTimeChecked event) {
        timeCheckedAt = event.checkedAt();
        crossingDueAt = null;
        crossingScheduleId = null;
    }

    @EventSourcingHandler
    void on(MasteryCrossingScheduled event) {
        crossingDueAt = event.dueAt();
        crossingScheduleId = event.scheduleId();
    }

    @EventSourcingHandler
    void on(RoleAssigned event) {
        roleProfileId = event.roleProfileId();
        roleProfileVersion = event.roleProfileVersion();
    }

    @EventSourcingHandler
    void on(TeamChanged event) {
        teamId = event.teamId();
        managerId = event.managerId();
    }

    @EventSourcingHandler
    void on(EvidenceAccepted event) {
        learnerId = event.learnerId();
        EvidenceItem item = event.evidence();
        competencyOfEvidence.put(item.evidenceId(), item.competencyId());
        CompetencyTrack track = tracks.computeIfAbsent(item.competencyId(),
                id -> new CompetencyTrack(id, item.frameworkId(), item.frameworkVersion()));
        track.items.add(item);
        if (item.frameworkVersion() > track.frameworkVersion) {
            track.frameworkId = item.frameworkId();
            track.frameworkVersion = item.frameworkVersion();
        }
        if (track.latestOccurredAt == null || item.occurredAt().isAfter(track.latestOccurredAt)) {
            track.latestOccurredAt = item.occurredAt();
        }
    }

    @EventSourcingHandler
    void on(EvidenceVoided event) {
        tracks.get(event.competencyId()).voidedIds.add(event.evidenceId());
        earlyVoids.remove(event.evidenceId());
    }

    @EventSourcingHandler
    void on(EarlyVoidKept event) {
        learnerId = event.learnerId();
        earlyVoids.put(event.evidenceId(), new EarlyVoid(event.voidedAt(), event.reason()));
        if (earlyVoids.size() > MAX_EARLY_VOIDS) {
            earlyVoids.remove(earlyVoids.keySet().iterator().next());
        }
    }

    @EventSourcingHandler
    void on(FrameworkVersionAdopted event) {
        for (String competencyId : event.competencyIds()) {
            CompetencyTrack track = tracks.get(competencyId);
            track.frameworkId = event.frameworkId();
            track.frameworkVersion = event.version();
        }
    }

    @EventSourcingHandler
    void on(MasteryRecalculated event) {
        CompetencyTrack track = tracks.get(event.competencyId());
        track.computed = true;
        track.level = event.level();
        track.score = event.score();
        track.mastered = event.mastered();
        track.evidenceCount = event.evidenceCount();
        track.policyVersion = event.policyVersion();
        track.expired = event.expired();
    }

    @EventSourcingHandler
    void on(ParentMasteryRolledUp event) {
        ParentTrack parent = parents.computeIfAbsent(event.competencyId(), id -> new ParentTrack());
        parent.frameworkId = event.frameworkId();
        parent.frameworkVersion = event.frameworkVersion();
        parent.level = event.level();
        parent.mastered = event.mastered();
        parent.points = event.points();
    }

    @EventSourcingHandler
    void on(ParentRollupEnded event) {
        parents.remove(event.competencyId());
    }

    private static final class LiveFold {
        private final MasteryPolicy policy;
        private final MasteryFold fold;
        private int itemsFolded;
        private int voidsFolded;

        LiveFold(MasteryPolicy policy, MasteryFold fold) {
            this.policy = policy;
            this.fold = fold;
        }
    }
}
