package dev.competency.analytics.state;

import dev.competency.contracts.IntegrationEvent;
import dev.competency.contracts.evidence.EvidenceRecorded;
import dev.competency.contracts.evidence.EvidenceVoided;
import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.contracts.frameworks.FrameworkRetired;
import dev.competency.contracts.frameworks.RoleProfilePublished;
import dev.competency.contracts.learners.LearnerErased;
import dev.competency.contracts.learners.LearnerRegistered;
import dev.competency.contracts.learners.LearnerRoleAssigned;
import dev.competency.contracts.learners.LearnerTeamChanged;
import dev.competency.contracts.mastery.MasteryChanged;
import dev.competency.contracts.mastery.ParentMasteryChanged;
import dev.competency.contracts.mastery.ParentRollupEnded;
import java.time.Instant;
import java.util.Arrays;

/**
 * Everything analytics answers from, folded from the four public topics in stream order: the learner directory
 * (unit, team, role profile), the catalogue of frameworks and role profiles, each learner's mastery
 * history per competency and their evidence. Plain Java with a single writer; readers hold the lock of the
 * {@code StateHolder} that owns it.
 *
 * <p>Applying is idempotent per {@code ce_id} without a global set of ids: evidence is keyed by evidence id, a mastery
 * entry by its event id within its cell, an event of the learners topic by its id within the learner, and framework
 * and role-profile versions are snapshots. Nothing is ordered by a timestamp: the order of the stream is the order
 * of the facts.
 */
public final class AnalyticsState {

    private final Ids learnerIds = new Ids();
    private final Ids competencyIds = new Ids();
    private final Ids units = new Ids();
    private final Ids teams = new Ids();
    private final Ids frameworkIds = new Ids();
    private final Ids roleProfileIds = new Ids();
    private final Ids levelCodes = new Ids();
    private final Catalogue catalogue = new Catalogue();
    private final CapabilityTotals totals = new CapabilityTotals();
    private LearnerRecord[] learners = new LearnerRecord[1024];
    private long applied;

    /**
     * Applies one contract event.
     *
     * @param eventId the event's {@code ce_id}
     * @return whether the state changed (false for a duplicate, an event of an erased learner or an unknown type)
     */
    public boolean apply(String eventId, IntegrationEvent payload) {
        boolean changed = switchOn(EventKey.of(eventId), payload);
        if (changed) {
            applied++;
        }
        return changed;
    }

    private boolean switchOn(EventKey id, IntegrationEvent payload) {
        if (payload instanceof MasteryChanged changed) {
            return mastery(id, changed.learnerId(), changed.competencyId(), changed.frameworkId(), MasteryCell.FOLDED,
                    changed.mastered(), changed.frameworkVersion(), changed.level(),
                    changed.score() == null ? Double.NaN : changed.score(), changed.changedAt(), changed.expiresAt());
        } else if (payload instanceof EvidenceRecorded evidence) {
            LearnerRecord learner = learnerForUpdate(evidence.learnerId());
            return learner != null && learner.evidenceForUpdate().record(EventKey.of(evidence.evidenceId()),
                    competencyIds.intern(evidence.competencyId()), evidence.sourceType().ordinal(),
                    evidence.occurredAt().toEpochMilli(), evidence.recordedAt().toEpochMilli());
        } else if (payload instanceof EvidenceVoided voided) {
            LearnerRecord learner = learnerForUpdate(voided.learnerId());
            return learner != null && learner.evidenceForUpdate().voidEvidence(EventKey.of(voided.evidenceId()),
                    voided.voidedAt().toEpochMilli());
        } else if (payload instanceof ParentMasteryChanged changed) {
            return mastery(id, changed.learnerId(), changed.competencyId(), changed.frameworkId(), MasteryCell.ROLLUP,
                    changed.mastered(), changed.frameworkVersion(), changed.level(), Double.NaN, changed.changedAt(),
                    null);
        } else if (payload instanceof ParentRollupEnded ended) {
            return mastery(id, ended.learnerId(), ended.competencyId(), ended.frameworkId(),
                    MasteryCell.ROLLUP_ENDED, false, ended.frameworkVersion(), null, Double.NaN, ended.changedAt(),
                    null);
        } else if (payload instanceof LearnerRegistered registered) {
            LearnerRecord learner = learnerOnce(registered.learnerId(), id);
            return learner != null && regroup(learner, () -> learner.register(
                    registered.organisationUnit() == null ? -1 : units.intern(registered.organisationUnit())));
        } else if (payload instanceof LearnerTeamChanged changed) {
            LearnerRecord learner = learnerOnce(changed.learnerId(), id);
            return learner != null && regroup(learner,
                    () -> learner.team(changed.teamId() == null ? -1 : teams.intern(changed.teamId())));
        } else if (payload instanceof LearnerRoleAssigned assigned) {
            LearnerRecord learner = learnerOnce(assigned.learnerId(), id);
            if (learner == null) {
                return false;
            }
            learner.role(roleProfileIds.intern(assigned.roleProfileId()),
                    assigned.roleProfileVersion() == null ? 0 : assigned.roleProfileVersion());
            return true;
        } else if (payload instanceof LearnerErased erased) {
            LearnerRecord learner = learnerRecord(erased.learnerId(), true);
            if (learner.erased()) {
                return false;
            }
            totals.drop(learner, pairOf(learner));
            learner.erase();
            return true;
        } else if (payload instanceof FrameworkPublished published) {
            frameworkIds.intern(published.frameworkId());
            for (FrameworkPublished.Competency competency : published.competencies()) {
                competencyIds.intern(competency.id());
            }
            catalogue.publish(published);
            return true;
        } else if (payload instanceof FrameworkRetired retired) {
            catalogue.retire(retired.frameworkId(), retired.version());
            return true;
        } else if (payload instanceof RoleProfilePublished profile) {
            roleProfileIds.intern(profile.roleProfileId());
            for (RoleProfilePublished.RoleRequirement requirement : profile.requirements()) {
                competencyIds.intern(requirement.competencyId());
            }
            catalogue.publish(profile);
            return true;
        }
        return false;
    }

