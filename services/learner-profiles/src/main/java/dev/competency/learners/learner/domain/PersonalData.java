package dev.competency.learners.learner.domain;

import java.util.Optional;

/**
 * Keeps a learner's name and e-mail address out of the append-only event store in readable form. Values are sealed
 * with a key of the learner's own before they go into an event; erasing the learner forgets the key, and from then
 * on every copy of those events (store, snapshots, backups) holds only text nobody can open: crypto-shredding.
 */
public interface PersonalData {

    /** The value sealed with the learner's key, made on first use; null stays null. */
    String seal(String learnerId, String value);

    /**
     * The value in readable form: empty when its learner's key has been forgotten. A value stored before values were
     * sealed is returned as it is.
     */
    Optional<String> open(String learnerId, String value);

    /** Forgets the learner's key for good; no-op when there is none. */
    void forget(String learnerId);
}
