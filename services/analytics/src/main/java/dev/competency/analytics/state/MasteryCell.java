package dev.competency.analytics.state;

import java.util.Arrays;

/**
 * The mastery history of one learner on one competency, in the order the stream delivered it: every
 * {@code mastery.changed}, {@code parent-mastery.changed} and {@code parent-rollup.ended}, deduplicated by
 * {@code ce_id}. The stream order is the order of the facts (all events of a learner are on one partition); the
 * {@code changedAt} of an entry only places it in time for as-of questions, so two changes in the same millisecond
 * both count, the later one in the stream winning.
 *
 * <p>Six longs per entry in one array: the event id (two), changedAt, expiresAt, the packed kind, mastered flag,
 * framework version and level, and the score's bits.
 */
public final class MasteryCell {

    /** Kinds of entry. */
    public static final int FOLDED = 0;
    public static final int ROLLUP = 1;
    public static final int ROLLUP_ENDED = 2;

    private static final int STRIDE = 6;
    static final long NO_TIME = Long.MIN_VALUE;

    private final int frameworkId;
    private long[] data = new long[STRIDE];
    private int size;
    private int lastFolded = -1;
    private int lastRollup = -1;
    private int firstMastered = -1;

    MasteryCell(int frameworkId) {
        this.frameworkId = frameworkId;
    }

    /** @return false when an entry with this event id is already in the history */
    boolean append(EventKey id, int kind, boolean mastered, int frameworkVersion, int level, double score,
                   long changedAt, long expiresAt) {
        for (int i = 0; i < size; i++) {
            if (data[i * STRIDE] == id.high() && data[i * STRIDE + 1] == id.low()) {
                return false;
            }
        }
        if ((size + 1) * STRIDE > data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        int base = size * STRIDE;
        data[base] = id.high();
        data[base + 1] = id.low();
        data[base + 2] = changedAt;
        data[base + 3] = expiresAt;
        data[base + 4] = kind | (mastered ? 4L : 0L) | ((long) frameworkVersion << 8) | ((long) (level + 1) << 32);
        data[base + 5] = Double.doubleToRawLongBits(score);
        if (kind == FOLDED) {
            lastFolded = size;
        } else {
            lastRollup = size;
        }
        if (mastered && kind != ROLLUP_ENDED && firstMastered < 0) {
            firstMastered = size;
        }
        size++;
        return true;
    }

    public int frameworkIndex() {
        return frameworkId;
    }

    public int size() {
        return size;
    }

    /** The entry that is the cell now: the roll-up while it lasts, else the folded mastery; -1 when there is none. */
    public int current() {
        if (lastRollup >= 0 && kind(lastRollup) == ROLLUP) {
            return lastRollup;
        }
        return lastFolded;
    }

    /**
     * The entry that was the cell at {@code instant} (epoch millis, inclusive): of the entries whose changedAt is at
     * or before it, the last of each kind in stream order; the roll-up while it lasted, else the folded one.
     */
    public int at(long instant) {
        int folded = -1;
        int rollup = -1;
        for (int i = size - 1; i >= 0 && (folded < 0 || rollup < 0); i--) {
            if (changedAt(i) > instant) {
                continue;
            }
            if (kind(i) == FOLDED) {
                if (folded < 0) {
                    folded = i;
                }
            } else if (rollup < 0) {
                rollup = i;
            }
        }
        return rollup >= 0 && kind(rollup) == ROLLUP ? rollup : folded;
    }

    /** The last folded entry ({@code mastery.changed}), -1 when none; its expiresAt is the mastery's expiry. */
    public int lastFolded() {
        return lastFolded;
    }

    /** The first entry, in stream order, that said mastered; -1 when none did. */
    public int firstMastered() {
        return firstMastered;
    }

    public int kind(int entry) {
        return (int) (data[entry * STRIDE + 4] & 3L);
    }

    public boolean mastered(int entry) {
        return (data[entry * STRIDE + 4] & 4L) != 0;
    }

    public int frameworkVersion(int entry) {
        return (int) ((data[entry * STRIDE + 4] >>> 8) & 0xFFFFFFL);
    }

    /** The interned level code, -1 when the entry has no level. */
    public int level(int entry) {
        return (int) (data[entry * STRIDE + 4] >>> 32) - 1;
    }

    /** The score, NaN when the entry has none. */
    public double score(int entry) {
        return Double.longBitsToDouble(data[entry * STRIDE + 5]);
    }

    public long changedAt(int entry) {
        return data[entry * STRIDE + 2];
    }

    /** Epoch millis, or {@link Long#MIN_VALUE} when the entry has no expiry. */
    public long expiresAt(int entry) {
        return data[entry * STRIDE + 3];
    }
}
