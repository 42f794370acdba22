package dev.competency.contracts.evidence;

/** The role in which an {@link Actor} produced or voided evidence. */
public enum ActorKind {
    LEARNER,
    PEER,
    ASSESSOR,
    MANAGER,
    /** An automatic scorer inside the platform. */
    SYSTEM,
    /** External e-learning content or a simulation reporting through xAPI. */
    ACTIVITY_PROVIDER
}
