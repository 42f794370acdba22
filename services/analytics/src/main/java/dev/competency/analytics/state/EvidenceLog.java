package dev.competency.analytics.state;

import java.util.Arrays;

/**
 * The evidence of one learner, keyed by evidence id (the same evidence published twice is one piece of evidence),
 * in parallel arrays. A small open-addressing index finds an evidence id once the log outgrows a linear scan.
 */
public final class EvidenceLog {

    static final long NOT_VOIDED = Long.MIN_VALUE;
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
        voidedAt[size] = NOT_VOIDED;
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

    /** Marks known evidence voided (the first void counts); unknown evidence changes nothing. */
    boolean voidEvidence(EventKey id, long at) {
        int position = find(id);
        if (position < 0 || voidedAt[position] != NOT_VOIDED) {
            return false;
        }
        voidedAt[position] = at;
        return true;
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
