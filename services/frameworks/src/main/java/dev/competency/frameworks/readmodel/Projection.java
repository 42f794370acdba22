package dev.competency.frameworks.readmodel;

/** A read model built from the service's event store that can be dropped and rebuilt by replay. */
public interface Projection {

    /** Drops everything the read model holds, ready for a replay from the first event. */
    void reset();
}