    private boolean mastery(EventKey id, String learnerId, String competencyId, String frameworkId, int kind,
                            boolean mastered, int frameworkVersion, String level, double score, Instant changedAt,
                            Instant expiresAt) {
        LearnerRecord learner = learnerForUpdate(learnerId);
        if (learner == null) {
            return false;
        }
        int competency = competencyIds.intern(competencyId);
        MasteryCell cell = learner.cellForUpdate(competency, frameworkIds.intern(frameworkId));
        totals.noteFramework(competency, cell.frameworkIndex());
        int before = cell.current();
        if (!cell.append(id, kind, mastered, frameworkVersion, level == null ? -1 : levelCodes.intern(level), score,
                changedAt.toEpochMilli(), expiresAt == null ? MasteryCell.NO_TIME : expiresAt.toEpochMilli())) {
            return false;
        }
        int after = cell.current();
        if (after != before) {
            int pair = pairOf(learner);
            if (before >= 0) {
                totals.remove(pair, competency, cell, before);
            }
            if (after >= 0) {
                totals.add(pair, competency, cell, after);
            }
        }
        return true;
    }

    /** Changes the learner's unit or team and moves their counts to the pair they now belong to. */
    private boolean regroup(LearnerRecord learner, Runnable change) {
        int from = pairOf(learner);
        change.run();
        learner.totalsPair = totals.pair(learner.unitIndex(), learner.teamIndex());
        totals.move(learner, from, learner.totalsPair);
        return true;
    }

    private int pairOf(LearnerRecord learner) {
        if (learner.totalsPair < 0) {
            learner.totalsPair = totals.pair(learner.unitIndex(), learner.teamIndex());
        }
        return learner.totalsPair;
    }

    /** The learner to change, created when unknown; null when erased. */
    private LearnerRecord learnerForUpdate(String learnerId) {
        LearnerRecord learner = learnerRecord(learnerId, true);
        return learner.erased() ? null : learner;
    }

    /** The learner, when this event of the learners topic is new for them and they are not erased. */
    private LearnerRecord learnerOnce(String learnerId, EventKey id) {
        LearnerRecord learner = learnerForUpdate(learnerId);
        return learner != null && learner.firstTime(id) ? learner : null;
    }

    private LearnerRecord learnerRecord(String learnerId, boolean create) {
        int index = create ? learnerIds.intern(learnerId) : learnerIds.find(learnerId);
        if (index < 0) {
            return null;
        }
        if (index >= learners.length) {
            learners = Arrays.copyOf(learners, Math.max(index + 1, learners.length * 2));
        }
        LearnerRecord learner = learners[index];
        if (learner == null) {
            learner = new LearnerRecord(learnerId);
            learners[index] = learner;
        }
        return learner;
    }

    // ---- reading

    /** How many events changed the state. */
    public long applied() {
        return applied;
    }

    /** One past the highest learner index. */
    public int learnerSlots() {
        return learnerIds.size();
    }

    /** The learner of an index, erased ones included (check {@link LearnerRecord#erased()}). */
    public LearnerRecord learner(int index) {
        return learners[index];
    }

    /** The learner, or null when unknown; erased learners are reported as unknown. */
    public LearnerRecord learner(String learnerId) {
        int index = learnerIds.find(learnerId);
        LearnerRecord learner = index < 0 ? null : learners[index];
        return learner == null || learner.erased() ? null : learner;
    }

    /** The capability counts of the present, per pair of unit and team and per competency. */
    public CapabilityTotals capabilityTotals() {
        return totals;
    }

    public int frameworkIndex(String frameworkId) {
        return frameworkIds.find(frameworkId);
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    public int competencySlots() {
        return competencyIds.size();
    }

    public int competencyIndex(String competencyId) {
        return competencyIds.find(competencyId);
    }

    public String competencyId(int index) {
        return competencyIds.value(index);
    }

    public String unit(int index) {
        return units.value(index);
    }

    public int unitIndex(String unit) {
        return units.find(unit);
    }

    public String team(int index) {
        return teams.value(index);
    }

    public int teamIndex(String teamId) {
        return teams.find(teamId);
    }

    public String frameworkId(int index) {
        return frameworkIds.value(index);
    }

    public String roleProfileId(int index) {
        return roleProfileIds.value(index);
    }

    public int roleProfileIndex(String roleProfileId) {
        return roleProfileIds.find(roleProfileId);
    }

    public String levelCode(int index) {
        return levelCodes.value(index);
    }

    public int levelCodeCount() {
        return levelCodes.size();
    }
}
