package dev.competency.analytics.state;

import java.util.Arrays;

/**
 * One learner as analytics knows them: the groups they belong to (unit, team, role profile), their mastery cells
 * indexed by competency and their evidence. No name and no e-mail address: the learners topic carries neither, and
 * screens that name people ask learner-profiles. An erased
 * learner keeps only their id as a tombstone, so that events redelivered after the erasure cannot bring them back.
 */
public final class LearnerRecord {

    private static final MasteryCell[] NO_CELLS = new MasteryCell[0];

    private final String learnerId;
    private int unit = -1;
    private int team = -1;
    private int roleProfile = -1;
    private int roleProfileVersion;
    private boolean erased;
    private long[] appliedEvents = new long[0];
    private MasteryCell[] cells = NO_CELLS;
    private int cellCount;
    private EvidenceLog evidence;
    /** The learner's pair of unit and team in {@link CapabilityTotals}, -1 until looked up. */
    int totalsPair = -1;

    LearnerRecord(String learnerId) {
        this.learnerId = learnerId;
    }

    /** Records the id of an event of the learners topic; false when it was applied already. */
    boolean firstTime(EventKey id) {
        for (int i = 0; i < appliedEvents.length; i += 2) {
            if (appliedEvents[i] == id.high() && appliedEvents[i + 1] == id.low()) {
                return false;
            }
        }
        appliedEvents = Arrays.copyOf(appliedEvents, appliedEvents.length + 2);
        appliedEvents[appliedEvents.length - 2] = id.high();
        appliedEvents[appliedEvents.length - 1] = id.low();
        return true;
    }

    void register(int unitIndex) {
        unit = unitIndex;
    }

    void team(int teamIndex) {
        team = teamIndex;
    }

    void role(int profileIndex, int pinnedVersion) {
        roleProfile = profileIndex;
        roleProfileVersion = pinnedVersion;
    }

    void erase() {
        erased = true;
        unit = -1;
        team = -1;
        roleProfile = -1;
        roleProfileVersion = 0;
        appliedEvents = new long[0];
        cells = NO_CELLS;
        cellCount = 0;
        evidence = null;
    }

    MasteryCell cellForUpdate(int competency, int frameworkIndex) {
        if (competency >= cells.length) {
            cells = Arrays.copyOf(cells, Math.max(competency + 1, Math.min(cells.length * 2 + 8, competency + 64)));
        }
        MasteryCell cell = cells[competency];
        if (cell == null) {
            cell = new MasteryCell(frameworkIndex);
            cells[competency] = cell;
            cellCount++;
        }
        return cell;
    }

    EvidenceLog evidenceForUpdate() {
        if (evidence == null) {
            evidence = new EvidenceLog();
        }
        return evidence;
    }

    public String learnerId() {
        return learnerId;
    }

    public int unitIndex() {
        return unit;
    }

    public int teamIndex() {
        return team;
    }

    public int roleProfileIndex() {
        return roleProfile;
    }

    /** The pinned role-profile version, 0 for the latest. */
    public int roleProfileVersion() {
        return roleProfileVersion;
    }

    /** The learner's pair of unit and team in the state's {@link CapabilityTotals}, -1 before their first change. */
    public int totalsPair() {
        return totalsPair;
    }

    public boolean erased() {
        return erased;
    }

    /** The cell of a competency, or null when the learner has no mastery on it. */
    public MasteryCell cell(int competency) {
        return competency >= 0 && competency < cells.length ? cells[competency] : null;
    }

    /** One past the highest competency index with a cell slot. */
    public int cellSlots() {
        return cells.length;
    }

    public int cellCount() {
        return cellCount;
    }

    /** The learner's evidence, or null when there is none. */
    public EvidenceLog evidence() {
        return evidence;
    }
}
