package dev.competency.analytics.state;

import java.util.Arrays;

/**
 * The evidence of one learner, keyed by evidence id (the same evidence published twice is one piece of evidence),
 * in parallel arrays. A small open-addressing index finds an evidence id once the log outgrows a linear scan.
 *
 * <p>A void of evidence not seen yet (a producer that wrote {@code evidence.voided} before the
 * {@code evidence.recorded} it voids) is remembered and applied when the evidence arrives. At most
 * {@link #PENDING_VOIDS_LIMIT} such voids are remembered per learner; beyond that the oldest is forgotten, so a
 * stream of voids of evidence that never comes cannot grow the state without bound.
 */
public final class EvidenceLog {

    static final long NOT_VOIDED = Long.MIN_VALUE;
    /** Voids of evidence not seen yet remembered per learner (24 bytes each). */
    public static final int PENDING_VOIDS_LIMIT = 64;
    private static final int SCAN_LIMIT = 16;

    private long[] idHigh = new long[4];
    private long[] idLow = new long[4];
    private int[] competency = new int[4];
    private byte[] source = new byte[4];
    private long[] occurredAt = new long[4];
    private long[] recordedAt = new long[4];
    private long[] voidedAt = new long[4];
    private int size;
    private int[] index;
    /** Voids of evidence not seen yet, oldest first: id and epoch millis of the void. */
    private long[] pendingHigh;
    private long[] pendingLow;
    private long[] pendingAt;
    private int pendingSize;

    /** @return false when the evidence id is already known */
    boolean record(EventKey id, int competencyIndex, int sourceType, long occurred, long recorded) {
        if (find(id) >= 0) {
            return false;
        }
        if (size == idHigh.length) {
            int capacity = size * 2;
            idHigh = Arrays.copyOf(idHigh, capacity);
            idLow = Arrays.copyOf(idLow, capacity);
            competency = Arrays.copyOf(competency, capacity);
            source = Arrays.copyOf(source, capacity);
            occurredAt = Arrays.copyOf(occurredAt, capacity);
            recordedAt = Arrays.copyOf(recordedAt, capacity);
            voidedAt = Arrays.copyOf(voidedAt, capacity);
        }
        idHigh[size] = id.high();
        idLow[size] = id.low();
        competency[size] = competencyIndex;
        source[size] = (byte) sourceType;
        occurredAt[size] = occurred;
        recordedAt[size] = recorded;
        voidedAt[size] = takePendingVoid(id);
        size++;
        if (index != null) {
            if (size * 2 > index.length) {
                rebuildIndex(index.length * 2);
            } else {
                insert(size - 1);
            }
        } else if (size > SCAN_LIMIT) {
            rebuildIndex(64);
        }
        return true;
    }

    /**
     * Marks known evidence voided (the first void counts); the void of evidence not seen yet is remembered for when it
     * arrives (the first void counts there too).
     *
     * @return false when the evidence was voided already or its void is remembered already
     */
    boolean voidEvidence(EventKey id, long at) {
        int position = find(id);
        if (position < 0) {
            return rememberVoid(id, at);
        }
        if (voidedAt[position] != NOT_VOIDED) {
            return false;
        }
        voidedAt[position] = at;
        return true;
    }

    /** Voids of evidence not seen yet that are remembered (at most {@link #PENDING_VOIDS_LIMIT}). */
    public int pendingVoids() {
        return pendingSize;
    }

    private boolean rememberVoid(EventKey id, long at) {
        if (pendingPosition(id) >= 0) {
            return false;
        }
        if (pendingHigh == null) {
            pendingHigh = new long[2];
            pendingLow = new long[2];
            pendingAt = new long[2];
        }
        if (pendingSize == PENDING_VOIDS_LIMIT) {
            removePending(0);
        } else if (pendingSize == pendingHigh.length) {
            int capacity = Math.min(PENDING_VOIDS_LIMIT, pendingSize * 2);
            pendingHigh = Arrays.copyOf(pendingHigh, capacity);
            pendingLow = Arrays.copyOf(pendingLow, capacity);
            pendingAt = Arrays.copyOf(pendingAt, capacity);
        }
        pendingHigh[pendingSize] = id.high();
        pendingLow[pendingSize] = id.low();
        pendingAt[pendingSize] = at;
        pendingSize++;
        return true;
    }

    /** The time of the remembered void of the evidence, forgetting it, or {@link #NOT_VOIDED}. */
    private long takePendingVoid(EventKey id) {
        int position = pendingPosition(id);
        if (position < 0) {
            return NOT_VOIDED;
        }
        long at = pendingAt[position];
        removePending(position);
        return at;
    }

    private int pendingPosition(EventKey id) {
        for (int i = 0; i < pendingSize; i++) {
            if (pendingHigh[i] == id.high() && pendingLow[i] == id.low()) {
                return i;
            }
        }
        return -1;
    }

    private void removePending(int position) {
        int after = pendingSize - position - 1;
        System.arraycopy(pendingHigh, position + 1, pendingHigh, position, after);
        System.arraycopy(pendingLow, position + 1, pendingLow, position, after);
        System.arraycopy(pendingAt, position + 1, pendingAt, position, after);
        pendingSize--;
    }

    private int find(EventKey id) {
        if (index == null) {
            for (int i = 0; i < size; i++) {
                if (idHigh[i] == id.high() && idLow[i] == id.low()) {
                    return i;
                }
            }
            return -1;
        }
        int mask = index.length - 1;
        for (int slot = hash(id.high(), id.low()) & mask; ; slot = (slot + 1) & mask) {
            int position = index[slot] - 1;
            if (position < 0) {
                return -1;
            }
            if (idHigh[position] == id.high() && idLow[position] == id.low()) {
                return position;
            }
        }
    }

    private void rebuildIndex(int capacity) {
        index = new int[capacity];
        for (int i = 0; i < size; i++) {
            insert(i);
        }
    }

    private void insert(int position) {
        int mask = index.length - 1;
        int slot = hash(idHigh[position], idLow[position]) & mask;
        while (index[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        index[slot] = position + 1;
    }

    private static int hash(long high, long low) {
        long h = high * 0x9E3779B97F4A7C15L ^ low;
        return (int) (h ^ (h >>> 32));
    }

    public int size() {
        return size;
    }

    public int competency(int i) {
        return competency[i];
    }

    /** The ordinal of the evidence's {@code SourceType}. */
    public int source(int i) {
        return source[i];
    }

    public long occurredAt(int i) {
        return occurredAt[i];
    }

    public long recordedAt(int i) {
        return recordedAt[i];
    }

    public boolean voided(int i) {
        return voidedAt[i] != NOT_VOIDED;
    }

    /** Epoch millis of the void, {@link Long#MIN_VALUE} when not voided. */
    public long voidedAt(int i) {
        return voidedAt[i];
    }
}
